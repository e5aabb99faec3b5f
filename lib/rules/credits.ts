// What one outage earns the customer (Art. 5, 9, App. 1): the availability reduction once it has
// ended, the late-notification reduction once the 30-minute deadline is missed, nothing when an
// operator excluded it (R-SLA-EXCLUSIONS), and the window in which each may be claimed.
import { assertCalendarDate, assertInstant, daysBetween, japanDate } from './dates';
import { nextMonth } from './statement';
import { assertYen } from './money';
import {
  availabilityCreditYen,
  notificationCreditYen,
  notificationLateness,
  slaClaimDeadline,
  slaReductionFraction,
  type Fraction,
} from './sla';

/** A reduction the customer may claim, with the days it may be claimed in (R-SLA-CLAIM-WINDOW). */
export interface ClaimableCredit {
  yen: number;
  /** The first day it could be claimed: the outage's end date, or the date the notification deadline passed (Japan time). */
  claimableFrom: string;
  lastDayToClaim: string;
}

export type AvailabilityCredit =
  | { state: 'ongoing' }
  | ({ state: 'ended'; durationMs: number; fraction: Fraction } & ClaimableCredit);

export type NotificationCredit =
  | { state: 'on_time'; deadline: Date }
  | { state: 'pending'; deadline: Date }
  | ({ state: 'late' | 'overdue'; deadline: Date } & ClaimableCredit);

export interface OutageCredits {
  /** R-SLA-EXCLUSIONS: an excluded outage earns nothing (both amounts are 0). */
  excluded: boolean;
  availability: AvailabilityCredit;
  notification: NotificationCredit;
}

/**
 * R-SLA-AVAIL and R-SLA-NOTIFY for one outage as of `now`, of the contract's basic monthly fee.
 * late: notified after the deadline; overdue: not notified and the deadline has passed;
 * pending: not notified yet, still within the 30 minutes.
 */
export function outageCredits(input: {
  startedAt: Date;
  endedAt: Date | null;
  detectedAt: Date;
  notifiedAt: Date | null;
  excluded: boolean;
  basicMonthlyFeeYen: number;
  now: Date;
}): OutageCredits {
  const startedAt = assertInstant('startedAt', input.startedAt);
  const detectedAt = assertInstant('detectedAt', input.detectedAt);
  const now = assertInstant('now', input.now);
  const fee = assertYen('basicMonthlyFeeYen', input.basicMonthlyFeeYen);
  const worth = (yen: number) => (input.excluded ? 0 : yen);
  const window = (claimableFrom: string) => ({ claimableFrom, lastDayToClaim: slaClaimDeadline(claimableFrom) });

  let availability: AvailabilityCredit = { state: 'ongoing' };
  if (input.endedAt !== null) {
    const endedAt = assertInstant('endedAt', input.endedAt);
    const durationMs = endedAt.getTime() - startedAt.getTime();
    if (durationMs < 0) throw new RangeError('endedAt: the outage ends before it starts');
    availability = {
      state: 'ended',
      durationMs,
      fraction: slaReductionFraction(durationMs),
      yen: worth(availabilityCreditYen({ startedAt, endedAt, basicMonthlyFeeYen: fee })),
      ...window(japanDate(endedAt, 'endedAt')),
    };
  }

  // The notification's state is notificationLateness's (R-SLA-NOTIFY); a late or overdue one earns 1/30.
  const { state, deadline } = notificationLateness({ detectedAt, notifiedAt: input.notifiedAt, now });
  const notification: NotificationCredit =
    state === 'late' || state === 'overdue'
      ? { state, deadline, yen: worth(notificationCreditYen(fee)), ...window(japanDate(deadline)) }
      : { state, deadline };
  return { excluded: input.excluded, availability, notification };
}

/**
 * R-SLA-CLAIM-WINDOW: whether a claim is still accepted on `today`, and how many days remain
 * after today (0 on the last day, which is still accepted; negative once lapsed).
 */
export function claimWindowOn(input: { lastDayToClaim: string; today: string }): { open: boolean; daysLeft: number } {
  const lastDay = assertCalendarDate('lastDayToClaim', input.lastDayToClaim);
  const today = assertCalendarDate('today', input.today);
  const daysLeft = daysBetween(today, lastDay);
  return { open: daysLeft >= 0, daysLeft };
}

/** How many days before the last day to claim a reminder is sent. */
export const CLAIM_REMINDER_DAYS = 14;

/** Whether a reduction's claim deadline is near enough to remind: the window is open and ends within CLAIM_REMINDER_DAYS. */
export function claimReminderDue(input: { lastDayToClaim: string; today: string }): boolean {
  const { open, daysLeft } = claimWindowOn(input);
  return open && daysLeft <= CLAIM_REMINDER_DAYS;
}

