// Laws the rules must obey for every input, checked with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOUD_TYPES,
  FIREWALL_SESSIONS,
  NAPT_SESSIONS,
  OPTION_KINDS,
  PREMISES_LINES,
  addDays,
  availabilityCreditYen,
  cancellationEffectiveDate,
  checkChange,
  earlyTerminationFeeBreakdown,
  earlyTerminationFeeYen,
  minimumTermLastDay,
  noticeArrivalDate,
  notificationCreditYen,
} from './index';
import type { Change, ContractState, OptionState, RuleId, Speed } from './index';

const SPEEDS: Speed[] = ['100M', '300M', '500M', '1G', '2G', '5G', '10G'];
const RULE_IDS: RuleId[] = [
  'R-NAPT-PER-PORT',
  'R-ELIG-PBB',
  'R-PORT-REQUIRED',
  'R-NAPT-NEEDS-PUBLIC',
  'R-SNAT-NEEDS-PUBLIC',
  'R-FW-NEEDS-PRIVATE',
  'R-CATALOG',
  'R-ADDON-QUANTITY',
  'R-M2-UPGRADE-ONLY',
  'R-ITEM-CHANGE',
  'R-UNKNOWN-OPTION',
  'R-ALREADY-ENDING',
];

/** A real calendar date between 2000 and about 2099. */
const calendarDate = fc.integer({ min: 0, max: 36_500 }).map((n) => addDays('2000-01-01', n));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-01-01T00:00:00Z'), noInvalidDate: true });
const yen = fc.integer({ min: 0, max: 100_000_000 });

describe('laws of the dates', () => {
  it('the effective date is never before arrival + 30 days nor before the requested date, and is one of them', () => {
    fc.assert(
      fc.property(instant, fc.option(calendarDate, { nil: undefined }), (receivedAt, requested) => {
        const effective = cancellationEffectiveDate(receivedAt, requested);
        const earliest = addDays(noticeArrivalDate(receivedAt), 30);
        expect(effective >= earliest).toBe(true);
        if (requested !== undefined) expect(effective >= requested).toBe(true);
        expect([earliest, requested]).toContain(effective);
      }),
    );
  });

  it('the minimum period of a port lasts at least 89 and at most 92 days, billing start included', () => {
    fc.assert(
      fc.property(calendarDate, (start) => {
        const last = minimumTermLastDay('cloud_port', start) as string;
        expect(last >= addDays(start, 88)).toBe(true);
        expect(last <= addDays(start, 91)).toBe(true);
      }),
    );
  });
});

describe('laws of the early termination charge', () => {
  const etfInput = fc.record({
    kind: fc.constantFrom('onprem_port' as const, 'cloud_port' as const),
    monthlyFeeYen: yen,
    billingStartDate: calendarDate,
  });
  const offset = fc.integer({ min: -40, max: 130 });

  it('never increases as the termination date moves later', () => {
    fc.assert(
      fc.property(etfInput, offset, offset, (input, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const at = (offset: number) => earlyTerminationFeeYen({ ...input, terminationDate: addDays(input.billingStartDate, offset) });
        expect(at(early)).toBeGreaterThanOrEqual(at(late));
      }),
    );
  });

  it('is 0 on or after the last day of the minimum period', () => {
    fc.assert(
      fc.property(etfInput, offset, (input, a) => {
        const lastDay = minimumTermLastDay(input.kind, input.billingStartDate) as string;
        const terminationDate = addDays(lastDay, Math.abs(a));
        expect(earlyTerminationFeeYen({ ...input, terminationDate })).toBe(0);
      }),
    );
  });

  it('never exceeds the charge for the whole period, and counts each remaining day once', () => {
    fc.assert(
      fc.property(etfInput, offset, (input, a) => {
        const terminationDate = addDays(input.billingStartDate, a);
        const { lastDay, months, totalYen } = earlyTerminationFeeBreakdown({ ...input, terminationDate });
        const firstCharged = terminationDate < input.billingStartDate ? input.billingStartDate : addDays(terminationDate, 1);
        const expectedDays = months.length === 0 ? 0 : Math.round((Date.parse(lastDay as string) - Date.parse(firstCharged)) / 86_400_000) + 1;
        expect(months.reduce((sum, m) => sum + m.days, 0)).toBe(expectedDays);
        const wholePeriod = earlyTerminationFeeYen({ ...input, terminationDate: addDays(input.billingStartDate, -1) });
        expect(totalYen).toBeLessThanOrEqual(wholePeriod);
      }),
    );
  });
});

