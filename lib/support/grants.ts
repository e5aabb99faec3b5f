// "Support may act for us": a customer admin allows support staff to submit, change, cancel and
// withdraw on the customer's behalf for 1–30 days; revocable; both recorded.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notFound, refused, type Result } from '@/lib/result';
import { supportGrants } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import type { CustomerActor } from '@/lib/auth/access';

export const MAX_GRANT_DAYS = 30;
export type GrantOutcome = Result<{ id: string }>;

function mayManage(actor: CustomerActor) {
  // Never while impersonating: the grant is the customer's own decision.
  if (actor.impersonation) return 'not_during_support' as const;
  if (!actor.canWrite) return 'read_only' as const;
  return null;
}

export async function grantSupportAccess(db: Db, actor: CustomerActor, input: { days: number }, now: Date = new Date()): Promise<GrantOutcome> {
  const refusal = mayManage(actor);
  if (refusal) return refused(refusal);
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_GRANT_DAYS) return refused('invalid');
  return db.transaction(async (tx) => {
    // One grant at a time: a new one replaces any in force.
    await tx
      .update(supportGrants)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(and(eq(supportGrants.customerId, actor.customerId), isNull(supportGrants.revokedAt), gt(supportGrants.expiresAt, now)));
    const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
    const [grant] = await tx
      .insert(supportGrants)
      .values({ customerId: actor.customerId, grantedBy: actor.userId, startsAt: now, expiresAt })
      .returning();
    if (!grant) throw new Error('grant not inserted');
    await recordCustomerAction(tx, actor, 'support.grant', { type: 'grant', id: grant.id }, { days: input.days, expiresAt: expiresAt.toISOString() }, now);
    return { ok: true, id: grant.id };
  });
}

export async function revokeSupportAccess(db: Db, actor: CustomerActor, now: Date = new Date()): Promise<GrantOutcome> {
  const refusal = mayManage(actor);
  if (refusal) return refused(refusal);
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(supportGrants)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(and(eq(supportGrants.customerId, actor.customerId), isNull(supportGrants.revokedAt), gt(supportGrants.expiresAt, now)))
      .returning();
    if (revoked.length === 0) return notFound;
    await recordCustomerAction(tx, actor, 'support.revoke_grant', { type: 'grant', id: revoked[0]!.id }, {}, now);
    return { ok: true, id: revoked[0]!.id };
  });
}
