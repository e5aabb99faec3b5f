// I-2 revised: NAPT per public cloud port (R-NAPT-NEEDS-PUBLIC, R-NAPT-PER-PORT, R-ADDON-QUANTITY),
// the interruption notice (naptChangeInterrupts) and the NAPT in a port's cancellation plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NAPT_PER_PORT_LIMIT,
  NAPT_SESSIONS,
  cancellationPlan,
  checkChange,
  checkWithdrawal,
  endDatesAfterWithdrawal,
  isPublicCloud,
  naptByPort,
  naptChangeInterrupts,
  naptEligiblePorts,
  naptInterruptions,
  PORT_NEED_RULES,
  portCancellationBlockers,
  totalSessions,
  type Change,
  type ContractState,
  type NewOption,
  type OptionState,
  type RuleId,
} from './index';

const port = (id: string, cloudType: OptionState['cloudType'], extra: Partial<OptionState> = {}): OptionState => ({
  id,
  kind: 'cloud_port',
  cloudType,
  speed: '1G',
  billingStartDate: '2026-01-15',
  ...extra,
});
const napt = (id: string, portId: string, sessions = 30_000, extra: Partial<OptionState> = {}): OptionState => ({
  id,
  kind: 'napt',
  sessions,
  portId,
  billingStartDate: '2026-01-15',
  ...extra,
});
const onprem: OptionState = { id: 'o', kind: 'onprem_port', line: 'optical', speed: '1G', billingStartDate: '2026-01-15' };
const contract = (...options: OptionState[]): ContractState => ({ activePbbContracts: 1, options });
const newPort = (ref: string, cloudType: OptionState['cloudType'] = 'A_PUBLIC'): NewOption => ({ kind: 'cloud_port', cloudType, speed: '1G', ref });
const newNapt = (portId: string | undefined, sessions = 30_000): NewOption => ({ kind: 'napt', sessions, ...(portId ? { portId } : {}) });
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const rulesOf = (state: ContractState, change: Change): RuleId[] => {
  const verdict = checkChange(state, change);
  return verdict.ok ? [] : verdict.violations.map((v) => v.rule).sort();
};
const cancel = (optionId: string, effectiveDate = '2026-05-31'): Change => ({ type: 'cancel_option', optionId, effectiveDate });

const twoPorts = contract(onprem, port('p1', 'A_PUBLIC'), ...many(8, (i) => napt(`a${i}`, 'p1')), port('p2', 'M_PUBLIC'), napt('b0', 'p2'));

