import { describe, expect, it } from 'vitest';
import {
  availabilityCreditYen,
  cappedMonthlyCreditYen,
  isNotificationLate,
  notificationCreditYen,
  notificationDeadline,
  notificationLateness,
  outageDurationMinutes,
  outageRecordRefusal,
  slaClaimDeadline,
  slaReductionFraction,
} from './index';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const start = new Date('2026-02-10T03:00:00+09:00');
const outage = (ms: number, basicMonthlyFeeYen = 90_000) =>
  availabilityCreditYen({ startedAt: start, endedAt: new Date(start.getTime() + ms), basicMonthlyFeeYen });

describe('availabilityCreditYen (R-SLA-AVAIL): one outage reduces the basic monthly fee by its band', () => {
  it.each([
    ['no outage at all', 0, '0/1', 0],
    ['exactly 30 min', 30 * MINUTE, '0/1', 0],
    ['30 min and one second', 30 * MINUTE + SECOND, '1/90', 1_000],
    ['exactly 60 min', 60 * MINUTE, '1/90', 1_000],
    ['60 min and one second', 60 * MINUTE + SECOND, '1/30', 3_000],
    ['exactly 12 h', 12 * HOUR, '1/30', 3_000],
    ['12 h and one second', 12 * HOUR + SECOND, '1/10', 9_000],
    ['exactly 24 h', 24 * HOUR, '1/10', 9_000],
    ['24 h and one second', 24 * HOUR + SECOND, '1/5', 18_000],
    ['exactly 3 days', 3 * DAY, '1/5', 18_000],
    ['3 days and one second', 3 * DAY + SECOND, '1/3', 30_000],
    ['exactly 7 days', 7 * DAY, '1/3', 30_000],
    ['7 days and one second', 7 * DAY + SECOND, '1/2', 45_000],
    ['exactly 14 days', 14 * DAY, '1/2', 45_000],
    ['14 days and one second', 14 * DAY + SECOND, '1/1', 90_000],
    ['40 days', 40 * DAY, '1/1', 90_000],
  ])('%s earns %s of 90,000 yen = %i yen', (_label, ms, fraction, yen) => {
    const { numerator, denominator } = slaReductionFraction(ms);
    expect(`${numerator}/${denominator}`).toBe(fraction);
    expect(outage(ms)).toBe(yen);
  });

  it.each([
    [45 * MINUTE, 100, 1], // floor(100/90)
    [2 * HOUR, 100, 3], // floor(100/30)
    [5 * DAY, 100, 33], // floor(100/3)
    [20 * DAY, 12_345, 12_345], // never more than the fee itself
  ])('rounds down: an outage of %i ms on a %i yen fee earns %i yen', (ms, fee, yen) => {
    expect(outage(ms, fee)).toBe(yen);
  });

  it('an outage that ends before it starts is refused with a RangeError naming endedAt', () => {
    const input = { startedAt: start, endedAt: new Date(start.getTime() - 1), basicMonthlyFeeYen: 1000 };
    expect(() => availabilityCreditYen(input)).toThrow(/^endedAt/);
  });

  it.each([
    [{ startedAt: new Date(Number.NaN) }, /startedAt/],
    [{ endedAt: new Date('x') }, /endedAt/],
    [{ basicMonthlyFeeYen: -10 }, /basicMonthlyFeeYen/],
    [{ basicMonthlyFeeYen: 10.5 }, /basicMonthlyFeeYen/],
  ])('malformed input %j is refused with a RangeError naming the field', (patch, field) => {
    const input = { startedAt: start, endedAt: new Date(start.getTime() + HOUR), basicMonthlyFeeYen: 1000, ...patch };
    expect(() => availabilityCreditYen(input)).toThrow(RangeError);
    expect(() => availabilityCreditYen(input)).toThrow(field);
  });
});

describe('notificationCreditYen (R-SLA-NOTIFY): a late failure notice earns 1/30 of the basic fee', () => {
  it.each([
    [30_000, 1_000],
    [90_000, 3_000],
    [100, 3],
    [29, 0],
    [0, 0],
  ])('a basic fee of %i yen earns %i yen', (fee, yen) => {
    expect(notificationCreditYen(fee)).toBe(yen);
  });

  it('a fee that is not whole yen is refused with a RangeError naming basicMonthlyFeeYen', () => {
    expect(() => notificationCreditYen(1.5)).toThrow(/basicMonthlyFeeYen/);
  });

  it('a notice exactly 30 minutes after detection is on time; one second later it is late', () => {
    const detectedAt = new Date('2026-02-10T03:00:00+09:00');
    expect(notificationDeadline(detectedAt).toISOString()).toBe('2026-02-09T18:30:00.000Z');
    expect(isNotificationLate({ detectedAt, notifiedAt: new Date(detectedAt.getTime() + 30 * MINUTE) })).toBe(false);
    expect(isNotificationLate({ detectedAt, notifiedAt: new Date(detectedAt.getTime() + 30 * MINUTE + SECOND) })).toBe(true);
  });
});

