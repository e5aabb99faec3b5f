// Outages and SLA credit claims as the SLA page shows them (lib/sla): what each outage earns and
// until when it may be claimed (lib/rules outageCredits, claimRefusal), and the claims made.
import { z } from 'zod';
import type { ContractRow } from '@/lib/contract/rows';
import { earnedCredit, notificationLateness, outageDurationMinutes, SLA_EXCLUSION_REASONS, type CreditKind } from '@/lib/rules';
import type { ClaimRow, OutageCreditView } from '@/lib/sla/queries';
import { day, instant, iso, isoOrNull, yen } from './common';

const creditKindSchema = z.enum(['availability', 'notification']).meta({
  id: 'CreditKind',
  description: '`availability`: the reduction for the outage\'s length (R-SLA-AVAIL); `notification`: the reduction for a failure notice later than 30 minutes after detection (R-SLA-NOTIFY).',
});

const outageCreditSchema = z
  .object({
    earnedYen: yen()
      .nullable()
      .meta({ description: 'The reduction the outage earned, excluding tax; null when it earns none (yet): still going on, notified on time, excluded, or too short.' }),
    claimableFrom: day().nullable(),
    lastDayToClaim: day().nullable().meta({ description: 'The last day a claim is accepted (R-SLA-CLAIM-WINDOW).' }),
    claimable: z.boolean().meta({ description: 'Whether a claim would be accepted today.' }),
    refusal: z
      .enum(['claim_lapsed', 'excluded', 'outage_ongoing', 'nothing_to_claim', 'already_claimed'])
      .nullable()
      .meta({ description: 'Why a claim would not be accepted today; null when it would.' }),
    claimId: z.uuid().nullable().meta({ description: 'The claim made, if any (see `/sla-credits/{claimId}`).' }),
  })
  .meta({ id: 'OutageCredit', description: 'One reduction an outage may earn, and where its claim stands.' });

export const outageSchema = z
  .object({
    id: z.uuid(),
    contract: z.object({ id: z.uuid(), contractNumber: z.string() }),
    startedAt: instant(),
    endedAt: instant().nullable().meta({ description: 'Null while it goes on.' }),
    detectedAt: instant(),
    notifiedAt: instant().nullable().meta({ description: 'When IIJ sent the failure notice; null while not sent.' }),
    duration: z
      .object({ hours: z.int(), minutes: z.int() })
      .nullable()
      .meta({ description: 'Its length in whole minutes (rounded), as hours and minutes; null while it goes on.' }),
    notification: z
      .object({
        state: z.enum(['on_time', 'late', 'pending', 'overdue']).meta({
          description: '`on_time`: notified within 30 minutes of detection; `late`: notified after; `pending`: not yet, still within the 30 minutes; `overdue`: not yet, past them.',
        }),
        deadline: instant(),
        minutesAfterDetection: z.int().nullable(),
        minutesLate: z.int().nullable(),
      })
      .meta({ description: 'The failure notice against its 30-minute deadline (R-SLA-NOTIFY).' }),
    excluded: z.boolean().meta({ description: 'Excluded from any reduction by IIJ (R-SLA-EXCLUSIONS), for `exclusionReason`.' }),
    exclusionReason: z.enum(SLA_EXCLUSION_REASONS).nullable(),
    basicMonthlyFeeYen: yen().nullable().meta({ description: 'The basic monthly fee in force on the day it started, which its reductions are fractions of; null when the price list has none.' }),
    availabilityFraction: z
      .object({ numerator: z.int(), denominator: z.int() })
      .nullable()
      .meta({ description: 'The fraction of the basic monthly fee its length earns (App. 1 §1); null while it goes on.' }),
    credits: z.object({ availability: outageCreditSchema, notification: outageCreditSchema }),
  })
  .meta({ id: 'Outage', description: 'An outage of a Smart HUB contract (App. 1), with the reductions it earns, as the SLA page shows it.' });

export const slaCreditSchema = z
  .object({
    id: z.uuid(),
    outageId: z.uuid(),
    contract: z.object({ id: z.uuid(), contractNumber: z.string() }),
    kind: creditKindSchema,
    status: z.enum(['submitted', 'approved', 'rejected']),
    amountYen: yen().meta({ description: 'The reduction claimed, as shown when claimed (excluding tax).' }),
    comment: z.string().nullable(),
    billingMonth: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .nullable()
      .meta({ description: 'Once approved: the month whose statement it reduces (capped at the basic monthly fee per month, R-SLA-CAP).', example: '2026-12' }),
    claimedAt: instant(),
    decidedAt: instant().nullable(),
    decisionReason: z.string().nullable().meta({ description: 'IIJ\'s reason, when it was rejected.' }),
  })
  .meta({ id: 'SlaCredit', description: 'An SLA credit claim (Art. 9): one reduction of one outage, claimed once.' });

type ContractRef = Pick<ContractRow, 'id' | 'contractNumber'>;

function creditOf(view: OutageCreditView, kind: CreditKind): z.output<typeof outageCreditSchema> {
  const { claim, refusal } = view.kinds[kind];
  // As the SLA page: an excluded outage earns nothing, so no amount and no deadline.
  const earned = view.credits && !view.credits.excluded ? earnedCredit(view.credits, kind) : null;
  return {
    earnedYen: earned?.yen ?? null,
    claimableFrom: earned?.claimableFrom ?? null,
    lastDayToClaim: earned?.lastDayToClaim ?? null,
    claimable: refusal === null,
    refusal: refusal?.reason ?? null,
    claimId: claim?.id ?? null,
  };
}

export function outageOf(view: OutageCreditView, contract: ContractRef, now: Date): z.output<typeof outageSchema> {
  const { outage } = view;
  const lateness = notificationLateness({ detectedAt: outage.detectedAt, notifiedAt: outage.notifiedAt, now });
  const availability = view.credits?.availability;
  const reason = outage.exclusionReason;
  return {
    id: outage.id,
    contract: { id: contract.id, contractNumber: contract.contractNumber },
    startedAt: iso(outage.startedAt),
    endedAt: isoOrNull(outage.endedAt),
    detectedAt: iso(outage.detectedAt),
    notifiedAt: isoOrNull(outage.notifiedAt),
    duration: outageDurationMinutes(outage.startedAt, outage.endedAt),
    notification: {
      state: lateness.state,
      deadline: iso(lateness.deadline),
      minutesAfterDetection: lateness.minutesAfterDetection ?? null,
      minutesLate: lateness.minutesLate ?? null,
    },
    excluded: reason !== null,
    exclusionReason: reason !== null && (SLA_EXCLUSION_REASONS as readonly string[]).includes(reason) ? (reason as (typeof SLA_EXCLUSION_REASONS)[number]) : null,
    basicMonthlyFeeYen: view.basicMonthlyFeeYen,
    availabilityFraction: availability?.state === 'ended' ? { numerator: availability.fraction.numerator, denominator: availability.fraction.denominator } : null,
    credits: { availability: creditOf(view, 'availability'), notification: creditOf(view, 'notification') },
  };
}

export function slaCreditOf(claim: ClaimRow, contract: ContractRef): z.output<typeof slaCreditSchema> {
  return {
    id: claim.id,
    outageId: claim.outageId,
    contract: { id: contract.id, contractNumber: contract.contractNumber },
    kind: claim.kind,
    status: claim.status,
    amountYen: claim.amountYen,
    comment: claim.comment,
    billingMonth: claim.billingMonth,
    claimedAt: iso(claim.claimedAt),
    decidedAt: isoOrNull(claim.decidedAt),
    decisionReason: claim.decisionReason,
  };
}
