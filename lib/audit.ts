import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';

/**
 * One audit row for an action on a customer's account, written in the same transaction as the
 * change. During impersonation the row names the staff member, the customer and the ticket.
 */
export async function recordCustomerAction(
  tx: DbOrTx,
  actor: CustomerActor,
  action: string,
  target: { type: string; id: string },
  detail: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<void> {
  const support = actor.impersonation;
  await tx.insert(auditLog).values({
    at,
    actorType: support ? 'staff_user' : 'customer_user',
    actorId: support ? support.staffUserId : actor.userId,
    customerId: actor.customerId,
    impersonationSessionId: support?.sessionId ?? null,
    action,
    targetType: target.type,
    targetId: target.id,
    detail: support ? { ...detail, ticket: support.ticket, onBehalfOfCustomer: true } : detail,
  });
}

/** One audit row for a staff member's own action (back office, support). */
export async function recordStaffAction(
  tx: DbOrTx,
  actor: StaffActor,
  action: string,
  target: { type: string; id: string; customerId?: string | null },
  detail: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<void> {
  await tx.insert(auditLog).values({
    at,
    actorType: 'staff_user',
    actorId: actor.userId,
    customerId: target.customerId ?? null,
    action,
    targetType: target.type,
    targetId: target.id,
    detail,
  });
}
