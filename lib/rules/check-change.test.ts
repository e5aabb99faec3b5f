import { describe, expect, it } from 'vitest';
import { checkChange } from './index';
import type { Change, ContractState, NewOption, OptionState, RuleId } from './index';

// ── fixtures ──
const onprem = (id: string, extra: Partial<OptionState> = {}): OptionState => ({
  id,
  kind: 'onprem_port',
  line: 'optical',
  speed: '1G',
  billingStartDate: '2026-01-15',
  ...extra,
});
const cloud = (id: string, cloudType: OptionState['cloudType'], extra: Partial<OptionState> = {}): OptionState => ({
  id,
  kind: 'cloud_port',
  cloudType,
  speed: cloudType === 'M2_PUBLIC' ? '100M' : '1G',
  billingStartDate: '2026-01-15',
  ...extra,
});
const addOn = (id: string, kind: OptionState['kind'], extra: Partial<OptionState> = {}): OptionState => {
  const item: Partial<OptionState> =
    kind === 'napt' ? { sessions: 30_000, portId: 'pub' } : kind === 'firewall' ? { sessions: 500_000 } : kind === 'pbb_expansion' ? { speed: '5G' } : {};
  return { id, kind, ...item, billingStartDate: '2026-01-15', ...extra };
};
const contract = (...options: OptionState[]): ContractState => ({ activePbbContracts: 1, options });
const withoutPbb = (state: ContractState): ContractState => ({ ...state, activePbbContracts: 0 });
/** The same option as it appears in an application: no id, no dates, no undefined fields. */
const fresh = ({ kind, cloudType, speed, line, sessions, portId }: OptionState, ref?: string): NewOption =>
  Object.fromEntries(Object.entries({ kind, cloudType, speed, line, sessions, portId, ref }).filter(([, v]) => v !== undefined)) as NewOption;
/** A NAPT in an application, assigned to the port `ref` of the same application. */
const naptOn = (ref: string, sessions = 30_000): NewOption => ({ kind: 'napt', sessions, portId: ref });
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

type Case = [title: string, state: ContractState, change: Change, rules: RuleId[]];

function rulesOf(state: ContractState, change: Change): RuleId[] {
  const verdict = checkChange(state, change);
  if (verdict.ok) return [];
  expect(verdict.violations.length).toBeGreaterThan(0);
  for (const v of verdict.violations) expect(v.message.startsWith(v.rule)).toBe(true);
  return verdict.violations.map((v) => v.rule).sort();
}

const run = (cases: Case[]) =>
  it.each(cases)('%s', (_title, state, change, rules) => {
    expect(rulesOf(state, change)).toEqual([...rules].sort());
  });

const none = contract();
const publicHub = contract(cloud('pub', 'A_PUBLIC'), addOn('napt1', 'napt'), addOn('snat1', 'static_nat'));
const privateHub = contract(cloud('priv', 'M_PRIVATE'), addOn('fw', 'firewall'));