describe('cappedMonthlyCreditYen (R-SLA-CAP): one month never gets back more than its basic fee', () => {
  it.each([
    [[1_000, 3_000], 90_000, 4_000],
    [[45_000, 45_000, 3_000], 90_000, 90_000],
    [[], 90_000, 0],
  ])('credits %j on a %i yen fee give %i yen', (creditsYen, basicMonthlyFeeYen, yen) => {
    expect(cappedMonthlyCreditYen({ creditsYen, basicMonthlyFeeYen })).toBe(yen);
  });
});

describe('slaClaimDeadline (R-SLA-CLAIM-WINDOW): claims close 3 months after the day they could first be made', () => {
  it.each([
    ['2026-01-15', '2026-04-15'], // rules.md example
    ['2026-01-31', '2026-04-30'], // rules.md example
    ['2025-11-29', '2026-02-28'], // rules.md example
    ['2025-11-30', '2026-02-28'],
    ['2027-11-29', '2028-02-29'], // leap year
    ['2027-11-30', '2028-02-29'],
    ['2028-02-29', '2028-05-29'],
    ['2026-10-31', '2027-01-31'],
  ])('first claimable %s → last day to claim %s', (from, deadline) => {
    expect(slaClaimDeadline(from)).toBe(deadline);
  });

  it('a date that is not real is refused with a RangeError naming claimableFrom', () => {
    expect(() => slaClaimDeadline('2026-04-31')).toThrow(/^claimableFrom/);
  });
});

describe('outage records (operators)', () => {
  const at = (iso: string) => new Date(iso);
  const base = { startedAt: at('2026-11-01T00:00:00Z'), endedAt: at('2026-11-01T01:30:00Z'), detectedAt: at('2026-11-01T00:05:00Z'), notifiedAt: at('2026-11-01T00:20:00Z'), now: at('2026-11-02T00:00:00Z') };
  it.each([
    ['in order', {}, null],
    ['ending at its start', { endedAt: at('2026-11-01T00:00:00Z') }, 'outage_ends_before_start'],
    ['detected before it started', { detectedAt: at('2026-10-31T23:59:00Z') }, 'detected_before_start'],
    ['notified before detection', { notifiedAt: at('2026-11-01T00:04:00Z') }, 'notified_before_detected'],
    ['in the future', { now: at('2026-11-01T01:00:00Z') }, 'in_future'],
    ['still going on and not yet notified', { endedAt: null, notifiedAt: null }, null],
  ] as const)('%s → %s', (_name, change, expected) => {
    expect(outageRecordRefusal({ ...base, ...change })).toBe(expected);
  });
  it('shows the length in hours and minutes, and nothing while it goes on', () => {
    expect(outageDurationMinutes(base.startedAt, base.endedAt)).toEqual({ hours: 1, minutes: 30 });
    expect(outageDurationMinutes(base.startedAt, null)).toBeNull();
    expect(() => outageDurationMinutes(base.endedAt, base.startedAt)).toThrow(RangeError);
  });
});

describe('notificationLateness (R-SLA-NOTIFY): the failure notification against its 30-minute deadline', () => {
  const detectedAt = new Date('2026-11-01T09:00:00+09:00');
  const after = (ms: number) => new Date(detectedAt.getTime() + ms);
  const deadline = after(30 * MINUTE);
  it.each([
    ['notified at once', after(0), after(DAY), { state: 'on_time', minutesAfterDetection: 0 }],
    ['notified exactly 30 min after detection', after(30 * MINUTE), after(DAY), { state: 'on_time', minutesAfterDetection: 30 }],
    ['notified 30 min and 1 ms after detection', after(30 * MINUTE + 1), after(DAY), { state: 'late', minutesAfterDetection: 31, minutesLate: 1 }],
    ['notified 45 min after detection', after(45 * MINUTE), after(DAY), { state: 'late', minutesAfterDetection: 45, minutesLate: 15 }],
    ['notified before now is even reached (now does not matter once notified)', after(10 * MINUTE), after(5 * MINUTE), { state: 'on_time', minutesAfterDetection: 10 }],
    ['not notified, 10 min after detection', null, after(10 * MINUTE), { state: 'pending' }],
    ['not notified, exactly at the deadline', null, after(30 * MINUTE), { state: 'pending' }],
    ['not notified, 1 ms past the deadline', null, after(30 * MINUTE + 1), { state: 'overdue', minutesLate: 1 }],
    ['not notified, 2 h after detection', null, after(2 * HOUR), { state: 'overdue', minutesLate: 90 }],
  ] as const)('%s → %j', (_name, notifiedAt, now, expected) => {
    expect(notificationLateness({ detectedAt, notifiedAt, now })).toEqual({ ...expected, deadline });
  });

  it('agrees with isNotificationLate on every notified case', () => {
    for (const ms of [0, 29 * MINUTE, 30 * MINUTE, 30 * MINUTE + 1, 31 * MINUTE, DAY]) {
      const notifiedAt = after(ms);
      expect(notificationLateness({ detectedAt, notifiedAt, now: after(2 * DAY) }).state === 'late').toBe(isNotificationLate({ detectedAt, notifiedAt }));
    }
  });

  it('an instant that is not real is refused with a RangeError naming it', () => {
    expect(() => notificationLateness({ detectedAt: new Date('x'), notifiedAt: null, now: after(0) })).toThrow(/detectedAt/);
    expect(() => notificationLateness({ detectedAt, notifiedAt: null, now: new Date(Number.NaN) })).toThrow(/now/);
  });
});