describe('checkChange: NAPT per port (I-2, R-NAPT-PER-PORT)', () => {
  it.each<[string, ContractState, Change, RuleId[]]>([
    ['a public port with two NAPT in one application (add_options) is accepted', contract(onprem), { type: 'add_options', options: [newPort('port'), newNapt('port'), newNapt('port', 60_000)] }, []],
    ['a public port alone through add_option is refused', contract(onprem), { type: 'add_option', option: newPort('port') }, ['R-NAPT-PER-PORT']],
    ['a public port alone through add_options is refused', contract(onprem), { type: 'add_options', options: [newPort('port')] }, ['R-NAPT-PER-PORT']],
    ['a new contract with a public port and its NAPT is accepted', contract(), { type: 'new_contract', options: [newPort('port'), newNapt('port')] }, []],
    ['a new contract with a public port and no NAPT is refused', contract(), { type: 'new_contract', options: [newPort('port')] }, ['R-NAPT-PER-PORT']],
    ['a new contract whose NAPT sits on the other of two public ports leaves the first without: refused', contract(), { type: 'new_contract', options: [newPort('x'), newPort('y'), newNapt('y')] }, ['R-NAPT-PER-PORT']],
    ['a private port needs no NAPT', contract(onprem), { type: 'add_option', option: { kind: 'cloud_port', cloudType: 'A_PRIVATE', speed: '1G' } }, []],
    ['the ninth NAPT on one port is refused', twoPorts, { type: 'add_option', option: newNapt('p1') }, ['R-ADDON-QUANTITY']],
    ['while another port of the same contract still takes NAPT up to eight', twoPorts, { type: 'add_options', options: many(7, () => newNapt('p2')) }, []],
    ['the eighth on that other port is accepted, the ninth refused', twoPorts, { type: 'add_options', options: many(8, () => newNapt('p2')) }, ['R-ADDON-QUANTITY']],
    ['a NAPT that names no port is refused', twoPorts, { type: 'add_option', option: newNapt(undefined) }, ['R-NAPT-NEEDS-PUBLIC']],
    ['a NAPT that names a private port is refused', contract(onprem, port('pv', 'M_PRIVATE'), port('p', 'A_PUBLIC'), napt('n', 'p')), { type: 'add_option', option: newNapt('pv') }, ['R-NAPT-NEEDS-PUBLIC']],
    ['a NAPT that names an on-premises port is refused', twoPorts, { type: 'add_option', option: newNapt('o') }, ['R-NAPT-NEEDS-PUBLIC']],
    ['a NAPT that names an ending port is refused', contract(onprem, port('p', 'A_PUBLIC', { endsOn: '2026-05-31' }), napt('n', 'p', 30_000, { endsOn: '2026-05-31' })), { type: 'add_option', option: newNapt('p') }, ['R-NAPT-NEEDS-PUBLIC']],
    ['a NAPT that names an unknown id is refused', twoPorts, { type: 'add_option', option: newNapt('someone-elses') }, ['R-NAPT-NEEDS-PUBLIC']],
    ['two new ports with one ref: the NAPT belongs to the first, the second has none', contract(onprem), { type: 'add_options', options: [newPort('r'), newPort('r'), newNapt('r')] }, ['R-NAPT-PER-PORT']],
    ['a NAPT that names a ref not in the change is refused', contract(onprem), { type: 'add_options', options: [newPort('port'), newNapt('elsewhere')] }, ['R-NAPT-NEEDS-PUBLIC', 'R-NAPT-PER-PORT']],
    ['a port that lacks NAPT in older data is not refused for an unrelated change', contract(onprem, port('old', 'A_PUBLIC')), { type: 'add_option', option: { kind: 'static_nat' } }, []],
    ['cancelling a port\'s last NAPT while the port runs on is refused', contract(onprem, port('p', 'A_PUBLIC'), napt('n', 'p')), cancel('n'), ['R-NAPT-PER-PORT']],
    ['cancelling one of a port\'s two NAPT is accepted', contract(onprem, port('p', 'A_PUBLIC'), napt('n', 'p'), napt('m', 'p')), cancel('n'), []],
    ['cancelling the second NAPT once the first is already ending is refused', contract(onprem, port('p', 'A_PUBLIC'), napt('n', 'p', 30_000, { endsOn: '2026-04-30' }), napt('m', 'p')), cancel('m'), ['R-NAPT-PER-PORT']],
    ['cancelling a public port ends its NAPT with it: accepted', contract(onprem, port('p', 'A_PUBLIC'), napt('n', 'p'), napt('m', 'p')), cancel('p'), []],
  ])('%s', (_title, state, change, rules) => {
    expect(rulesOf(state, change)).toEqual([...rules].sort());
  });

  it('names the port that would be left without NAPT', () => {
    const verdict = checkChange(contract(onprem, port('p', 'A_PUBLIC'), napt('n', 'p')), cancel('n'));
    expect(verdict).toEqual({
      ok: false,
      violations: [{ rule: 'R-NAPT-PER-PORT', message: expect.stringMatching(/^R-NAPT-PER-PORT \(Art\. 4\.2 \(I-2\)\): .*cloud_port "p".*cancel the port instead/) }],
    });
  });
});

describe('naptChangeInterrupts (§2: across 500,000 / 1,000,000 on 1G or less, 2,000,000 / 3,000,000 on any port)', () => {
  it.each<[OptionState['speed'] & string, number, number, boolean]>([
    ['1G', 480_000, 510_000, true],
    ['1G', 500_000, 510_000, true],
    ['1G', 480_000, 500_000, false],
    ['1G', 510_000, 500_000, true],
    ['1G', 510_000, 990_000, false],
    ['100M', 990_000, 1_020_000, true],
    ['2G', 480_000, 510_000, false],
    ['2G', 990_000, 1_020_000, false],
    ['2G', 1_980_000, 2_010_000, true],
    ['10G', 3_000_000, 3_000_001, true],
    ['10G', 2_000_001, 2_999_999, false],
    ['1G', 30_000, 3_840_000, true],
    ['1G', 240_000, 240_000, false],
  ])('%s port %i → %i: %s', (speed, before, after, interrupts) => {
    expect(naptChangeInterrupts(speed, before, after)).toBe(interrupts);
    expect(naptChangeInterrupts(speed, after, before)).toBe(interrupts);
  });

  it('throws a RangeError for a negative or fractional total', () => {
    expect(() => naptChangeInterrupts('1G', -1, 0)).toThrow(/^totalSessionsBefore/);
    expect(() => naptChangeInterrupts('1G', 0, 1.5)).toThrow(/^totalSessionsAfter/);
  });
});

