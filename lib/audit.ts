import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { CustomerActor } from '@/lib/auth/access';

/** One audit row for a customer's action, written in the same transaction as the change. */
export async function recordCustomerAction(
  tx: DbOrTx,
  actor: CustomerActor,
  action: string,
  target: { type: string; id: string },
  detail: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<void> {
  await tx.insert(auditLog).values({
    at,
    actorType: 'customer_user',
    actorId: actor.userId,
    customerId: actor.customerId,
    action,
    targetType: target.type,
    targetId: target.id,
    detail,
  });
}