/** The two reductions one outage may earn, each claimed once (Art. 9). */
export type CreditKind = 'availability' | 'notification';
export const CREDIT_KINDS: readonly CreditKind[] = ['availability', 'notification'];

/** Why a claim is refused; the terms' rule where one applies. */
export type ClaimRefusal =
  | { reason: 'claim_lapsed'; rule: 'R-SLA-CLAIM-WINDOW'; lastDayToClaim: string }
  | { reason: 'excluded'; rule: 'R-SLA-EXCLUSIONS' }
  | { reason: 'outage_ongoing' | 'nothing_to_claim' | 'already_claimed' };

/** The reduction of `kind` the outage has earned (before any exclusion), or null when it has earned none. */
export function earnedCredit(credits: OutageCredits, kind: CreditKind): ClaimableCredit | null {
  const credit = kind === 'availability' ? credits.availability : credits.notification;
  if (credit.state !== 'ended' && credit.state !== 'late' && credit.state !== 'overdue') return null;
  if (kind === 'availability' && credit.state === 'ended' && credit.fraction.numerator === 0) return null;
  return { yen: credit.yen, claimableFrom: credit.claimableFrom, lastDayToClaim: credit.lastDayToClaim };
}

/**
 * Whether the customer may claim the reduction of `kind` for one outage on `today` (Japan date):
 * once per outage and kind; not for an excluded outage (R-SLA-EXCLUSIONS); not while it goes on
 * or when it earned nothing; and up to and including the last day to claim (R-SLA-CLAIM-WINDOW).
 */
export function claimRefusal(input: { credits: OutageCredits; kind: CreditKind; today: string; alreadyClaimed: boolean }): ClaimRefusal | null {
  const { credits, kind } = input;
  if (input.alreadyClaimed) return { reason: 'already_claimed' };
  if (credits.excluded) return { reason: 'excluded', rule: 'R-SLA-EXCLUSIONS' };
  if (kind === 'availability' && credits.availability.state === 'ongoing') return { reason: 'outage_ongoing' };
  const earned = earnedCredit(credits, kind);
  if (!earned) return { reason: 'nothing_to_claim' };
  if (!claimWindowOn({ lastDayToClaim: earned.lastDayToClaim, today: input.today }).open) {
    return { reason: 'claim_lapsed', rule: 'R-SLA-CLAIM-WINDOW', lastDayToClaim: earned.lastDayToClaim };
  }
  return null;
}


/** One calendar month's availability (Japan time): outage minutes against the month's minutes. */
export interface MonthAvailability {
  month: string;
  outages: number;
  outageMinutes: number;
  minutesInMonth: number;
  /** 1 − outage time / month time; a month not yet over counts only up to `now`. */
  availability: number;
}

/**
 * Availability per month (Japan time) over `months`, from outages (an outage in progress counts
 * up to `now`; an excluded one still counts: this is the service as the customer had it, not the
 * fee reduction). An outage spanning two months counts in each for its part.
 */
export function monthlyAvailability(input: { outages: { startedAt: Date; endedAt: Date | null }[]; months: string[]; now: Date }): MonthAvailability[] {
  const now = assertInstant('now', input.now).getTime();
  return input.months.map((month) => {
    const start = japanMonthStart(month).getTime();
    const end = Math.min(japanMonthStart(nextMonth(month)).getTime(), Math.max(start, now));
    let down = 0;
    let count = 0;
    for (const o of input.outages) {
      const from = Math.max(assertInstant('startedAt', o.startedAt).getTime(), start);
      const to = Math.min(o.endedAt ? assertInstant('endedAt', o.endedAt).getTime() : now, end);
      if (to > from) {
        down += to - from;
        count += 1;
      }
    }
    const span = end - start;
    return {
      month,
      outages: count,
      outageMinutes: Math.round(down / 60_000),
      minutesInMonth: Math.round(span / 60_000),
      availability: span > 0 ? 1 - down / span : 1,
    };
  });
}


/** The instant a calendar month (YYYY-MM) begins in Japan. */
export function japanMonthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+09:00`);
}

/** The outages that overlap [from, now): ended after `from`, or still in progress. */
export function outagesOverlapping<O extends { startedAt: Date; endedAt: Date | null }>(outages: readonly O[], from: Date, now: Date): O[] {
  return outages.filter((o) => (o.endedAt ?? now).getTime() > from.getTime() && o.startedAt.getTime() < now.getTime());
}
