// Service level reductions: R-SLA-AVAIL, R-SLA-NOTIFY, R-SLA-CAP, R-SLA-CLAIM-WINDOW
// (Art. 5, Art. 9, App. 1).
import { assertInstant, sameDayMonthsLater } from './dates';
import { assertYen } from './money';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The 30 minutes within which a detected failure must be notified (App. 1 §2). */
export const NOTIFICATION_WINDOW_MS = 30 * MINUTE;

export interface Fraction {
  numerator: number;
  denominator: number;
}

/** App. 1 §1(2): an outage up to `upToMs` (inclusive) earns this fraction of the basic fee. */
const REDUCTION_BANDS: readonly { upToMs: number; fraction: Fraction }[] = [
  { upToMs: 30 * MINUTE, fraction: { numerator: 0, denominator: 1 } },
  { upToMs: 60 * MINUTE, fraction: { numerator: 1, denominator: 90 } },
  { upToMs: 12 * HOUR, fraction: { numerator: 1, denominator: 30 } },
  { upToMs: 24 * HOUR, fraction: { numerator: 1, denominator: 10 } },
  { upToMs: 3 * DAY, fraction: { numerator: 1, denominator: 5 } },
  { upToMs: 7 * DAY, fraction: { numerator: 1, denominator: 3 } },
  { upToMs: 14 * DAY, fraction: { numerator: 1, denominator: 2 } },
];
const WHOLE_FEE: Fraction = { numerator: 1, denominator: 1 };

/** Reasons an operator records to exclude an outage from any reduction (R-SLA-EXCLUSIONS). */
export const SLA_EXCLUSION_REASONS = ['customer_breach', 'not_company_fault', 'announced_suspension'] as const;
export type SlaExclusionReason = (typeof SLA_EXCLUSION_REASONS)[number];

/** R-SLA-AVAIL: the fraction of the basic monthly fee one outage of `durationMs` earns. */
export function slaReductionFraction(durationMs: number): Fraction {
  if (typeof durationMs !== 'number' || Number.isNaN(durationMs) || durationMs < 0) {
    throw new RangeError(`durationMs: not a non-negative duration (${String(durationMs)})`);
  }
  const band = REDUCTION_BANDS.find(({ upToMs }) => durationMs <= upToMs);
  return { ...(band ? band.fraction : WHOLE_FEE) };
}

/** R-SLA-AVAIL: the reduction for one outage, floor(basic fee × fraction); never above the fee. */
export function availabilityCreditYen(input: { startedAt: Date; endedAt: Date; basicMonthlyFeeYen: number }): number {
  const startedAt = assertInstant('startedAt', input.startedAt);
  const endedAt = assertInstant('endedAt', input.endedAt);
  const fee = assertYen('basicMonthlyFeeYen', input.basicMonthlyFeeYen);
  const durationMs = endedAt.getTime() - startedAt.getTime();
  if (durationMs < 0) throw new RangeError('endedAt: the outage ends before it starts');
  const { numerator, denominator } = slaReductionFraction(durationMs);
  return Number((BigInt(fee) * BigInt(numerator)) / BigInt(denominator));
}

/** R-SLA-NOTIFY (I-5): a late failure notification earns 1/30 of the basic monthly fee. */
export function notificationCreditYen(basicMonthlyFeeYen: number): number {
  return Math.floor(assertYen('basicMonthlyFeeYen', basicMonthlyFeeYen) / 30);
}

/** R-SLA-NOTIFY: the instant by which a failure detected at `detectedAt` must be notified. */
export function notificationDeadline(detectedAt: Date): Date {
  return new Date(assertInstant('detectedAt', detectedAt).getTime() + NOTIFICATION_WINDOW_MS);
}

/** R-SLA-NOTIFY: whether a notification sent at `notifiedAt` missed the 30-minute window. */
export function isNotificationLate(input: { detectedAt: Date; notifiedAt: Date }): boolean {
  const notifiedAt = assertInstant('notifiedAt', input.notifiedAt);
  return notifiedAt.getTime() > notificationDeadline(input.detectedAt).getTime();
}

