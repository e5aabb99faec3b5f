import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumTermMonths, quoteChange, quoteLine, quoteOrder } from './index';

const price = (initialYen: number, monthlyYen: number, oneTimeYen = 0) => ({ initialYen, monthlyYen, oneTimeYen });

describe('quoteLine (R-FEES, R-MIN-TERM)', () => {
  it.each([
    ['onprem_port', price(30_000, 55_000), 3_000, 5_500, 3, true],
    ['cloud_port', price(10_001, 99), 1_000, 9, 3, true],
    ['napt', price(0, 8_000), 0, 800, null, true],
    ['basic', price(50_000, 100_000), 5_000, 10_000, null, true],
  ] as const)('%s: tax beside each amount, minimum period %s', (kind, p, taxInitial, taxMonthly, months, priced) => {
    const line = quoteLine({ kind, item: '', price: p });
    expect(line).toMatchObject({ initialYen: p.initialYen, monthlyYen: p.monthlyYen, taxOnInitialYen: taxInitial, taxOnMonthlyYen: taxMonthly });
    expect(line.minimumTermMonths).toBe(months);
    expect(line.priced).toBe(priced);
  });

  it('an item missing from the price list costs 0 and says it is not priced', () => {
    expect(quoteLine({ kind: 'static_nat', item: '', price: null })).toMatchObject({ initialYen: 0, monthlyYen: 0, priced: false });
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => quoteLine({ kind: 'napt', item: '', price: price(-1, 0) })).toThrow(RangeError);
    expect(() => quoteLine({ kind: 'napt', item: '', price: price(0, 1.5) })).toThrow(RangeError);
  });

  it('only ports have a minimum use period', () => {
    expect(['onprem_port', 'cloud_port', 'napt', 'firewall', 'static_nat', 'pbb_expansion', 'basic'].map(minimumTermMonths)).toEqual([
      3, 3, null, null, null, null, null,
    ]);
  });
});

describe('quoteOrder', () => {
  it('totals the lines and taxes the totals', () => {
    const q = quoteOrder([
      { kind: 'basic', item: '', price: price(50_000, 100_000) },
      { kind: 'onprem_port', item: 'optical:1G', price: price(30_005, 55_005) },
    ]);
    expect(q).toMatchObject({ totalInitialYen: 80_005, totalMonthlyYen: 155_005, taxOnTotalInitialYen: 8_000, taxOnTotalMonthlyYen: 15_500 });
  });

  it('law: totals equal the sum of the lines; the tax on a total is never below the sum of the lines’ taxes', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount), { maxLength: 10 }), (pairs) => {
        const q = quoteOrder(pairs.map(([i, m]) => ({ kind: 'napt', item: '', price: price(i, m) })));
        expect(q.totalInitialYen).toBe(pairs.reduce((s, [i]) => s + i, 0));
        expect(q.totalMonthlyYen).toBe(pairs.reduce((s, [, m]) => s + m, 0));
        expect(q.taxOnTotalMonthlyYen).toBeGreaterThanOrEqual(q.fees.reduce((s, f) => s + f.taxOnMonthlyYen, 0));
        expect(q.taxOnTotalMonthlyYen).toBe(Math.floor(q.totalMonthlyYen / 10));
      }),
    );
  });
});

describe('quoteChange', () => {
  it('an M2 upgrade: monthly before and after, each with tax; no one-time fee', () => {
    expect(quoteChange({ type: 'change_speed', before: price(0, 40_000, 9_999), after: price(0, 70_005, 9_999) })).toEqual({
      monthlyBeforeYen: 40_000,
      taxOnMonthlyBeforeYen: 4_000,
      monthlyAfterYen: 70_005,
      taxOnMonthlyAfterYen: 7_000,
      oneTimeYen: 0,
      taxOnOneTimeYen: 0,
    });
  });

  it('an item change owes the new item’s one-time fee, with tax', () => {
    expect(quoteChange({ type: 'change_item', before: price(0, 100_000, 1), after: price(0, 150_000, 20_000) })).toMatchObject({
      oneTimeYen: 20_000,
      taxOnOneTimeYen: 2_000,
    });
  });

  it('an unpriced target costs 0', () => {
    expect(quoteChange({ type: 'change_item', before: null, after: null })).toMatchObject({ monthlyAfterYen: 0, oneTimeYen: 0 });
  });
});