describe('where NAPT sit and which changes stop a port', () => {
  const hub = contract(onprem, port('p', 'A_PUBLIC'), napt('n1', 'p', 480_000), port('q', 'M_PUBLIC', { speed: '10G' }), napt('n2', 'q', 480_000), napt('n3', 'q', 30_000));

  it('totals each port\'s sessions and lists its NAPT', () => {
    expect(naptByPort(hub.options)).toEqual(
      new Map([
        ['p', { naptIds: ['n1'], totalSessions: 480_000 }],
        ['q', { naptIds: ['n2', 'n3'], totalSessions: 510_000 }],
      ]),
    );
    expect(totalSessions([30_000, 60_000, 480_000])).toBe(570_000);
    expect(totalSessions([])).toBe(0);
  });

  it('offers a new NAPT only on public ports with no end and fewer than eight', () => {
    expect(naptEligiblePorts(hub)).toEqual(['p', 'q']);
    expect(naptEligiblePorts(twoPorts)).toEqual(['p2']);
    expect(naptEligiblePorts(contract(onprem, port('pv', 'A_PRIVATE'), port('e', 'A_PUBLIC', { endsOn: '2026-05-31' })))).toEqual([]);
  });

  it('adding 30,000 sessions to a 1G port at 480,000 stops it; the same on a 10G port does not', () => {
    expect(naptInterruptions(hub, { type: 'add_option', option: newNapt('p') })).toEqual([
      { portId: 'p', speed: '1G', sessionsBefore: 480_000, sessionsAfter: 510_000 },
    ]);
    expect(naptInterruptions(contract(...hub.options, napt('n4', 'q', 480_000)), { type: 'add_option', option: newNapt('q') })).toEqual([]);
  });

  it('cancelling a NAPT that brings a 1G port back under 500,000 stops it; cancelling a port or the contract gives no notice', () => {
    const crossing = contract(onprem, port('p', 'A_PUBLIC'), napt('n1', 'p', 480_000), napt('n2', 'p', 30_000));
    expect(naptInterruptions(crossing, cancel('n2'))).toEqual([{ portId: 'p', speed: '1G', sessionsBefore: 510_000, sessionsAfter: 480_000 }]);
    expect(naptInterruptions(crossing, cancel('p'))).toEqual([]);
    expect(naptInterruptions(crossing, { type: 'cancel_contract', effectiveDate: '2026-05-31' })).toEqual([]);
  });

  it('a port ordered in the same change is not running yet: no notice', () => {
    expect(naptInterruptions(hub, { type: 'add_options', options: [newPort('port'), newNapt('port', 480_000), newNapt('port', 480_000)] })).toEqual([]);
    expect(naptInterruptions(contract(), { type: 'new_contract', options: [newPort('port'), newNapt('port', 480_000), newNapt('port', 480_000)] })).toEqual([]);
  });
});