// ── new_contract ──
describe('checkChange: new contract', () => {
  run([
    ['new contract: one on-premises port is accepted', none, { type: 'new_contract', options: [fresh(onprem('x'))] }, []],
    [
      'new contract: a public port with NAPT, static NAT and bandwidth expansion is accepted',
      none,
      {
        type: 'new_contract',
        options: [fresh(cloud('x', 'M2_PUBLIC'), 'port'), naptOn('port'), fresh(addOn('s', 'static_nat')), fresh(addOn('p', 'pbb_expansion'))],
      },
      [],
    ],
    ['new contract: without a Private Backbone contract is refused with R-ELIG-PBB', withoutPbb(none), { type: 'new_contract', options: [fresh(onprem('x'))] }, ['R-ELIG-PBB']],
    ['new contract: without any port is refused with R-PORT-REQUIRED', none, { type: 'new_contract', options: [fresh(addOn('p', 'pbb_expansion'))] }, ['R-PORT-REQUIRED']],
    ['new contract: with no options at all is refused with R-PORT-REQUIRED', none, { type: 'new_contract', options: [] }, ['R-PORT-REQUIRED']],
    [
      'new contract: NAPT beside only a private port is refused with R-NAPT-NEEDS-PUBLIC',
      none,
      { type: 'new_contract', options: [fresh(cloud('x', 'A_PRIVATE'), 'port'), naptOn('port')] },
      ['R-NAPT-NEEDS-PUBLIC'],
    ],
    [
      'new contract: static NAT beside only an on-premises port is refused with R-SNAT-NEEDS-PUBLIC',
      none,
      { type: 'new_contract', options: [fresh(onprem('x')), fresh(addOn('s', 'static_nat'))] },
      ['R-SNAT-NEEDS-PUBLIC'],
    ],
    [
      'new contract: the firewall option beside only a public port is refused with R-FW-NEEDS-PRIVATE (I-1)',
      none,
      { type: 'new_contract', options: [fresh(cloud('x', 'M_PUBLIC'), 'port'), naptOn('port'), fresh(addOn('f', 'firewall'))] },
      ['R-FW-NEEDS-PRIVATE'],
    ],
    [
      'new contract: two firewall options are refused with R-ADDON-QUANTITY',
      none,
      { type: 'new_contract', options: [fresh(cloud('x', 'A_PRIVATE')), fresh(addOn('f', 'firewall')), fresh(addOn('g', 'firewall'))] },
      ['R-ADDON-QUANTITY'],
    ],
    [
      'new contract: nine NAPT options on one port are refused with R-ADDON-QUANTITY',
      none,
      { type: 'new_contract', options: [fresh(cloud('x', 'A_PUBLIC'), 'port'), ...many(9, () => naptOn('port'))] },
      ['R-ADDON-QUANTITY'],
    ],
    [
      'new contract: a 100M interface on A_PRIVATE is refused with R-CATALOG',
      none,
      { type: 'new_contract', options: [{ kind: 'cloud_port', cloudType: 'A_PRIVATE', speed: '100M' }] },
      ['R-CATALOG'],
    ],
    [
      'new contract: an on-premises port without a line is refused with R-CATALOG',
      none,
      { type: 'new_contract', options: [{ kind: 'onprem_port', speed: '1G' }] },
      ['R-CATALOG'],
    ],
    [
      'new contract: every problem is reported together',
      withoutPbb(none),
      { type: 'new_contract', options: [{ kind: 'napt', sessions: 50_000 }, { kind: 'firewall', sessions: 500_000 }] },
      ['R-CATALOG', 'R-ELIG-PBB', 'R-FW-NEEDS-PRIVATE', 'R-NAPT-NEEDS-PUBLIC', 'R-PORT-REQUIRED'],
    ],
  ]);
});

// ── add_option ──
const eightNapt = contract(cloud('pub', 'A_PUBLIC'), ...many(7, (i) => addOn(`n${i}`, 'napt')), addOn('pending', 'napt', { billingStartDate: undefined }));

