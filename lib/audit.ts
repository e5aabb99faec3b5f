// The only audit writer: every row of the append-only audit log is written here, in the same
// transaction as the change it records (or, for a page view or a sign-in, on its own).
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';

type AuditRow = typeof auditLog.$inferInsert;

/** Who acted, as the audit log names them. */
export type AuditActor =
  | { type: 'customer_user'; id: string; customerId: string }
  | { type: 'staff_user'; id: string; customerId?: string | null; impersonationSessionId?: string | null }
  | { type: 'system' };

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  /** The customer whose account the row belongs to, when the actor does not say it. */
  customerId?: string | null;
  detail?: Record<string, unknown>;
  at?: Date;
}

/** One audit row. The other writers below are this with the actor's names filled in. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const a = entry.actor;
  const row: AuditRow = {
    ...(entry.at ? { at: entry.at } : {}),
    actorType: a.type,
    actorId: a.type === 'system' ? null : a.id,
    customerId: entry.customerId ?? (a.type === 'system' ? null : (a.customerId ?? null)),
    impersonationSessionId: a.type === 'staff_user' ? (a.impersonationSessionId ?? null) : null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    ...(entry.detail ? { detail: entry.detail } : {}),
  };
  await tx.insert(auditLog).values(row);
}

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
  await recordAudit(tx, {
    actor: support
      ? { type: 'staff_user', id: support.staffUserId, customerId: actor.customerId, impersonationSessionId: support.sessionId }
      : { type: 'customer_user', id: actor.userId, customerId: actor.customerId },
    action,
    target,
    detail: support
      ? { ...detail, ticket: support.ticket, onBehalfOfCustomer: true }
      : actor.apiKey
        ? { ...detail, via: 'api_key', apiKeyId: actor.apiKey.id, apiKeyName: actor.apiKey.name }
        : detail,
    at,
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
  await recordAudit(tx, {
    actor: { type: 'staff_user', id: actor.userId, customerId: target.customerId ?? null },
    action,
    target: { type: target.type, id: target.id },
    detail,
    at,
  });
}

/** An audit row written by the portal itself (no user acted): a job settling what the dates already say. */
export async function recordSystemAction(
  tx: DbOrTx,
  action: string,
  target: { type: string; id: string; customerId: string },
  detail: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await recordAudit(tx, { actor: { type: 'system' }, action, target, customerId: target.customerId, detail, at });
}

/** A page a support member saw as the customer, under both names with the ticket (lib/auth/guard.ts). */
export async function recordSupportPageView(
  tx: DbOrTx,
  view: { sessionId: string; staffUserId: string; customerId: string; ticket: string; path: string },
): Promise<void> {
  await recordAudit(tx, {
    actor: { type: 'staff_user', id: view.staffUserId, customerId: view.customerId, impersonationSessionId: view.sessionId },
    action: 'support.page_view',
    target: { type: 'page', id: view.path.slice(0, 200) },
    detail: { ticket: view.ticket },
  });
}

/** A sign-in or a second-factor enrolment of a user (lib/auth/sign-in.ts, lib/auth/enrolment.ts). */
export async function recordAuthEvent(
  tx: DbOrTx,
  user: { kind: 'customer'; id: string; customerId: string } | { kind: 'staff'; id: string },
  action: 'auth.sign_in' | 'auth.totp_enrolled',
  detail: Record<string, unknown> | undefined,
  at: Date,
): Promise<void> {
  await recordAudit(tx, {
    actor: user.kind === 'customer' ? { type: 'customer_user', id: user.id, customerId: user.customerId } : { type: 'staff_user', id: user.id },
    action,
    ...(detail ? { detail } : {}),
    at,
  });
}

const text = z.string().max(500).optional().catch(undefined);
const shownDetail = z.object({ contractNumber: text, code: text, effectiveDate: text, from: text, to: text, reason: text, apiKeyName: text });

/** What the customer's Activity shows of a row's detail, read with zod (any other field is left out). */
export type ShownAuditDetail = z.output<typeof shownDetail>;
export function readAuditDetail(detail: unknown): ShownAuditDetail {
  const parsed = shownDetail.safeParse(detail ?? {});
  return parsed.success ? parsed.data : {};
}
