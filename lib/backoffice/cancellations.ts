// Cancellations take effect by themselves: an option's status is derived from its last day
// (displayStatus), so nobody has to press a button on the effective date. This job only
// writes down what the dates already say — notices effective, options (a public port's NAPT
// add-ons with it) and contracts ended — and records the early termination charges (R-ETF)
// the customer confirmed on the notice.
import { and, asc, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cancellationNotices, options, smarthubContracts } from '@/db/schema';
import { recordSystemAction } from '@/lib/audit';
import { enqueueNotification } from '@/lib/notify/outbox';
import { optionsWithEarlyTermination, recordCharges } from '@/lib/billing/charges';
import { lockContract, readCancellationSummary } from '@/lib/contract';
import { feesOwedOnEnding, japanDate, noticeStatusOn } from '@/lib/rules';

export interface SettledNotice {
  noticeId: string;
  customerId: string;
  effectiveDate: string;
  charges: { optionId: string; amountYen: number }[];
}

/**
 * Settles every pending notice whose effective date (the last day of service) has passed.
 * Safe to run any number of times, concurrently too: each notice is settled in its own
 * transaction under its contract's lock, and charges are unique per (source, kind).
 * Notices are settled in date order; an option already charged an early termination (by its
 * own, earlier notice, or because its Private Backbone contract ended) is not charged twice.
 */
export async function settleEndedCancellations(db: Db, now: Date): Promise<SettledNotice[]> {
  const today = japanDate(now);
  const due = await db
    .select({ id: cancellationNotices.id, customerId: cancellationNotices.customerId, contractId: cancellationNotices.contractId })
    .from(cancellationNotices)
    .where(and(eq(cancellationNotices.status, 'pending'), lt(cancellationNotices.effectiveDate, today)))
    .orderBy(asc(cancellationNotices.effectiveDate), asc(cancellationNotices.receivedAt));
  const settled: SettledNotice[] = [];
  for (const candidate of due) {
    const done = await db.transaction(async (tx) => {
      const contract = await lockContract(tx, { contractId: candidate.contractId, customerId: candidate.customerId });
      if (!contract) return null;
      const [notice] = await tx
        .select()
        .from(cancellationNotices)
        .where(and(eq(cancellationNotices.id, candidate.id), eq(cancellationNotices.customerId, candidate.customerId)));
      if (!notice || noticeStatusOn(notice, today) !== 'effective') return null;

      await tx
        .update(cancellationNotices)
        .set({ status: 'effective' })
        .where(and(eq(cancellationNotices.id, notice.id), eq(cancellationNotices.customerId, notice.customerId)));
      if (notice.optionId) {
        await tx
          .update(options)
          .set({ status: 'ended' })
          .where(and(eq(options.id, notice.optionId), eq(options.customerId, notice.customerId)));
        // A public port's NAPT add-ons ended with it (R-NAPT-PER-PORT: never outliving their port).
        await tx
          .update(options)
          .set({ status: 'ended' })
          .where(
            and(
              eq(options.portId, notice.optionId),
              eq(options.kind, 'napt'),
              eq(options.contractId, contract.id),
              eq(options.customerId, notice.customerId),
              ne(options.status, 'ended'),
            ),
          );
      } else {
        await tx
          .update(options)
          .set({ status: 'ended' })
          .where(and(eq(options.contractId, contract.id), eq(options.customerId, notice.customerId), ne(options.status, 'ended')));
        await tx
          .update(smarthubContracts)
          .set({ status: 'ended' })
          .where(and(eq(smarthubContracts.id, contract.id), eq(smarthubContracts.customerId, notice.customerId)));
      }

      // The charges the customer confirmed on the notice, owed on its effective date (R-ETF).
      const confirmed = feesOwedOnEnding(
        notice.effectiveDate,
        (readCancellationSummary(notice.summary)?.ending ?? []).map((e) => ({
          key: e.optionId,
          earlyTerminationYen: e.earlyTermination?.totalYen ?? 0,
        })),
      );
      const alreadyCharged = await optionsWithEarlyTermination(
        tx,
        notice.customerId,
        confirmed.map((f) => f.key),
      );
      const owedNow = confirmed.filter((f) => !alreadyCharged.has(f.key));
      const recorded = owedNow.map((f) => ({ optionId: f.key, amountYen: f.amountYen }));
      await recordCharges(
        tx,
        owedNow.map((f) => ({
          customerId: notice.customerId,
          contractId: contract.id,
          optionId: f.key,
          kind: f.kind,
          amountYen: f.amountYen,
          owedOn: f.owedOn,
          sourceType: 'cancellation' as const,
          sourceId: `${notice.id}:${f.key}`,
        })),
      );
      await recordSystemAction(
        tx,
        'cancellation.effective',
        { type: notice.optionId ? 'option' : 'contract', id: notice.optionId ?? contract.id, customerId: notice.customerId },
        {
          noticeId: notice.id,
          contractNumber: contract.contractNumber,
          effectiveDate: notice.effectiveDate,
          earlyTermination: recorded,
        },
        now,
      );
      const [ended] = notice.optionId
        ? await tx
            .select({ code: options.code })
            .from(options)
            .where(and(eq(options.id, notice.optionId), eq(options.customerId, notice.customerId)))
        : [{ code: contract.contractNumber }];
      await enqueueNotification(
        tx,
        {
          customerId: notice.customerId,
          category: 'cancellations',
          type: 'cancellation.effective',
          facts: { noticeId: notice.id, contractNumber: contract.contractNumber, target: ended?.code ?? contract.contractNumber, effectiveDate: notice.effectiveDate },
          link: `/contracts/${contract.id}`,
          to: [{ kind: 'customer_users' }],
          dedupeKey: `cancellation.effective:${notice.id}`,
        },
        now,
      );
      return { noticeId: notice.id, customerId: notice.customerId, effectiveDate: notice.effectiveDate, charges: recorded };
    });
    if (done) settled.push(done);
  }
  return settled;
}
