import { describe, expect, it } from 'vitest';
import {
  billingStartRefusal,
  feesOwedOnAcceptance,
  feesOwedOnChangeAcceptance,
  feesOwedOnEnding,
  isHeldOn,
  isLiveOn,
  mayCancelContract,
  pbbEndRefusal,
  statusOn,
} from './index';

describe('statusOn', () => {
  it.each([
    ['active', null, '2026-11-24', 'active'],
    ['applied', null, '2026-11-24', 'applied'],
    ['active', '2026-11-24', '2026-11-24', 'ending'],
    ['active', '2026-11-23', '2026-11-24', 'ended'],
    ['ended', null, '2026-11-24', 'ended'],
  ] as const)('%s ending %s, on %s: %s', (status, endsOn, today, shown) => {
    expect(statusOn({ status, endsOn }, today)).toBe(shown);
    expect(isHeldOn({ status, endsOn }, today)).toBe(shown !== 'ended');
  });
});

describe('mayCancelContract', () => {
  it.each([
    ['active', null, true],
    ['accepted', null, true],
    ['applied', null, false],
    ['active', '2026-12-31', false],
    ['ended', null, false],
  ] as const)('%s ending %s: %s', (status, endsOn, may) => {
    expect(mayCancelContract({ status, endsOn }, '2026-11-24')).toBe(may);
  });
});

describe('when each fee is owed (R-FEES, R-ETF)', () => {
  it('initial fees on the day of acceptance; 0-yen lines owe nothing', () => {
    expect(
      feesOwedOnAcceptance('2026-11-24', [
        { key: 'basic', initialYen: 50_000 },
        { key: 'o1', initialYen: 0 },
      ]),
    ).toEqual([{ key: 'basic', kind: 'initial', amountYen: 50_000, owedOn: '2026-11-24' }]);
  });

  it('an item change owes its one-time fee on acceptance; an M2 upgrade owes none', () => {
    expect(feesOwedOnChangeAcceptance('2026-11-24', { key: 'x', type: 'change_item', oneTimeYen: 20_000 })).toEqual([
      { key: 'x', kind: 'one_time', amountYen: 20_000, owedOn: '2026-11-24' },
    ]);
    expect(feesOwedOnChangeAcceptance('2026-11-24', { key: 'x', type: 'change_speed', oneTimeYen: 20_000 })).toEqual([]);
  });

  it('early termination on the last day of service', () => {
    expect(feesOwedOnEnding('2026-12-24', [{ key: 'p', earlyTerminationYen: 12_345 }, { key: 'q', earlyTerminationYen: 0 }])).toEqual([
      { key: 'p', kind: 'early_termination', amountYen: 12_345, owedOn: '2026-12-24' },
    ]);
  });

  it.each([
    ['2026-11-23', '2026-11-24', 'billing_before_acceptance'],
    ['2026-11-24', '2026-11-24', null],
    ['2026-12-01', '2026-11-24', null],
    ['2026-01-01', null, null],
  ] as const)('billing from %s, accepted %s: %s', (start, accepted, refusal) => {
    expect(billingStartRefusal(start, accepted)).toBe(refusal);
  });
});

describe('pbbEndRefusal', () => {
  it.each([
    ['2026-04-01', '2026-03-31', 'end_before_start'],
    ['2026-04-01', '2026-04-01', null],
    ['2026-04-01', '2027-01-01', null],
  ] as const)('started %s, ends %s → %s', (startedOn, endedOn, expected) => {
    expect(pbbEndRefusal(startedOn, endedOn)).toBe(expected);
  });
  it('refuses a date that is not real', () => {
    expect(() => pbbEndRefusal('2026-04-01', '2026-04-31')).toThrow(RangeError);
  });
});

describe('isLiveOn (change and cancel links)', () => {
  it.each([
    ['active', null, true],
    ['accepted', null, true],
    ['applied', null, false],
    ['active', '2026-12-31', false],
    ['ended', null, false],
  ] as const)('%s ending %s → %s', (status, endsOn, expected) => {
    expect(isLiveOn({ status, endsOn }, '2026-12-02')).toBe(expected);
  });
});