describe('checkChange: adding an option', () => {
  run([
    ['add: NAPT on a public port of the contract is accepted', publicHub, { type: 'add_option', option: { kind: 'napt', sessions: 60_000, portId: 'pub' } }, []],
    [
      'add: NAPT next to a public port still pending provisioning is accepted',
      contract(onprem('o'), cloud('m2', 'M2_PUBLIC', { billingStartDate: undefined })),
      { type: 'add_option', option: { kind: 'napt', sessions: 30_000, portId: 'm2' } },
      [],
    ],
    [
      'add: NAPT when the only public port is being cancelled is refused with R-NAPT-NEEDS-PUBLIC',
      contract(onprem('o'), cloud('pub', 'A_PUBLIC', { endsOn: '2026-05-31' })),
      { type: 'add_option', option: { kind: 'napt', sessions: 30_000, portId: 'pub' } },
      ['R-NAPT-NEEDS-PUBLIC'],
    ],
    ['add: static NAT with only a private port is refused with R-SNAT-NEEDS-PUBLIC', privateHub, { type: 'add_option', option: { kind: 'static_nat' } }, ['R-SNAT-NEEDS-PUBLIC']],
    [
      'add: the firewall option next to a private port is accepted',
      contract(cloud('priv', 'A_PRIVATE')),
      { type: 'add_option', option: { kind: 'firewall', sessions: 1_000_000 } },
      [],
    ],
    ['add: a second firewall option is refused with R-ADDON-QUANTITY', privateHub, { type: 'add_option', option: { kind: 'firewall', sessions: 2_000_000 } }, ['R-ADDON-QUANTITY']],
    [
      'add: a second bandwidth expansion is refused with R-ADDON-QUANTITY',
      contract(onprem('o'), addOn('p', 'pbb_expansion')),
      { type: 'add_option', option: { kind: 'pbb_expansion', speed: '10G' } },
      ['R-ADDON-QUANTITY'],
    ],
    ['add: a ninth NAPT on one port (pending ones counted) is refused with R-ADDON-QUANTITY', eightNapt, { type: 'add_option', option: { kind: 'napt', sessions: 30_000, portId: 'pub' } }, ['R-ADDON-QUANTITY']],
    [
      'add: a ninth static NAT is refused with R-ADDON-QUANTITY',
      contract(cloud('pub', 'A_PUBLIC'), ...many(8, (i) => addOn(`s${i}`, 'static_nat'))),
      { type: 'add_option', option: { kind: 'static_nat' } },
      ['R-ADDON-QUANTITY'],
    ],
    [
      'add: an eleventh port is accepted (ports are unlimited)',
      contract(...many(10, (i) => onprem(`o${i}`))),
      { type: 'add_option', option: { kind: 'onprem_port', line: 'individual', speed: '10G' } },
      [],
    ],
    ['add: without a Private Backbone contract is refused with R-ELIG-PBB', withoutPbb(publicHub), { type: 'add_option', option: { kind: 'static_nat' } }, ['R-ELIG-PBB']],
    ['add: an M_PRIVATE port at 100M is refused with R-CATALOG', publicHub, { type: 'add_option', option: { kind: 'cloud_port', cloudType: 'M_PRIVATE', speed: '100M' } }, ['R-CATALOG']],
    [
      'add: an on-premises port with a cloud type is refused with R-CATALOG',
      publicHub,
      { type: 'add_option', option: { kind: 'onprem_port', line: 'optical', speed: '1G', cloudType: 'A_PUBLIC' } },
      ['R-CATALOG'],
    ],
    ['add: a NAPT size outside the catalog is refused with R-CATALOG', publicHub, { type: 'add_option', option: { kind: 'napt', sessions: 100_000, portId: 'pub' } }, ['R-CATALOG']],
  ]);
});

// ── change_speed ──
const m2 = (speed: OptionState['speed']) => contract(onprem('o'), cloud('m2', 'M2_PUBLIC', { speed }), addOn('p', 'pbb_expansion'), addOn('n', 'napt', { portId: 'm2' }));