describe('laws of the SLA reductions', () => {
  const minute = 60_000;
  const duration = fc.integer({ min: 0, max: 30 * 24 * 60 * minute });

  it('a reduction never decreases as an outage grows and never exceeds the basic monthly fee', () => {
    fc.assert(
      fc.property(instant, duration, duration, yen, (startedAt, d1, d2, basicMonthlyFeeYen) => {
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const credit = (ms: number) => availabilityCreditYen({ startedAt, endedAt: new Date(startedAt.getTime() + ms), basicMonthlyFeeYen });
        expect(credit(short)).toBeLessThanOrEqual(credit(long));
        expect(credit(long)).toBeLessThanOrEqual(basicMonthlyFeeYen);
      }),
    );
  });

  it('the notification reduction never exceeds the basic monthly fee', () => {
    fc.assert(
      fc.property(yen, (fee) => {
        expect(notificationCreditYen(fee)).toBeLessThanOrEqual(fee);
      }),
    );
  });
});

describe('laws of checkChange', () => {
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const optionFields = fc.record({
    kind: fc.constantFrom(...OPTION_KINDS),
    cloudType: maybe(fc.constantFrom(...CLOUD_TYPES)),
    speed: maybe(fc.constantFrom(...SPEEDS)),
    line: maybe(fc.constantFrom(...PREMISES_LINES)),
    sessions: maybe(fc.constantFrom(...NAPT_SESSIONS, ...FIREWALL_SESSIONS, 1)),
    portId: maybe(fc.constantFrom('a0', 'b1', 'c2', 'r1', 'nowhere')),
    ref: maybe(fc.constantFrom('r1', 'r2')),
  });
  const stripUndefined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const state: fc.Arbitrary<ContractState> = fc.record({
    activePbbContracts: fc.integer({ min: 0, max: 3 }),
    options: fc
      .array(fc.record({ fields: optionFields, billingStartDate: maybe(calendarDate), endsOn: maybe(calendarDate) }), { maxLength: 12 })
      .map((list) =>
        list.map(({ fields: { ref: _ref, ...fields }, ...dates }, i): OptionState => stripUndefined({ id: ids[i % ids.length] + String(i), ...fields, ...dates })),
      ),
  });
  const optionId = fc.oneof(fc.constantFrom(...ids.map((id) => `${id}0`), 'b1', 'c2', 'd3'), fc.string());
  const newOption = optionFields.map(stripUndefined);
  const change: fc.Arbitrary<Change> = fc.oneof(
    fc.record({ type: fc.constant('new_contract' as const), options: fc.array(newOption, { maxLength: 10 }) }),
    fc.record({ type: fc.constant('add_option' as const), option: newOption }),
    fc.record({ type: fc.constant('add_options' as const), options: fc.array(newOption, { maxLength: 10 }) }),
    fc.record({ type: fc.constant('change_speed' as const), optionId, to: fc.constantFrom(...SPEEDS) }),
    fc.record({
      type: fc.constant('change_item' as const),
      optionId,
      to: fc.oneof(fc.constantFrom(...SPEEDS), fc.constantFrom(...NAPT_SESSIONS, ...FIREWALL_SESSIONS), fc.integer()),
    }),
    fc.record({ type: fc.constant('cancel_option' as const), optionId, effectiveDate: calendarDate }),
    fc.record({ type: fc.constant('cancel_contract' as const), effectiveDate: calendarDate }),
  );

  it('never throws for a well-formed state and change, and every refusal names known rules', () => {
    fc.assert(
      fc.property(state, change, (s, c) => {
        const verdict = checkChange(s, c);
        if (!verdict.ok) {
          expect(verdict.violations.length).toBeGreaterThan(0);
          for (const v of verdict.violations) {
            expect(RULE_IDS).toContain(v.rule);
            expect(v.message.startsWith(v.rule)).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic and does not modify its input', () => {
    fc.assert(
      fc.property(state, change, (s, c) => {
        const before = JSON.stringify([s, c]);
        expect(checkChange(s, c)).toEqual(checkChange(s, c));
        expect(JSON.stringify([s, c])).toBe(before);
      }),
    );
  });

  it('a cancellation is never refused for a missing Private Backbone contract', () => {
    fc.assert(
      fc.property(state, calendarDate, (s, effectiveDate) => {
        const target = s.options[0];
        const changes: Change[] = [{ type: 'cancel_contract', effectiveDate }];
        if (target) changes.push({ type: 'cancel_option', optionId: target.id, effectiveDate });
        for (const c of changes) {
          const verdict = checkChange({ ...s, activePbbContracts: 0 }, c);
          if (!verdict.ok) expect(verdict.violations.map((v) => v.rule)).not.toContain('R-ELIG-PBB');
        }
      }),
    );
  });
});
