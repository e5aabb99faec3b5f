import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  billingMonthRefusal,
  issueMonthRefusal,
  isByEndOfMonth,
  isInMonth,
  itemFeeLines,
  itemPeriods,
  capOneMoreReduction,
  capReductions,
  chargeFreeEndDate,
  claimRefusal,
  claimReminderDue,
  claimWindowOn,
  earnedCredit,
  earlyTerminationFeeYen,
  monthDays,
  monthsEndingAt,
  monthsFrom,
  monthlyAvailability,
  outagesOverlapping,
  monthlyFeeLines,
  nextMonth,
  outageCredits,
  priceOnDay,
  proratedMonthlyFeeYen,
  statementTotals,
  thirtyDaysAfterArrival,
  type PricePoint,
} from './index';

const list = (appliesFrom: string, monthlyFeeYen: number): PricePoint => ({ appliesFrom, monthlyFeeYen, own: false });

describe('proratedMonthlyFeeYen (R-PRORATION, I-6)', () => {
  it.each([
    ['rules.md example: from 20 March, 12 of 31 days', 30_000, '2026-03-20', '2026-03-31', 11_612],
    ['a whole 31-day month is exactly the monthly fee', 30_000, '2026-03-01', '2026-03-31', 30_000],
    ['a whole 30-day month', 30_000, '2026-04-01', '2026-04-30', 30_000],
    ['a whole February of 28 days', 30_001, '2026-02-01', '2026-02-28', 30_001],
    ['a whole leap February of 29 days', 30_001, '2028-02-01', '2028-02-29', 30_001],
    ['one day of a 28-day February', 28_000, '2026-02-14', '2026-02-14', 1_000],
    ['one day of a 29-day February, rounded down', 28_000, '2028-02-14', '2028-02-14', 965],
    ['one day of a 30-day month', 30_000, '2026-06-30', '2026-06-30', 1_000],
    ['start and end in the same month (10th to 19th of 31)', 31_000, '2026-05-10', '2026-05-19', 10_000],
    ['rounded down once: 10,000 × 1/3 of 30 days', 10_000, '2026-09-01', '2026-09-10', 3_333],
    ['a zero fee owes nothing', 0, '2026-01-05', '2026-01-31', 0],
  ])('%s', (_, monthlyFeeYen, firstDay, lastDay, expected) => {
    expect(proratedMonthlyFeeYen({ monthlyFeeYen, firstDay, lastDay })).toBe(expected);
  });

  it('refuses a reversed range, a range over two months, a bad date or a bad amount, naming the field', () => {
    expect(() => proratedMonthlyFeeYen({ monthlyFeeYen: 1, firstDay: '2026-03-10', lastDay: '2026-03-09' })).toThrow(/lastDay.*reversed/);
    expect(() => proratedMonthlyFeeYen({ monthlyFeeYen: 1, firstDay: '2026-03-31', lastDay: '2026-04-01' })).toThrow(/lastDay.*two calendar months/);
    expect(() => proratedMonthlyFeeYen({ monthlyFeeYen: 1, firstDay: '2026-02-30', lastDay: '2026-02-28' })).toThrow(RangeError);
    expect(() => proratedMonthlyFeeYen({ monthlyFeeYen: 1, firstDay: '2026-02-30', lastDay: '2026-02-28' })).toThrow(/firstDay/);
    expect(() => proratedMonthlyFeeYen({ monthlyFeeYen: -1, firstDay: '2026-03-01', lastDay: '2026-03-02' })).toThrow(/monthlyFeeYen/);
    expect(() => proratedMonthlyFeeYen({ monthlyFeeYen: 1.5, firstDay: '2026-03-01', lastDay: '2026-03-02' })).toThrow(/monthlyFeeYen/);
  });
});