describe('cancellationPlan: a public port takes its NAPT along', () => {
  const received = new Date('2026-04-01T03:00:00Z'); // 2026-04-01 JST → earliest 2026-05-01
  const options = [
    { id: 'p', kind: 'cloud_port' as const, billingStartDate: '2026-03-01', monthlyFeeYen: 60_000 },
    { id: 'n1', kind: 'napt' as const, billingStartDate: '2026-03-01', monthlyFeeYen: 8_000, portId: 'p' },
    { id: 'n2', kind: 'napt' as const, billingStartDate: '2026-03-01', monthlyFeeYen: 8_000, portId: 'p', endsOn: '2026-04-20' },
    { id: 'n3', kind: 'napt' as const, billingStartDate: '2026-03-01', monthlyFeeYen: 8_000, portId: 'other' },
    { id: 'o', kind: 'onprem_port' as const, billingStartDate: '2026-03-01', monthlyFeeYen: 40_000 },
  ];

  it('lists the port, then its NAPT ending the same day (or keeping an earlier day of their own) at no charge', () => {
    const plan = cancellationPlan({ receivedAt: received, scope: 'option', options, targetId: 'p' });
    expect(plan.effectiveDate).toBe('2026-05-01');
    expect(plan.ending.map((e) => [e.optionId, e.endsOn, e.withPort, e.earlyTermination === null])).toEqual([
      ['p', '2026-05-01', false, false],
      ['n1', '2026-05-01', true, true],
      ['n2', '2026-04-20', true, true],
    ]);
    expect(plan.totalEarlyTerminationYen).toBe(plan.ending[0]!.earlyTermination!.totalYen);
  });

  it('a NAPT ends earlier than its port only when its own day is before the port\'s; on the same day it ends with it', () => {
    const sameDay = options.map((o) => (o.id === 'n2' ? { ...o, endsOn: '2026-05-01' } : o));
    const plan = cancellationPlan({ receivedAt: received, scope: 'option', options: sameDay, targetId: 'p' });
    expect(plan.ending.map((e) => [e.optionId, e.endsOn, e.keepsOwnDay, e.endsEarlier])).toEqual([
      ['p', '2026-05-01', false, false],
      ['n1', '2026-05-01', false, false],
      ['n2', '2026-05-01', true, false],
    ]);
    const earlier = cancellationPlan({ receivedAt: received, scope: 'option', options, targetId: 'p' });
    expect(earlier.ending.find((e) => e.optionId === 'n2')).toMatchObject({ endsOn: '2026-04-20', keepsOwnDay: true, endsEarlier: true });
  });

  it('a NAPT cancelled on its own is the only line', () => {
    const plan = cancellationPlan({ receivedAt: received, scope: 'option', options, targetId: 'n1' });
    expect(plan.ending.map((e) => [e.optionId, e.withPort])).toEqual([['n1', false]]);
  });
});

describe('portCancellationBlockers: what the cancel form names beside a refusal', () => {
  it('names held add-ons with no last day by the rule they rely on; never a NAPT, never one already ending', () => {
    const blockers = portCancellationBlockers([
      { id: 'p', kind: 'cloud_port', endsOn: null },
      { id: 'n', kind: 'napt', endsOn: null },
      { id: 's1', kind: 'static_nat', endsOn: null },
      { id: 's2', kind: 'static_nat', endsOn: '2026-12-31' },
      { id: 'f', kind: 'firewall', endsOn: null },
      { id: 'x', kind: 'pbb_expansion', endsOn: null },
    ] as const);
    expect(Object.fromEntries(Object.entries(blockers).map(([rule, list]) => [rule, list?.map((o) => o.id)]))).toEqual({
      'R-SNAT-NEEDS-PUBLIC': ['s1'],
      'R-FW-NEEDS-PRIVATE': ['f'],
    });
    expect(portCancellationBlockers([{ kind: 'napt', endsOn: null }])).toEqual({});
    expect([...PORT_NEED_RULES].sort()).toEqual(['R-FW-NEEDS-PRIVATE', 'R-NAPT-NEEDS-PUBLIC', 'R-SNAT-NEEDS-PUBLIC']);
  });
});