describe('checkChange: changing an interface', () => {
  run([
    ['speed: M2_PUBLIC 100M → 300M is accepted', m2('100M'), { type: 'change_speed', optionId: 'm2', to: '300M' }, []],
    ['speed: M2_PUBLIC 100M → 1G is accepted', m2('100M'), { type: 'change_speed', optionId: 'm2', to: '1G' }, []],
    ['speed: M2_PUBLIC 500M → 1G is accepted', m2('500M'), { type: 'change_speed', optionId: 'm2', to: '1G' }, []],
    ['speed: M2_PUBLIC 1G → 2G is refused with R-M2-UPGRADE-ONLY', m2('1G'), { type: 'change_speed', optionId: 'm2', to: '2G' }, ['R-M2-UPGRADE-ONLY']],
    ['speed: M2_PUBLIC 300M → 100M (down) is refused with R-M2-UPGRADE-ONLY', m2('300M'), { type: 'change_speed', optionId: 'm2', to: '100M' }, ['R-M2-UPGRADE-ONLY']],
    ['speed: M2_PUBLIC 300M → 300M is refused with R-M2-UPGRADE-ONLY', m2('300M'), { type: 'change_speed', optionId: 'm2', to: '300M' }, ['R-M2-UPGRADE-ONLY']],
    ['speed: an on-premises port 1G → 10G is refused with R-M2-UPGRADE-ONLY', m2('100M'), { type: 'change_speed', optionId: 'o', to: '10G' }, ['R-M2-UPGRADE-ONLY']],
    ['speed: an A_PRIVATE port 1G → 10G is refused with R-M2-UPGRADE-ONLY', privateHub, { type: 'change_speed', optionId: 'priv', to: '10G' }, ['R-M2-UPGRADE-ONLY']],
    ['speed: an M_PRIVATE port 1G → 100M is refused with R-M2-UPGRADE-ONLY and R-CATALOG', privateHub, { type: 'change_speed', optionId: 'priv', to: '100M' }, ['R-CATALOG', 'R-M2-UPGRADE-ONLY']],
    ['speed: a bandwidth expansion has no interface: R-CATALOG', m2('100M'), { type: 'change_speed', optionId: 'p', to: '10G' }, ['R-CATALOG']],
    ['speed: a NAPT option has no interface: R-CATALOG', m2('100M'), { type: 'change_speed', optionId: 'n', to: '1G' }, ['R-CATALOG']],
    ['speed: an interface outside the catalog is refused with R-CATALOG', m2('100M'), { type: 'change_speed', optionId: 'm2', to: '40G' as never }, ['R-CATALOG']],
    ['speed: an option the contract does not hold is refused with R-UNKNOWN-OPTION', m2('100M'), { type: 'change_speed', optionId: 'other', to: '300M' }, ['R-UNKNOWN-OPTION']],
    ['speed: without a Private Backbone contract is refused with R-ELIG-PBB', withoutPbb(m2('100M')), { type: 'change_speed', optionId: 'm2', to: '300M' }, ['R-ELIG-PBB']],
  ]);
});

// ── change_item ──
const expansion = (speed: OptionState['speed']) => contract(onprem('o'), addOn('p', 'pbb_expansion', { speed }), addOn('fw', 'firewall'), cloud('priv', 'A_PRIVATE'));

describe('checkChange: changing an item', () => {
  run([
    ['item: bandwidth expansion 5G → 10G is accepted', expansion('5G'), { type: 'change_item', optionId: 'p', to: '10G' }, []],
    ['item: bandwidth expansion 10G → 5G is accepted', expansion('10G'), { type: 'change_item', optionId: 'p', to: '5G' }, []],
    ['item: bandwidth expansion 5G → 5G is refused with R-ITEM-CHANGE', expansion('5G'), { type: 'change_item', optionId: 'p', to: '5G' }, ['R-ITEM-CHANGE']],
    ['item: bandwidth expansion → 1G is refused with R-CATALOG', expansion('5G'), { type: 'change_item', optionId: 'p', to: '1G' }, ['R-CATALOG']],
    ['item: NAPT 30,000 → 60,000 sessions is refused with R-ITEM-CHANGE', publicHub, { type: 'change_item', optionId: 'napt1', to: 60_000 }, ['R-ITEM-CHANGE']],
    ['item: firewall 500,000 → 1,000,000 sessions is refused with R-ITEM-CHANGE', expansion('5G'), { type: 'change_item', optionId: 'fw', to: 1_000_000 }, ['R-ITEM-CHANGE']],
    ['item: firewall → 123 sessions is refused with R-ITEM-CHANGE and R-CATALOG', expansion('5G'), { type: 'change_item', optionId: 'fw', to: 123 }, ['R-CATALOG', 'R-ITEM-CHANGE']],
    ['item: a cloud port has no changeable item: R-ITEM-CHANGE', publicHub, { type: 'change_item', optionId: 'pub', to: '10G' }, ['R-ITEM-CHANGE']],
    ['item: an option the contract does not hold is refused with R-UNKNOWN-OPTION', publicHub, { type: 'change_item', optionId: 'nope', to: '10G' }, ['R-UNKNOWN-OPTION']],
    ['item: without a Private Backbone contract is refused with R-ELIG-PBB', withoutPbb(expansion('5G')), { type: 'change_item', optionId: 'p', to: '10G' }, ['R-ELIG-PBB']],
  ]);
});