/** R-SLA-CAP (Art. 9): the reductions of one billing month, capped at that month's basic fee. */
export function cappedMonthlyCreditYen(input: { creditsYen: readonly number[]; basicMonthlyFeeYen: number }): number {
  const fee = assertYen('basicMonthlyFeeYen', input.basicMonthlyFeeYen);
  const total = input.creditsYen.reduce((sum, credit, i) => sum + assertYen(`creditsYen[${i}]`, credit), 0);
  return Math.min(total, fee);
}

/**
 * R-SLA-CLAIM-WINDOW (Art. 9): the last day to claim a reduction first claimable on
 * `claimableFrom` — the same-numbered day three months later, or that month's last day.
 */
export function slaClaimDeadline(claimableFrom: string): string {
  return sameDayMonthsLater(claimableFrom, 3, 'claimableFrom');
}

/** An outage's length in whole minutes (rounded), as screens show it; null while it goes on. */
export function outageDurationMinutes(startedAt: Date, endedAt: Date | null): { hours: number; minutes: number } | null {
  if (!endedAt) return null;
  const total = Math.round((endedAt.getTime() - startedAt.getTime()) / MINUTE);
  if (total < 0) throw new RangeError('endedAt: an outage cannot end before it starts');
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

export type OutageRecordRefusal = 'outage_ends_before_start' | 'detected_before_start' | 'notified_before_detected' | 'in_future';

/**
 * Whether the instants an operator records for an outage make sense (App. 1): it ends after it
 * starts, is detected no earlier than it starts, notified no earlier than detected, and nothing
 * lies in the future. The first problem found, or null.
 */
export function outageRecordRefusal(input: {
  startedAt: Date;
  endedAt: Date | null;
  detectedAt: Date;
  notifiedAt: Date | null;
  now: Date;
}): OutageRecordRefusal | null {
  if (input.endedAt && input.endedAt.getTime() <= input.startedAt.getTime()) return 'outage_ends_before_start';
  if (input.detectedAt.getTime() < input.startedAt.getTime()) return 'detected_before_start';
  if (input.notifiedAt && input.notifiedAt.getTime() < input.detectedAt.getTime()) return 'notified_before_detected';
  const instants = [input.startedAt, input.endedAt, input.detectedAt, input.notifiedAt].filter((d): d is Date => d !== null);
  if (instants.some((d) => d.getTime() > input.now.getTime())) return 'in_future';
  return null;
}

/** Where a failure notification stands against its 30-minute deadline (R-SLA-NOTIFY). */
export interface NotificationLateness {
  /**
   * on_time: notified by the deadline; late: notified after it; pending: not yet notified and
   * the deadline has not passed; overdue: not notified and the deadline has passed.
   */
  state: 'on_time' | 'late' | 'pending' | 'overdue';
  /** Whole minutes past the deadline, rounded up (late and overdue only): 1 ms late is 1 min. */
  minutesLate?: number;
  /** Whole minutes from detection to the notification, rounded up (on_time and late only). */
  minutesAfterDetection?: number;
  /** detectedAt + 30 minutes: a notification at exactly this instant is on time. */
  deadline: Date;
}

/**
 * R-SLA-NOTIFY (App. 1 §2): whether the failure notification of an outage detected at
 * `detectedAt` was (or still can be) on time, judged at `now` while it has not been sent.
 */
export function notificationLateness(input: { detectedAt: Date; notifiedAt: Date | null; now: Date }): NotificationLateness {
  const deadline = notificationDeadline(input.detectedAt);
  const minutesPast = (at: Date) => Math.ceil((at.getTime() - deadline.getTime()) / MINUTE);
  if (input.notifiedAt) {
    const notifiedAt = assertInstant('notifiedAt', input.notifiedAt);
    const minutesAfterDetection = Math.ceil((notifiedAt.getTime() - input.detectedAt.getTime()) / MINUTE);
    return notifiedAt.getTime() > deadline.getTime()
      ? { state: 'late', minutesLate: minutesPast(notifiedAt), minutesAfterDetection, deadline }
      : { state: 'on_time', minutesAfterDetection, deadline };
  }
  const now = assertInstant('now', input.now);
  return now.getTime() > deadline.getTime() ? { state: 'overdue', minutesLate: minutesPast(now), deadline } : { state: 'pending', deadline };
}