describe('withdrawing: a port and its NAPT go together', () => {
  const pending = { billingStartDate: undefined };
  it('withdrawing a pending public port with its pending NAPT is accepted; withdrawing only its NAPT is refused', () => {
    const state = contract(onprem, port('p', 'A_PUBLIC', pending), napt('n1', 'p', 30_000, pending), napt('n2', 'p', 30_000, pending));
    expect(checkWithdrawal(state, ['p', 'n1', 'n2'], '2026-02-01')).toEqual({ ok: true });
    const onlyNapt = checkWithdrawal(state, ['n1', 'n2'], '2026-02-01');
    expect(onlyNapt.ok ? [] : onlyNapt.violations.map((v) => v.rule)).toEqual(['R-NAPT-PER-PORT']);
  });

  it('a pending port is not withdrawn from under a NAPT of another application: refused until that NAPT is withdrawn', () => {
    // n1 came with the port; n2 was applied for later, on its own, and is still pending.
    const state = contract(onprem, port('p', 'A_PUBLIC', pending), napt('n1', 'p', 30_000, pending), napt('n2', 'p', 30_000, pending));
    const portAlone = checkWithdrawal(state, ['p', 'n1'], '2026-02-01');
    expect(portAlone.ok ? [] : portAlone.violations.map((v) => v.rule)).toEqual(['R-NAPT-NEEDS-PUBLIC']);
    expect(portAlone.ok ? '' : portAlone.violations[0]!.message).toContain('n2');
    // Once n2 is withdrawn (it leaves the contract), the port and n1 may go.
    const afterwards = contract(onprem, port('p', 'A_PUBLIC', pending), napt('n1', 'p', 30_000, pending));
    expect(checkWithdrawal(afterwards, ['p', 'n1'], '2026-02-01')).toEqual({ ok: true });
    // A static NAT that needs the pending public port is kept the same way.
    const snat: OptionState = { id: 's', kind: 'static_nat', ...pending };
    const withSnat = contract(onprem, port('p', 'A_PUBLIC', pending), napt('n1', 'p', 30_000, pending), snat);
    const verdict = checkWithdrawal(withSnat, ['p', 'n1'], '2026-02-01');
    expect(verdict.ok ? [] : verdict.violations.map((v) => v.rule)).toEqual(['R-SNAT-NEEDS-PUBLIC']);
  });

  it('a withdrawal (or rejection) never leaves a running public port without NAPT, nor the contract without a running port', () => {
    // n1 is being cancelled because n2 (pending) replaces it: n2 may not go while n1 ends.
    const replacingNapt = contract(onprem, port('p', 'A_PUBLIC'), napt('n1', 'p', 30_000, { endsOn: '2026-03-31' }), napt('n2', 'p', 30_000, pending));
    const napts = checkWithdrawal(replacingNapt, ['n2'], '2026-02-01');
    expect(napts.ok ? [] : napts.violations.map((v) => v.rule)).toEqual(['R-NAPT-PER-PORT']);
    // The replacement of a port being cancelled: no port would keep running.
    const replacingPort = contract({ ...onprem, endsOn: '2026-03-31' }, port('p', 'A_PUBLIC', pending), napt('n1', 'p', 30_000, pending));
    const ports = checkWithdrawal(replacingPort, ['p', 'n1'], '2026-02-01');
    expect(ports.ok ? [] : ports.violations.map((v) => v.rule)).toEqual(['R-PORT-REQUIRED']);
    const unknown = checkWithdrawal(replacingPort, ['nope'], '2026-02-01');
    expect(unknown.ok ? [] : unknown.violations.map((v) => v.rule)).toEqual(['R-UNKNOWN-OPTION']);
  });

  it('withdrawing a port\'s notice gives its NAPT back their own last day, never one after the port\'s', () => {
    const after = endDatesAfterWithdrawal({
      withdrawn: { optionId: 'p', effectiveDate: '2026-05-31' },
      pending: [{ optionId: 'n2', effectiveDate: '2026-04-30' }],
      options: [
        { id: 'p', endsOn: '2026-05-31' },
        { id: 'n1', endsOn: '2026-05-31', portId: 'p' },
        { id: 'n2', endsOn: '2026-04-30', portId: 'p' },
        { id: 'x', endsOn: null, portId: 'other' },
      ],
    });
    expect(after.options).toEqual([
      { optionId: 'p', endsOn: null },
      { optionId: 'n1', endsOn: null },
      { optionId: 'n2', endsOn: '2026-04-30' },
    ]);
    // A contract notice withdrawn while the port keeps its own earlier notice: the NAPT ends with the port.
    const contractWithdrawn = endDatesAfterWithdrawal({
      withdrawn: { optionId: null, effectiveDate: '2026-06-30' },
      pending: [{ optionId: 'p', effectiveDate: '2026-06-15' }],
      options: [
        { id: 'p', endsOn: '2026-06-15' },
        { id: 'n1', endsOn: '2026-06-30', portId: 'p' },
      ],
    });
    expect(contractWithdrawn.options).toEqual([{ optionId: 'n1', endsOn: '2026-06-15' }]);
  });
});

// ── properties ──
const publicTypes = ['A_PUBLIC', 'M_PUBLIC', 'M2_PUBLIC'] as const;