// ── cancel_option ──
const cancel = (optionId: string, effectiveDate = '2026-05-31'): Change => ({ type: 'cancel_option', optionId, effectiveDate });

describe('checkChange: cancelling an option', () => {
  run([
    ['cancel: one of two ports is accepted', contract(onprem('a'), onprem('b')), cancel('a'), []],
    ['cancel: last port is refused with R-PORT-REQUIRED', contract(onprem('a'), addOn('p', 'pbb_expansion')), cancel('a'), ['R-PORT-REQUIRED']],
    ['cancel: a port whose only partner is already ending is refused with R-PORT-REQUIRED', contract(onprem('a'), onprem('b', { endsOn: '2026-04-30' })), cancel('a'), ['R-PORT-REQUIRED']],
    ['cancel: the last public port while static NAT runs on is refused with R-SNAT-NEEDS-PUBLIC (its NAPT end with it)', contract(onprem('o'), ...publicHub.options), cancel('pub'), ['R-SNAT-NEEDS-PUBLIC']],
    ['cancel: the only port, a public one with add-ons, reports both rules', publicHub, cancel('pub'), ['R-PORT-REQUIRED', 'R-SNAT-NEEDS-PUBLIC']],
    ['cancel: the last private port while the firewall runs on is refused with R-FW-NEEDS-PRIVATE', contract(onprem('o'), ...privateHub.options), cancel('priv'), ['R-FW-NEEDS-PRIVATE']],
    [
      'cancel: the last public port after NAPT has ended is accepted',
      contract(onprem('o'), cloud('pub', 'A_PUBLIC'), addOn('n', 'napt', { endsOn: '2026-05-15' })),
      cancel('pub', '2026-05-31'),
      [],
    ],
    [
      'cancel: the last public port on the day NAPT ends is accepted',
      contract(onprem('o'), cloud('pub', 'A_PUBLIC'), addOn('n', 'napt', { endsOn: '2026-05-31' })),
      cancel('pub', '2026-05-31'),
      [],
    ],
    [
      'cancel: a public port whose NAPT was due to end later takes it along on its own day (R-NAPT-PER-PORT)',
      contract(onprem('o'), cloud('pub', 'A_PUBLIC'), addOn('n', 'napt', { endsOn: '2026-06-15' })),
      cancel('pub', '2026-05-31'),
      [],
    ],
    [
      'cancel: a public port while another public port stays is accepted',
      contract(cloud('pub', 'A_PUBLIC'), cloud('pub2', 'M2_PUBLIC', { billingStartDate: undefined }), addOn('n', 'napt')),
      cancel('pub'),
      [],
    ],
    ['cancel: a port\'s last NAPT while the port runs on is refused with R-NAPT-PER-PORT', publicHub, cancel('napt1'), ['R-NAPT-PER-PORT']],
    ['cancel: one of a port\'s two NAPT is accepted', contract(...publicHub.options, addOn('napt2', 'napt')), cancel('napt1'), []],
    [
      'cancel: a port\'s last NAPT on the day the port itself ends is accepted',
      contract(onprem('o'), cloud('pub', 'A_PUBLIC', { endsOn: '2026-05-31' }), addOn('n', 'napt')),
      cancel('n', '2026-05-31'),
      [],
    ],
    ['cancel: the firewall option is accepted', privateHub, cancel('fw'), []],
    ['cancel: an option already being cancelled is refused with R-ALREADY-ENDING', contract(onprem('a'), onprem('b', { endsOn: '2026-04-30' })), cancel('b'), ['R-ALREADY-ENDING']],
    ['cancel: an option the contract does not hold is refused with R-UNKNOWN-OPTION', publicHub, cancel('someone-elses'), ['R-UNKNOWN-OPTION']],
    [
      'cancel: withdrawing a pending NAPT application is accepted while the port keeps another',
      contract(cloud('pub', 'A_PUBLIC'), addOn('m', 'napt'), addOn('n', 'napt', { billingStartDate: undefined })),
      cancel('n', '2026-02-01'),
      [],
    ],
    [
      'cancel: withdrawing a pending public port takes its pending NAPT with it',
      contract(onprem('o'), cloud('pub', 'A_PUBLIC', { billingStartDate: undefined }), addOn('n', 'napt', { billingStartDate: undefined })),
      cancel('pub', '2026-02-01'),
      [],
    ],
    ['cancel: needs no Private Backbone contract (no R-ELIG-PBB)', withoutPbb(contract(onprem('a'), onprem('b'))), cancel('a'), []],
  ]);

  it('cancel: the violation names the add-on that would lose its port', () => {
    const verdict = checkChange(contract(onprem('o'), ...privateHub.options), cancel('priv'));
    expect(verdict).toEqual({ ok: false, violations: [{ rule: 'R-FW-NEEDS-PRIVATE', message: expect.stringContaining('firewall "fw"') }] });
  });
});