describe('monthlyFeeLines: one service in one month, split where the price changes', () => {
  it('starts on the billing start date and runs to the month end', () => {
    expect(monthlyFeeLines({ month: '2026-03', billingStartDate: '2026-03-20', lastDay: null, prices: [list('2025-01-01', 30_000)] })).toEqual([
      { firstDay: '2026-03-20', lastDay: '2026-03-31', days: 12, daysInMonth: 31, monthlyFeeYen: 30_000, amountYen: 11_612 },
    ]);
  });

  it('ends on the last day of service, which is still billed', () => {
    const [line] = monthlyFeeLines({ month: '2026-04', billingStartDate: '2026-01-15', lastDay: '2026-04-14', prices: [list('2025-01-01', 30_000)] });
    expect(line).toMatchObject({ firstDay: '2026-04-01', lastDay: '2026-04-14', days: 14, amountYen: 14_000 });
  });

  it('a price change mid-month splits the line; each part is rounded down once', () => {
    const lines = monthlyFeeLines({
      month: '2026-05',
      billingStartDate: '2026-01-01',
      lastDay: null,
      prices: [list('2025-01-01', 31_000), list('2026-05-11', 62_000)],
    });
    expect(lines.map((l) => [l.firstDay, l.lastDay, l.monthlyFeeYen, l.amountYen])).toEqual([
      ['2026-05-01', '2026-05-10', 31_000, 10_000],
      ['2026-05-11', '2026-05-31', 62_000, 42_000],
    ]);
  });

  it("the customer's own price wins from its first day, over a later list price too", () => {
    const prices: PricePoint[] = [list('2025-01-01', 30_000), { appliesFrom: '2026-06-16', monthlyFeeYen: 15_000, own: true }, list('2026-06-21', 60_000)];
    const lines = monthlyFeeLines({ month: '2026-06', billingStartDate: '2026-01-01', lastDay: null, prices });
    expect(lines.map((l) => [l.firstDay, l.lastDay, l.monthlyFeeYen])).toEqual([
      ['2026-06-01', '2026-06-15', 30_000],
      ['2026-06-16', '2026-06-30', 15_000],
    ]);
  });

  it('owes nothing before the billing start, after the last day, or without a billing start', () => {
    const prices = [list('2025-01-01', 30_000)];
    expect(monthlyFeeLines({ month: '2026-02', billingStartDate: '2026-03-01', lastDay: null, prices })).toEqual([]);
    expect(monthlyFeeLines({ month: '2026-05', billingStartDate: '2026-01-01', lastDay: '2026-04-30', prices })).toEqual([]);
    expect(monthlyFeeLines({ month: '2026-05', billingStartDate: null, lastDay: null, prices })).toEqual([]);
  });

  it('shows days without a price in force as a line with no fee instead of guessing one', () => {
    const lines = monthlyFeeLines({ month: '2026-07', billingStartDate: '2026-07-01', lastDay: null, prices: [list('2026-07-11', 31_000)] });
    expect(lines[0]).toMatchObject({ firstDay: '2026-07-01', lastDay: '2026-07-10', monthlyFeeYen: null, amountYen: 0 });
    expect(lines[1]).toMatchObject({ firstDay: '2026-07-11', lastDay: '2026-07-31', monthlyFeeYen: 31_000, amountYen: 21_000 });
  });

  it('lists the months between two, across a year', () => {
    expect(monthsFrom('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsFrom('2027-02', '2026-11')).toEqual([]);
  });

  it('knows months: their days, the next month, and refuses a month that is not one', () => {
    expect(monthDays('2028-02')).toEqual({ firstDay: '2028-02-01', lastDay: '2028-02-29', days: 29 });
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(() => monthDays('2026-13')).toThrow(/month/);
  });
});

describe('statementTotals (R-STATEMENT, I-7)', () => {
  it('tax is 10% of the subtotal, rounded down once per statement, not per line', () => {
    // Per line: floor(1,005 × 0.1) × 2 = 200; once on the subtotal 2,010: 201.
    expect(statementTotals({ lineAmountsYen: [1_005, 1_005], slaReductionsYen: [] })).toEqual({ subtotalYen: 2_010, taxYen: 201, totalYen: 2_211 });
    expect(statementTotals({ lineAmountsYen: [9], slaReductionsYen: [] })).toEqual({ subtotalYen: 9, taxYen: 0, totalYen: 9 });
  });

  it('takes approved reductions off before tax, and never goes below zero', () => {
    expect(statementTotals({ lineAmountsYen: [30_000, 5_000], slaReductionsYen: [3_000] })).toEqual({ subtotalYen: 32_000, taxYen: 3_200, totalYen: 35_200 });
    expect(statementTotals({ lineAmountsYen: [1_000], slaReductionsYen: [3_000] })).toEqual({ subtotalYen: 0, taxYen: 0, totalYen: 0 });
    expect(statementTotals({ lineAmountsYen: [], slaReductionsYen: [] })).toEqual({ subtotalYen: 0, taxYen: 0, totalYen: 0 });
  });

  it('refuses a negative or fractional amount, naming it', () => {
    expect(() => statementTotals({ lineAmountsYen: [1, -1], slaReductionsYen: [] })).toThrow(/lineAmountsYen\[1\]/);
    expect(() => statementTotals({ lineAmountsYen: [], slaReductionsYen: [0.5] })).toThrow(/slaReductionsYen\[0\]/);
  });
});

describe('capReductions (R-SLA-CAP): per contract and billing month', () => {
  it('applies reductions up to the basic monthly fee and shows the excess as capped', () => {
    expect(capReductions({ reductionsYen: [3_000, 9_000], basicMonthlyFeeYen: 90_000 })).toEqual({ appliedYen: 12_000, cappedYen: 0 });
    expect(capReductions({ reductionsYen: [45_000, 45_000, 3_000], basicMonthlyFeeYen: 90_000 })).toEqual({ appliedYen: 90_000, cappedYen: 3_000 });
    expect(capReductions({ reductionsYen: [], basicMonthlyFeeYen: 90_000 })).toEqual({ appliedYen: 0, cappedYen: 0 });
  });
});

describe('capOneMoreReduction: what one more approval applies in a month', () => {
  it('applies all of it under the cap, part of it at the cap, none of it above', () => {
    expect(capOneMoreReduction({ approvedYen: [3_000], reductionYen: 9_000, basicMonthlyFeeYen: 90_000 })).toEqual({ appliedYen: 9_000, cappedYen: 0 });
    expect(capOneMoreReduction({ approvedYen: [45_000, 40_000], reductionYen: 9_000, basicMonthlyFeeYen: 90_000 })).toEqual({ appliedYen: 5_000, cappedYen: 4_000 });
    expect(capOneMoreReduction({ approvedYen: [90_000, 1_000], reductionYen: 9_000, basicMonthlyFeeYen: 90_000 })).toEqual({ appliedYen: 0, cappedYen: 9_000 });
  });
});

describe('chargeFreeEndDate: the first effective date without an early termination charge', () => {
  const receivedAt = new Date('2026-01-01T10:00:00+09:00'); // arrival + 30 = 2026-01-31

  it("is the latest last day of the ports' minimum use periods, where that is later", () => {
    const options = [
      { kind: 'onprem_port' as const, billingStartDate: '2026-01-15' }, // last day 2026-04-14
      { kind: 'cloud_port' as const, billingStartDate: '2025-12-20' }, // last day 2026-03-19
      { kind: 'napt' as const, billingStartDate: '2026-01-20' }, // no minimum
    ];
    const date = chargeFreeEndDate(receivedAt, options);
    expect(date).toBe('2026-04-14');
    for (const o of options) expect(earlyTerminationFeeYen({ kind: o.kind, monthlyFeeYen: 30_000, billingStartDate: o.billingStartDate, terminationDate: date })).toBe(0);
    // One day earlier, the latest port still owes a day.
    expect(earlyTerminationFeeYen({ kind: 'onprem_port', monthlyFeeYen: 30_000, billingStartDate: '2026-01-15', terminationDate: addDays(date, -1) })).toBe(1_000);
  });

  it('is never before the notice arrives + 30 days; options without a billing start are ignored', () => {
    expect(chargeFreeEndDate(receivedAt, [{ kind: 'onprem_port', billingStartDate: '2025-06-01' }])).toBe('2026-01-31');
    expect(chargeFreeEndDate(receivedAt, [{ kind: 'onprem_port' }])).toBe('2026-01-31');
    expect(chargeFreeEndDate(receivedAt, [])).toBe('2026-01-31');
  });

  it('refuses a billing start that is not a date', () => {
    expect(() => chargeFreeEndDate(receivedAt, [{ kind: 'onprem_port', billingStartDate: '2026-02-30' }])).toThrow(/options\[0\]\.billingStartDate/);
  });
});

describe('outageCredits: what one outage earns, and until when it may be claimed', () => {
  const detectedAt = new Date('2026-01-15T10:00:00+09:00');
  const base = { startedAt: new Date('2026-01-15T09:50:00+09:00'), detectedAt, excluded: false, basicMonthlyFeeYen: 90_000 };

  it('an ended outage earns its band; it may be claimed from its end date for 3 months', () => {
    const credits = outageCredits({ ...base, endedAt: new Date('2026-01-15T11:30:00+09:00'), notifiedAt: new Date('2026-01-15T10:20:00+09:00'), now: new Date('2026-01-20T00:00:00Z') });
    expect(credits.availability).toMatchObject({ state: 'ended', fraction: { numerator: 1, denominator: 30 }, yen: 3_000, claimableFrom: '2026-01-15', lastDayToClaim: '2026-04-15' });
    expect(credits.notification.state).toBe('on_time');
  });

  it('an outage in progress earns nothing yet', () => {
    expect(outageCredits({ ...base, endedAt: null, notifiedAt: null, now: new Date('2026-01-15T10:10:00+09:00') })).toMatchObject({
      availability: { state: 'ongoing' },
      notification: { state: 'pending' },
    });
  });

  it('notified exactly at 30 minutes is on time; a millisecond later earns 1/30 (R-SLA-NOTIFY)', () => {
    const at = (ms: number) => outageCredits({ ...base, endedAt: null, notifiedAt: new Date(detectedAt.getTime() + ms), now: new Date('2026-02-01T00:00:00Z') });
    expect(at(30 * 60_000).notification.state).toBe('on_time');
    expect(at(30 * 60_000 + 1).notification).toMatchObject({ state: 'late', yen: 3_000, claimableFrom: '2026-01-15', lastDayToClaim: '2026-04-15' });
  });

  it('not notified past the deadline is overdue and already claimable, from the date the deadline passed (Japan time)', () => {
    const late = new Date('2026-01-31T23:45:00+09:00');
    const credits = outageCredits({ ...base, detectedAt: late, startedAt: late, endedAt: null, notifiedAt: null, now: new Date('2026-02-01T01:00:00+09:00') });
    expect(credits.notification).toMatchObject({ state: 'overdue', yen: 3_000, claimableFrom: '2026-02-01', lastDayToClaim: '2026-05-01' });
  });

  it('an excluded outage earns nothing, but still shows its band and dates', () => {
    const credits = outageCredits({ ...base, excluded: true, endedAt: new Date('2026-01-16T10:00:00+09:00'), notifiedAt: new Date('2026-01-15T12:00:00+09:00'), now: new Date('2026-01-20T00:00:00Z') });
    expect(credits.excluded).toBe(true);
    expect(credits.availability).toMatchObject({ state: 'ended', fraction: { numerator: 1, denominator: 5 }, yen: 0 });
    expect(credits.notification).toMatchObject({ state: 'late', yen: 0 });
  });

  it('refuses an outage that ends before it starts', () => {
    expect(() => outageCredits({ ...base, endedAt: new Date('2026-01-15T09:00:00+09:00'), notifiedAt: null, now: new Date() })).toThrow(/endedAt/);
  });
});

describe('claimWindowOn (R-SLA-CLAIM-WINDOW)', () => {
  it('accepts a claim on the last day and refuses it the next day', () => {
    expect(claimWindowOn({ lastDayToClaim: '2026-04-15', today: '2026-04-14' })).toEqual({ open: true, daysLeft: 1 });
    expect(claimWindowOn({ lastDayToClaim: '2026-04-15', today: '2026-04-15' })).toEqual({ open: true, daysLeft: 0 });
    expect(claimWindowOn({ lastDayToClaim: '2026-04-15', today: '2026-04-16' })).toEqual({ open: false, daysLeft: -1 });
  });
});

describe('claimRefusal: once per outage and kind, within the window, never for an excluded outage', () => {
  const ended = (over: Partial<Parameters<typeof outageCredits>[0]> = {}) =>
    outageCredits({
      startedAt: new Date('2026-01-15T09:00:00+09:00'),
      endedAt: new Date('2026-01-15T11:00:00+09:00'), // 2 h: 1/30
      detectedAt: new Date('2026-01-15T09:05:00+09:00'),
      notifiedAt: new Date('2026-01-15T10:00:00+09:00'), // 55 min after detection: late
      excluded: false,
      basicMonthlyFeeYen: 90_000,
      now: new Date('2026-01-20T00:00:00Z'),
      ...over,
    });

  it('the last day to claim is accepted; the next day is refused with R-SLA-CLAIM-WINDOW', () => {
    const credits = ended();
    expect(earnedCredit(credits, 'availability')).toEqual({ yen: 3_000, claimableFrom: '2026-01-15', lastDayToClaim: '2026-04-15' });
    expect(claimRefusal({ credits, kind: 'availability', today: '2026-04-15', alreadyClaimed: false })).toBeNull();
    expect(claimRefusal({ credits, kind: 'availability', today: '2026-04-16', alreadyClaimed: false })).toEqual({
      reason: 'claim_lapsed',
      rule: 'R-SLA-CLAIM-WINDOW',
      lastDayToClaim: '2026-04-15',
    });
    expect(claimRefusal({ credits, kind: 'notification', today: '2026-04-15', alreadyClaimed: false })).toBeNull();
  });

  it('refuses a second claim of the same kind, an excluded outage, one in progress, and one that earned nothing', () => {
    expect(claimRefusal({ credits: ended(), kind: 'availability', today: '2026-01-20', alreadyClaimed: true })).toEqual({ reason: 'already_claimed' });
    expect(claimRefusal({ credits: ended({ excluded: true }), kind: 'availability', today: '2026-01-20', alreadyClaimed: false })).toEqual({
      reason: 'excluded',
      rule: 'R-SLA-EXCLUSIONS',
    });
    expect(claimRefusal({ credits: ended({ endedAt: null }), kind: 'availability', today: '2026-01-20', alreadyClaimed: false })).toEqual({ reason: 'outage_ongoing' });
    const short = ended({ endedAt: new Date('2026-01-15T09:30:00+09:00'), notifiedAt: new Date('2026-01-15T09:10:00+09:00') });
    expect(claimRefusal({ credits: short, kind: 'availability', today: '2026-01-20', alreadyClaimed: false })).toEqual({ reason: 'nothing_to_claim' });
    expect(claimRefusal({ credits: short, kind: 'notification', today: '2026-01-20', alreadyClaimed: false })).toEqual({ reason: 'nothing_to_claim' });
  });
});

describe('monthlyAvailability: the service as the customer had it, per month in Japan time', () => {
  it('counts each outage in the months it spans, an outage in progress up to now, and a month not yet over up to now', () => {
    const rows = monthlyAvailability({
      months: monthsEndingAt('2026-02', 3),
      outages: [
        // 30 minutes either side of midnight, 31 January → 1 February (Japan time).
        { startedAt: new Date('2026-01-31T23:30:00+09:00'), endedAt: new Date('2026-02-01T00:30:00+09:00') },
        { startedAt: new Date('2026-02-10T00:00:00+09:00'), endedAt: null },
      ],
      now: new Date('2026-02-10T06:00:00+09:00'),
    });
    expect(rows.map((r) => [r.month, r.outages, r.outageMinutes, r.minutesInMonth])).toEqual([
      ['2025-12', 0, 0, 31 * 1440],
      ['2026-01', 1, 30, 31 * 1440],
      ['2026-02', 2, 30 + 360, 9 * 1440 + 360],
    ]);
    expect(rows[0]!.availability).toBe(1);
    const from = new Date('2026-01-01T00:00:00+09:00');
    const now = new Date('2026-02-10T06:00:00+09:00');
    const before = { startedAt: new Date('2025-12-31T10:00:00+09:00'), endedAt: new Date('2025-12-31T11:00:00+09:00') };
    const across = { startedAt: new Date('2025-12-31T23:00:00+09:00'), endedAt: new Date('2026-01-01T01:00:00+09:00') };
    const ongoing = { startedAt: new Date('2026-02-10T00:00:00+09:00'), endedAt: null };
    expect(outagesOverlapping([before, across, ongoing], from, now)).toEqual([across, ongoing]);
    expect(rows[1]!.availability).toBeCloseTo(1 - 30 / (31 * 1440), 12);
  });
});

describe("an option's item over time (Art. 4.4, 4.5)", () => {
  const changes = [
    { appliesFrom: '2026-12-10', before: '100M', after: '500M' },
    { appliesFrom: '2027-02-01', before: '500M', after: '1G' },
  ];
  it('holds the item before the first change from the start, each new item from its day, today’s from the last', () => {
    expect(itemPeriods('1G', [])).toEqual([{ item: '1G', from: null, until: null }]);
    expect(itemPeriods('1G', [changes[1]!, changes[0]!])).toEqual([
      { item: '100M', from: null, until: '2026-12-09' },
      { item: '500M', from: '2026-12-10', until: '2027-01-31' },
      { item: '1G', from: '2027-02-01', until: null },
    ]);
    // Two changes the same day: the later one holds from that day.
    expect(itemPeriods('1G', [{ appliesFrom: '2026-12-10', before: '100M', after: '500M' }, { appliesFrom: '2026-12-10', before: '500M', after: '1G' }])).toEqual([
      { item: '100M', from: null, until: '2026-12-09' },
      { item: '1G', from: '2026-12-10', until: null },
    ]);
    expect(() => itemPeriods('1G', [{ appliesFrom: '2026-02-30', before: '100M', after: '1G' }])).toThrow(RangeError);
  });
  it('splits the month where the item changes, each part at its own item’s price and prorated', () => {
    const pricesOf = (item: string) => [list('2020-01-01', item === '100M' ? 20_000 : item === '500M' ? 45_000 : 60_000)];
    const lines = itemFeeLines({ month: '2026-12', billingStartDate: '2026-10-24', lastDay: null, periods: itemPeriods('1G', changes), pricesOf });
    expect(lines.map((l) => [l.item, l.firstDay, l.lastDay, l.monthlyFeeYen, l.amountYen])).toEqual([
      ['100M', '2026-12-01', '2026-12-09', 20_000, proratedMonthlyFeeYen({ monthlyFeeYen: 20_000, firstDay: '2026-12-01', lastDay: '2026-12-09' })],
      ['500M', '2026-12-10', '2026-12-31', 45_000, proratedMonthlyFeeYen({ monthlyFeeYen: 45_000, firstDay: '2026-12-10', lastDay: '2026-12-31' })],
    ]);
    // Ending before the change: the old item only; starting after it: the new item only.
    expect(itemFeeLines({ month: '2026-12', billingStartDate: '2026-10-24', lastDay: '2026-12-05', periods: itemPeriods('1G', changes), pricesOf }).map((l) => l.item)).toEqual(['100M']);
    expect(itemFeeLines({ month: '2026-12', billingStartDate: '2026-12-20', lastDay: null, periods: itemPeriods('1G', changes), pricesOf }).map((l) => [l.item, l.days])).toEqual([['500M', 12]]);
    expect(itemFeeLines({ month: '2026-12', billingStartDate: null, lastDay: null, periods: itemPeriods('1G', changes), pricesOf })).toEqual([]);
  });
  it('places a day in its month, and by the end of a month', () => {
    expect(isByEndOfMonth('2026-11-30', '2026-12')).toBe(true);
    expect(isByEndOfMonth('2026-12-31', '2026-12')).toBe(true);
    expect(isByEndOfMonth('2027-01-01', '2026-12')).toBe(false);
    expect(isInMonth('2026-12-31', '2026-12')).toBe(true);
    expect(isInMonth('2027-01-01', '2026-12')).toBe(false);
    expect(() => isInMonth('2026-12-32', '2026-12')).toThrow(RangeError);
  });
});

// ── laws, for any input ───────────────────────────────────────────────────────────────────────
const yen = fc.integer({ min: 0, max: 10_000_000 });
const month = fc.record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);

describe('laws of the statement money', () => {
  it("a month's prorated lines sum to the full monthly fee when the option runs the whole month at one price", () => {
    fc.assert(
      fc.property(month, yen, fc.integer({ min: 0, max: 3 }), (m, fee, cuts) => {
        const { firstDay, lastDay, days } = monthDays(m);
        // Split the month at up to `cuts` days with the same price: the parts round down, so they
        // sum to at most the fee; the whole month, one line, is exactly the fee.
        const [whole] = monthlyFeeLines({ month: m, billingStartDate: addDays(firstDay, -40), lastDay: null, prices: [list('1999-01-01', fee)] });
        expect(whole).toMatchObject({ firstDay, lastDay, days, amountYen: fee });
        const cutDays = Array.from({ length: cuts }, (_, i) => Math.floor(((i + 1) * days) / (cuts + 1)));
        let start = firstDay;
        let sum = 0;
        for (const d of [...cutDays, days]) {
          const end = `${m}-${String(d).padStart(2, '0')}`;
          if (end < start) continue;
          sum += proratedMonthlyFeeYen({ monthlyFeeYen: fee, firstDay: start, lastDay: end });
          start = addDays(end, 1);
        }
        expect(sum).toBeLessThanOrEqual(fee);
        expect(sum).toBeGreaterThanOrEqual(fee - (cuts + 1));
      }),
    );
  });

  it('lines of a month never overlap, cover exactly the billed days, and each is at most the monthly fee', () => {
    const price = fc.record({ appliesFrom: fc.integer({ min: -60, max: 60 }), monthlyFeeYen: yen, own: fc.boolean() });
    fc.assert(
      fc.property(month, fc.integer({ min: -45, max: 45 }), fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }), fc.array(price, { maxLength: 5 }), (m, startOffset, length, points) => {
        const { firstDay, lastDay } = monthDays(m);
        const start = addDays(firstDay, startOffset);
        const end = length === null ? null : addDays(start, length);
        const prices = points.map((p) => ({ ...p, appliesFrom: addDays(firstDay, p.appliesFrom) }));
        const lines = monthlyFeeLines({ month: m, billingStartDate: start, lastDay: end, prices });
        const from = start > firstDay ? start : firstDay;
        const to = end !== null && end < lastDay ? end : lastDay;
        const expectedDays = from > to ? 0 : Number(to.slice(8)) - Number(from.slice(8)) + 1;
        expect(lines.reduce((n, l) => n + l.days, 0)).toBe(expectedDays);
        lines.forEach((l, i) => {
          if (i > 0) expect(l.firstDay).toBe(addDays(lines[i - 1]!.lastDay, 1));
          expect(l.amountYen).toBeLessThanOrEqual(l.monthlyFeeYen ?? 0);
          // Every day of a line is at the price in force that day; the next line starts at another.
          for (let day = l.firstDay; day <= l.lastDay; day = addDays(day, 1)) expect(priceOnDay(prices, day)?.monthlyFeeYen ?? null).toBe(l.monthlyFeeYen);
          if (i > 0) expect(priceOnDay(prices, l.firstDay)).not.toBe(priceOnDay(prices, lines[i - 1]!.lastDay));
        });
      }),
    );
  });

  it('with item changes, lines cover exactly the billed days, each day at the item and the price in force that day', () => {
    const item = fc.constantFrom('100M', '500M', '1G');
    const change = fc.record({ appliesFrom: fc.integer({ min: -40, max: 40 }), after: item });
    fc.assert(
      fc.property(month, fc.integer({ min: -45, max: 45 }), fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }), item, fc.array(change, { maxLength: 4 }), (m, startOffset, length, first, raw) => {
        const { firstDay, lastDay } = monthDays(m);
        const start = addDays(firstDay, startOffset);
        const end = length === null ? null : addDays(start, length);
        // A consistent history: each change starts from the item the previous one left.
        const sorted = [...raw].sort((a, b) => a.appliesFrom - b.appliesFrom);
        const history = sorted.map((c, i) => ({ appliesFrom: addDays(firstDay, c.appliesFrom), before: i === 0 ? first : sorted[i - 1]!.after, after: c.after }));
        const current = history.at(-1)?.after ?? first;
        const fee = (i: string) => (i === '100M' ? 20_000 : i === '500M' ? 45_000 : 60_000);
        const lines = itemFeeLines({ month: m, billingStartDate: start, lastDay: end, periods: itemPeriods(current, history), pricesOf: (i) => [list('1999-01-01', fee(i))] });
        const from = start > firstDay ? start : firstDay;
        const to = end !== null && end < lastDay ? end : lastDay;
        expect(lines.reduce((n, l) => n + l.days, 0)).toBe(from > to ? 0 : Number(to.slice(8)) - Number(from.slice(8)) + 1);
        const itemOn = (day: string) => history.filter((c) => c.appliesFrom <= day).at(-1)?.after ?? first;
        lines.forEach((l, i) => {
          if (i > 0) expect(l.firstDay).toBe(addDays(lines[i - 1]!.lastDay, 1));
          for (let day = l.firstDay; day <= l.lastDay; day = addDays(day, 1)) expect(itemOn(day)).toBe(l.item);
          expect(l.monthlyFeeYen).toBe(fee(l.item));
        });
      }),
    );
  });

  it("a statement's total never goes below zero and tax is exactly floor(10%) of the subtotal", () => {
    fc.assert(
      fc.property(fc.array(yen, { maxLength: 20 }), fc.array(yen, { maxLength: 5 }), (lineAmountsYen, slaReductionsYen) => {
        const t = statementTotals({ lineAmountsYen, slaReductionsYen });
        expect(t.subtotalYen).toBeGreaterThanOrEqual(0);
        expect(t.totalYen).toBeGreaterThanOrEqual(t.subtotalYen);
        expect(t.taxYen).toBe(Math.floor(t.subtotalYen / 10));
        expect(t.totalYen).toBe(t.subtotalYen + t.taxYen);
      }),
    );
  });

  it('credits never decrease as an outage grows', () => {
    const start = new Date('2026-03-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 86_400_000 }), fc.integer({ min: 0, max: 86_400_000 }), yen, (ms, more, fee) => {
        const credit = (length: number) =>
          outageCredits({ startedAt: start, endedAt: new Date(start.getTime() + length), detectedAt: start, notifiedAt: start, excluded: false, basicMonthlyFeeYen: fee, now: new Date('2026-06-01T00:00:00Z') }).availability;
        const a = credit(ms);
        const b = credit(ms + more);
        expect(a.state === 'ended' && b.state === 'ended' && b.yen >= a.yen).toBe(true);
      }),
    );
  });

  it('the cap holds for any set of outages: applied ≤ the basic fee, and applied + capped = the sum', () => {
    fc.assert(
      fc.property(fc.array(yen, { maxLength: 12 }), yen, (reductionsYen, basicMonthlyFeeYen) => {
        const { appliedYen, cappedYen } = capReductions({ reductionsYen, basicMonthlyFeeYen });
        expect(appliedYen).toBeLessThanOrEqual(basicMonthlyFeeYen);
        expect(cappedYen).toBeGreaterThanOrEqual(0);
        expect(appliedYen + cappedYen).toBe(reductionsYen.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('the cheapest end date owes no early termination charge, and is never before arrival + 30 days', () => {
    const date = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true }), fc.array(date, { maxLength: 5 }), (receivedAt, starts) => {
        const options = starts.map((billingStartDate) => ({ kind: 'onprem_port' as const, billingStartDate }));
        const end = chargeFreeEndDate(receivedAt, options);
        expect(end >= thirtyDaysAfterArrival(receivedAt)).toBe(true);
        for (const o of options) {
          if (o.billingStartDate <= end) expect(earlyTerminationFeeYen({ kind: o.kind, monthlyFeeYen: 30_000, billingStartDate: o.billingStartDate, terminationDate: end })).toBe(0);
        }
      }),
    );
  });
});

