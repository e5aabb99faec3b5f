// What one outage earns the customer (Art. 5, 9, App. 1): the availability reduction once it has
// ended, the late-notification reduction once the 30-minute deadline is missed, nothing when an
// operator excluded it (R-SLA-EXCLUSIONS), and the window in which each may be claimed.
import { assertCalendarDate, assertInstant, daysBetween, japanDate } from './dates';
import { assertYen } from './money';
import { availabilityCreditYen, isNotificationLate, notificationCreditYen, notificationDeadline, slaClaimDeadline, slaReductionFraction, type Fraction } from './sla';

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

  const deadline = notificationDeadline(detectedAt);
  let notification: NotificationCredit;
  if (input.notifiedAt !== null) {
    const notifiedAt = assertInstant('notifiedAt', input.notifiedAt);
    notification = isNotificationLate({ detectedAt, notifiedAt })
      ? { state: 'late', deadline, yen: worth(notificationCreditYen(fee)), ...window(japanDate(deadline)) }
      : { state: 'on_time', deadline };
  } else if (now.getTime() > deadline.getTime()) {
    notification = { state: 'overdue', deadline, yen: worth(notificationCreditYen(fee)), ...window(japanDate(deadline)) };
  } else {
    notification = { state: 'pending', deadline };
  }
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
