import { describe, expect, it } from 'vitest';
import { consumptionTaxYen, earlyTerminationFeeBreakdown, earlyTerminationFeeYen, minimumTermLastDay } from './index';
import type { OptionKind } from './index';

describe('minimumTermLastDay (R-MIN-TERM): 3 months from the billing start date, Civil Code Art. 143', () => {
  it.each([
    ['2026-01-15', '2026-04-14'], // rules.md example
    ['2025-11-30', '2026-02-28'], // rules.md example: February has no 30th
    ['2026-01-01', '2026-03-31'], // rules.md example
    ['2026-01-31', '2026-04-30'], // April has no 31st
    ['2026-01-30', '2026-04-29'],
    ['2025-12-31', '2026-03-30'],
    ['2025-11-29', '2026-02-28'], // no 29 February in 2026
    ['2027-11-30', '2028-02-29'], // leap year: February's last day is the 29th
    ['2027-11-29', '2028-02-28'], // leap year: 29 February exists, so the day before it
    ['2023-11-30', '2024-02-29'],
    ['2028-02-29', '2028-05-28'], // billing starts on a leap day
    ['2026-10-05', '2027-01-04'], // across the year end
  ])('a port billed from %s must be kept until %s', (start, last) => {
    expect(minimumTermLastDay('onprem_port', start)).toBe(last);
    expect(minimumTermLastDay('cloud_port', start)).toBe(last);
  });

  it.each(['napt', 'pbb_expansion', 'firewall', 'static_nat'] as OptionKind[])('%s has no minimum use period', (kind) => {
    expect(minimumTermLastDay(kind, '2026-01-15')).toBeNull();
  });

  it('a billing start date that is not a real date is refused with a RangeError naming billingStartDate', () => {
    expect(() => minimumTermLastDay('cloud_port', '2026-02-30')).toThrow(/^billingStartDate: not a real YYYY-MM-DD date/);
    expect(() => minimumTermLastDay('napt', 'soon')).toThrow(RangeError);
  });
});

const port = { kind: 'cloud_port' as const, monthlyFeeYen: 30_000, billingStartDate: '2026-01-15' };

describe('earlyTerminationFeeYen (R-ETF): the rest of the minimum period, prorated per day, rounded down once', () => {
  it('rules.md example: 30,000 yen, billed from 2026-01-15, ending 2026-03-20 owes 24,645 yen', () => {
    expect(earlyTerminationFeeYen({ ...port, terminationDate: '2026-03-20' })).toBe(24_645);
  });

  it('shows the arithmetic: 11 of 31 March days and 14 of 30 April days', () => {
    expect(earlyTerminationFeeBreakdown({ ...port, terminationDate: '2026-03-20' })).toEqual({
      lastDay: '2026-04-14',
      months: [
        { month: '2026-03', days: 11, daysInMonth: 31 },
        { month: '2026-04', days: 14, daysInMonth: 30 },
      ],
      totalYen: 24_645,
    });
  });

  it.each([
    ['2026-04-14', 0], // ends on the last day of the period: nothing owed
    ['2026-04-15', 0],
    ['2026-12-31', 0],
    ['2026-04-13', 1_000], // one April day: 30000 / 30
    ['2026-03-31', 14_000],
    ['2026-03-30', 14_967], // floor(30000/31 + 14000)
    ['2026-01-15', 89_483], // floor(30000·16/31 + 30000 + 30000 + 14000)
    ['2026-01-10', 90_451], // ends before billing starts: the whole period, floor(30000·17/31 + 74000)
  ])('ending on %s owes %i yen', (terminationDate, yen) => {
    expect(earlyTerminationFeeYen({ ...port, terminationDate })).toBe(yen);
  });

  it('a leap February counts 29 days: billed from 2027-11-30, ending 2028-01-31 owes all of February', () => {
    const input = { ...port, billingStartDate: '2027-11-30', terminationDate: '2028-01-31' };
    expect(earlyTerminationFeeBreakdown(input)).toEqual({
      lastDay: '2028-02-29',
      months: [{ month: '2028-02', days: 29, daysInMonth: 29 }],
      totalYen: 30_000,
    });
  });

  it('the sum is exact: 93 yen a month, 1/31 + 30/30 of it, is 96 yen, not 95 from floating-point drift', () => {
    const input = { ...port, monthlyFeeYen: 93, billingStartDate: '2026-01-31', terminationDate: '2026-03-30' };
    expect(earlyTerminationFeeYen(input)).toBe(96);
  });

  it('the sum is exact across four months: 2,325 yen a month owes 6,935 yen', () => {
    expect(earlyTerminationFeeYen({ ...port, monthlyFeeYen: 2_325, terminationDate: '2026-01-15' })).toBe(6_935);
  });

  it.each(['napt', 'pbb_expansion', 'firewall', 'static_nat'] as OptionKind[])('%s never owes an early termination charge', (kind) => {
    expect(earlyTerminationFeeYen({ ...port, kind, terminationDate: '2026-01-16' })).toBe(0);
  });

  it.each([
    [{ monthlyFeeYen: -1 }, /monthlyFeeYen/],
    [{ monthlyFeeYen: 100.5 }, /monthlyFeeYen/],
    [{ monthlyFeeYen: Number.NaN }, /monthlyFeeYen/],
    [{ billingStartDate: '2026-02-29' }, /billingStartDate/],
    [{ terminationDate: '2026-3-20' }, /terminationDate/],
    [{ kind: 'router' as OptionKind }, /kind/],
  ])('malformed input %j is refused with a RangeError naming the field', (patch, field) => {
    const input = { ...port, terminationDate: '2026-03-20', ...patch };
    expect(() => earlyTerminationFeeYen(input)).toThrow(RangeError);
    expect(() => earlyTerminationFeeYen(input)).toThrow(field);
  });
});

describe('consumptionTaxYen (R-FEES): 10% shown beside tax-excluded amounts', () => {
  it.each([
    [24_645, 2_464],
    [30_000, 3_000],
    [9, 0],
    [0, 0],
  ])('%i yen carries %i yen of tax', (amount, tax) => {
    expect(consumptionTaxYen(amount)).toBe(tax);
  });

  it('a negative amount is refused with a RangeError naming amountYen', () => {
    expect(() => consumptionTaxYen(-5)).toThrow(/amountYen/);
  });
});

describe('earlyTerminationFeeYen: a consequence of per-day proration (I-4)', () => {
  it('the whole period can cost a few yen more than three monthly fees: billed from 2000-01-02 at 930 yen, 2,791 yen', () => {
    // 30/31 of January + all of February and March + 1/30 of April = 3 + 1/30 - 1/31 months
    const input = { kind: 'onprem_port' as const, monthlyFeeYen: 930, billingStartDate: '2000-01-02', terminationDate: '2000-01-01' };
    expect(earlyTerminationFeeYen(input)).toBe(2_791);
  });
});
