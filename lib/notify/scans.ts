// Notices no write causes, found by scanning (run by the loop, lib/notify/loop.ts): support access
// that ran out by itself, and claim deadlines drawing near. Each writes its event once, by dedupe key.
import { and, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { creditClaims, impersonationSessions, outages, smarthubContracts, staffUsers } from '@/db/schema';
import { CREDIT_KINDS, claimReminderDue, earnedCredit, japanDate } from '@/lib/rules';
import { basicMonthlyFeeOn, outageCreditView } from '@/lib/sla/queries';
import { enqueueNotification } from './outbox';

/**
 * Support access that ran out by itself (nobody pressed End): its "support access ended" notice,
 * once (the same dedupe key as the End button's, so an ended session is never told twice). Looks at
 * sessions that expired in the last day.
 */
export async function scanExpiredSupportAccess(db: Db, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const expired = await db
    .select({ session: impersonationSessions, staffName: staffUsers.name })
    .from(impersonationSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, impersonationSessions.staffUserId))
    .where(and(isNull(impersonationSessions.endedAt), lte(impersonationSessions.expiresAt, now), gte(impersonationSessions.expiresAt, since)));
  for (const { session, staffName } of expired) {
    await enqueueNotification(
      db,
      {
        customerId: session.customerId,
        category: 'support',
        type: 'support.access_ended',
        facts: { sessionId: session.id, staffName, ticket: session.ticket, endedAt: session.expiresAt.toISOString() },
        link: '/activity',
        to: [{ kind: 'customer_users', roles: ['admin'] }],
        dedupeKey: `support.access_ended:${session.id}`,
      },
      now,
    );
  }
  return expired.length;
}

/**
 * The "claim deadline in 14 days" reminder: every ended, not excluded outage with an unclaimed
 * reduction whose last day to claim is within CLAIM_REMINDER_DAYS (lib/rules claimReminderDue) gets
 * one reminder (dedupeKey per outage and kind, so a scan repeated by any number of workers writes it
 * once). Claims are read for all candidates at once, the basic fee once per customer and day.
 */
export async function scanClaimDeadlines(db: Db, now: Date): Promise<number> {
  const today = japanDate(now);
  // The claim window is months long; outages that ended in the last year are enough to look at.
  const since = new Date(now.getTime() - 400 * 24 * 60 * 60 * 1000);
  const candidates = await db
    .select({ outage: outages, contractNumber: smarthubContracts.contractNumber })
    .from(outages)
    .innerJoin(smarthubContracts, and(eq(smarthubContracts.id, outages.contractId), eq(smarthubContracts.customerId, outages.customerId)))
    .where(and(isNotNull(outages.endedAt), gte(outages.endedAt, since), isNull(outages.exclusionReason)));
  if (candidates.length === 0) return 0;
  const claims = await db
    .select()
    .from(creditClaims)
    .where(inArray(creditClaims.outageId, candidates.map((c) => c.outage.id)));
  const fees = new Map<string, Promise<number | null>>();
  let written = 0;
  for (const { outage, contractNumber } of candidates) {
    const feeOn = (date: string) => {
      const key = `${outage.customerId}|${date}`;
      if (!fees.has(key)) fees.set(key, basicMonthlyFeeOn(db, outage.customerId, date));
      return fees.get(key)!;
    };
    const own = claims.filter((c) => c.outageId === outage.id && c.customerId === outage.customerId);
    const view = await outageCreditView(db, outage, own, now, feeOn);
    for (const kind of CREDIT_KINDS) {
      if (view.kinds[kind].refusal || !view.credits) continue;
      const earned = earnedCredit(view.credits, kind);
      if (!earned || !claimReminderDue({ lastDayToClaim: earned.lastDayToClaim, today })) continue;
      await enqueueNotification(
        db,
        {
          customerId: outage.customerId,
          category: 'sla',
          type: 'sla.claim_deadline',
          facts: { contractNumber, outageId: outage.id, kind, startedAt: outage.startedAt.toISOString(), amountYen: earned.yen, lastDayToClaim: earned.lastDayToClaim },
          link: `/contracts/${outage.contractId}/sla`,
          to: [{ kind: 'customer_users', roles: ['admin', 'billing'] }],
          dedupeKey: `sla.claim_deadline:${outage.id}:${kind}`,
        },
        now,
      );
      written += 1;
    }
  }
  return written;
}