/** Applies an accepted change to a state, as the portal records it (ids for new options, end dates for cancellations). */
function apply(state: ContractState, change: Change, seq: number): ContractState {
  if (change.type === 'add_option' || change.type === 'add_options' || change.type === 'new_contract') {
    const list = change.type === 'add_option' ? [change.option] : change.options;
    const ids = new Map<string, string>();
    list.forEach((o, i) => {
      if (o.ref !== undefined && !ids.has(o.ref)) ids.set(o.ref, `s${seq}-${i}`);
    });
    const added = list.map(({ ref: _ref, ...o }, i): OptionState => ({
      ...o,
      id: `s${seq}-${i}`,
      ...(o.portId !== undefined ? { portId: ids.get(o.portId) ?? o.portId } : {}),
    }));
    return { ...state, options: [...state.options, ...added] };
  }
  if (change.type === 'cancel_option') {
    const target = state.options.find((o) => o.id === change.optionId)!;
    return {
      ...state,
      options: state.options.map((o) =>
        o === target || (o.kind === 'napt' && o.portId === target.id && (o.endsOn === undefined || o.endsOn > change.effectiveDate))
          ? { ...o, endsOn: change.effectiveDate }
          : o,
      ),
    };
  }
  return state;
}

/** NAPT of `portId` that still run on `date` (null: the far future). */
const naptRunning = (state: ContractState, portId: string, date: string | null) =>
  state.options.filter((o) => o.kind === 'napt' && o.portId === portId && (o.endsOn === undefined || (date !== null && o.endsOn >= date)));

describe('laws of NAPT per port', () => {
  const changeOn = (state: ContractState) => {
    const ids = state.options.map((o) => o.id);
    const portRef = fc.constantFrom(...ids, 'r1', 'nowhere');
    const newOption: fc.Arbitrary<NewOption> = fc.oneof(
      fc.record({ kind: fc.constant('cloud_port' as const), cloudType: fc.constantFrom(...publicTypes, 'A_PRIVATE' as const), speed: fc.constant('1G' as const), ref: fc.constantFrom('r1', 'r2') }),
      fc.record({ kind: fc.constant('napt' as const), sessions: fc.constantFrom(...NAPT_SESSIONS), portId: portRef }),
      fc.constant<NewOption>({ kind: 'onprem_port', line: 'optical', speed: '1G' }),
    );
    const date = fc.integer({ min: 1, max: 28 }).map((d) => `2026-06-${String(d).padStart(2, '0')}`);
    return fc.oneof(
      fc.record({ type: fc.constant('add_options' as const), options: fc.array(newOption, { minLength: 1, maxLength: 10 }) }),
      fc.record({ type: fc.constant('add_option' as const), option: newOption }),
      ...(ids.length ? [fc.record({ type: fc.constant('cancel_option' as const), optionId: fc.constantFrom(...ids), effectiveDate: date })] : []),
    );
  };

  const histories = fc
    .array(fc.nat(), { minLength: 1, maxLength: 12 })
    .chain((steps) =>
      fc.constant(steps).map((seeds) => {
        let state = contract();
        const first: Change = { type: 'new_contract', options: [newPort('r1', 'A_PUBLIC'), newNapt('r1'), { kind: 'onprem_port', line: 'optical', speed: '1G' }] };
        state = apply(state, first, 0);
        const states = [state];
        seeds.forEach((seed, i) => {
          const [change] = fc.sample(changeOn(state), { numRuns: 1, seed });
          if (change && checkChange(state, change).ok) {
            state = apply(state, change, i + 1);
            states.push(state);
          }
        });
        return states;
      }),
    );

  it('every public port of any accepted state has 1 to 8 NAPT, and a cancellation never leaves a NAPT outliving its port', () => {
    fc.assert(
      fc.property(histories, (states) => {
        for (const state of states) {
          for (const p of state.options.filter((o) => o.kind === 'cloud_port' && isPublicCloud(o.cloudType))) {
            const own = state.options.filter((o) => o.kind === 'napt' && o.portId === p.id);
            expect(own.length).toBeGreaterThanOrEqual(1);
            expect(own.length).toBeLessThanOrEqual(NAPT_PER_PORT_LIMIT);
            // While the port runs, some NAPT runs with it until its last day.
            expect(naptRunning(state, p.id, p.endsOn ?? null).length).toBeGreaterThanOrEqual(1);
          }
          for (const n of state.options.filter((o) => o.kind === 'napt')) {
            const p = state.options.find((o) => o.id === n.portId);
            expect(p && p.kind === 'cloud_port' && isPublicCloud(p.cloudType)).toBe(true);
            if (p?.endsOn !== undefined) expect(n.endsOn !== undefined && n.endsOn <= p.endsOn).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