// ── cancel_contract ──
const cancelContract = (effectiveDate = '2026-05-31'): Change => ({ type: 'cancel_contract', effectiveDate });

describe('checkChange: cancelling the contract', () => {
  run([
    ['contract: cancelling a running contract is accepted', publicHub, cancelContract(), []],
    ['contract: cancelling with add-ons already ending earlier is accepted', contract(cloud('pub', 'A_PUBLIC'), addOn('n', 'napt', { endsOn: '2026-03-31' })), cancelContract(), []],
    ['contract: cancelling after the last Private Backbone contract ended is accepted (R-PBB-ENDS)', withoutPbb(publicHub), cancelContract(), []],
    [
      'contract: cancelling a contract whose every option already ends is refused with R-ALREADY-ENDING',
      contract(onprem('a', { endsOn: '2026-04-30' }), addOn('p', 'pbb_expansion', { endsOn: '2026-04-30' })),
      cancelContract(),
      ['R-ALREADY-ENDING'],
    ],
  ]);
});

// ── malformed input ──
describe('checkChange: malformed input throws a RangeError naming the field', () => {
  it.each([
    ['effectiveDate', publicHub, cancel('napt1', '2026-02-30')],
    ['effectiveDate', publicHub, cancelContract('2026/05/31')],
    ['state.options[0].billingStartDate', contract(onprem('a', { billingStartDate: '2026-13-01' })), cancel('a')],
    ['state.options[1].endsOn', contract(onprem('a'), onprem('b', { endsOn: 'next month' })), { type: 'add_option', option: { kind: 'static_nat' } }],
    ['state.activePbbContracts', { activePbbContracts: -1, options: [] }, cancelContract()],
    ['state.activePbbContracts', { activePbbContracts: Number.NaN, options: [] }, cancelContract()],
    ['change.type', publicHub, { type: 'rename' } as unknown as Change],
  ] as [string, ContractState, Change][])('%s', (field, state, change) => {
    expect(() => checkChange(state, change)).toThrow(RangeError);
    expect(() => checkChange(state, change)).toThrow(new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}`));
  });
});