describe('which billing month a reduction may go to, and when a month may be issued', () => {
  it('refuses a month already over for a reduction, and accepts this month and later ones', () => {
    expect(billingMonthRefusal('2026-11', '2026-12-01')).toBe('month_in_past');
    expect(billingMonthRefusal('2026-12', '2026-12-01')).toBeNull();
    expect(billingMonthRefusal('2027-01', '2026-12-31')).toBeNull();
  });
  it('issues a month only once it is over: the last day of the month is still too early', () => {
    expect(issueMonthRefusal('2026-11', '2026-11-30')).toBe('month_not_over');
    expect(issueMonthRefusal('2026-11', '2026-12-01')).toBeNull();
    expect(issueMonthRefusal('2027-01', '2026-12-06')).toBe('month_not_over');
    expect(() => issueMonthRefusal('2026-13', '2026-12-06')).toThrow(RangeError);
  });
});

describe('the claim deadline reminder', () => {
  it('is due from 14 days before the last day to claim through that day, never after it', () => {
    expect(claimReminderDue({ lastDayToClaim: '2026-12-31', today: '2026-12-16' })).toBe(false);
    expect(claimReminderDue({ lastDayToClaim: '2026-12-31', today: '2026-12-17' })).toBe(true);
    expect(claimReminderDue({ lastDayToClaim: '2026-12-31', today: '2026-12-31' })).toBe(true);
    expect(claimReminderDue({ lastDayToClaim: '2026-12-31', today: '2027-01-01' })).toBe(false);
  });
});
