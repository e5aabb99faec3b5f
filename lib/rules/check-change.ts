// checkChange: judges one change to one Smart HUB contract against spec/rules.md §2–§4.
// Reports every violation it finds; throws RangeError only for malformed input.
import { ruleArticle } from './articles';
import {
  ADDON_LIMITS,
  FIREWALL_SESSIONS,
  NAPT_SESSIONS,
  ONPREM_SPEEDS,
  PBB_EXPANSION_ITEMS,
  SPEEDS,
  catalogProblems,
  cloudPortSpeeds,
  isPort,
  isPrivateCloud,
  isPublicCloud,
  m2UpgradeTargets,
} from './catalog';
import { optionLastDay } from './cancellation';
import { assertCalendarDate } from './dates';
import type {
  Change,
  CloudType,
  ContractState,
  NewOption,
  OptionKind,
  OptionState,
  RuleId,
  Speed,
  Verdict,
  Violation,
} from './types';

/** An option as the date rules see it: what it is, and its last day (null: no scheduled end). */
interface Held {
  key: string;
  label: string;
  kind: unknown;
  cloudType: unknown;
  endsOn: string | null;
}

type Context = 'apply' | 'cancel';

export function checkChange(state: ContractState, change: Change): Verdict {
  assertState(state);
  const violations = judge(state, change);
  return violations.length === 0 ? { ok: true } : { ok: false, violations };
}

function judge(state: ContractState, change: Change): Violation[] {
  if (change === null || typeof change !== 'object') throw new RangeError('change: not a change');
  switch (change.type) {
    case 'new_contract':
      return checkNewContract(state, change.options);
    case 'add_option':
      return checkAddOption(state, change.option);
    case 'change_speed':
      return checkChangeSpeed(state, change.optionId, change.to);
    case 'change_item':
      return checkChangeItem(state, change.optionId, change.to);
    case 'cancel_option':
      return checkCancelOption(state, change.optionId, assertCalendarDate('effectiveDate', change.effectiveDate));
    case 'cancel_contract':
      return checkCancelContract(state, assertCalendarDate('effectiveDate', change.effectiveDate));
    default:
      throw new RangeError(`change.type: unknown change type (${JSON.stringify((change as { type?: unknown }).type)})`);
  }
}

// ── the changes ────────────────────────────────────────────────────────────────────────────

function checkNewContract(state: ContractState, options: NewOption[]): Violation[] {
  if (!Array.isArray(options)) throw new RangeError('change.options: not a list of options');
  options.forEach((o, i) => assertNewOption(`change.options[${i}]`, o));
  const added = options.map((o, i) => heldNew(o, `new option #${i + 1}`));
  return [
    ...eligibility(state),
    ...options.flatMap((o, i) => catalog(o, `new option #${i + 1}`)),
    ...quantity(state, options),
    ...invariants([...state.options.map(heldExisting), ...added], null, 'apply').values(),
  ];
}

function checkAddOption(state: ContractState, option: NewOption): Violation[] {
  assertNewOption('change.option', option);
  const before = state.options.map(heldExisting);
  const after = [...before, heldNew(option, `the new ${String(option.kind)}`)];
  return [
    ...eligibility(state),
    ...catalog(option, `the new ${String(option.kind)}`),
    ...quantity(state, [option]),
    ...newlyBroken(before, after, null, 'apply'),
  ];
}

function checkChangeSpeed(state: ContractState, optionId: string, to: Speed): Violation[] {
  const target = findOption(state, optionId);
  if (!target) return [...eligibility(state), unknownOption(optionId)];
  const v = eligibility(state);
  const name = describe(target);
  if (!(SPEEDS as readonly unknown[]).includes(to)) {
    v.push(violation('R-CATALOG', `${JSON.stringify(to)} is not an interface`));
  } else if (!isPort(target.kind)) {
    const hint = target.kind === 'pbb_expansion' ? '; its bandwidth is an item, changed with change_item' : '';
    v.push(violation('R-CATALOG', `${name} has no interface${hint}`));
  } else if (target.kind === 'cloud_port' && target.cloudType === 'M2_PUBLIC') {
    const targets = target.speed ? m2UpgradeTargets(target.speed) : [];
    if (!targets.includes(to)) {
      const allowed = targets.length ? `only to ${targets.join('/')}` : 'no further';
      v.push(violation('R-M2-UPGRADE-ONLY', `${name} may move ${allowed} from ${String(target.speed)}, not to ${to}`));
    }
  } else {
    const speeds = target.kind === 'cloud_port' ? cloudPortSpeeds(target.cloudType as CloudType) : ONPREM_SPEEDS;
    if (!speeds.includes(to)) {
      v.push(violation('R-CATALOG', `${name} cannot have interface ${to} (allowed: ${speeds.join('/')})`));
    }
    v.push(violation('R-M2-UPGRADE-ONLY', `only an M2_PUBLIC cloud port may change its interface; ${name} cannot`));
  }
  return v;
}

function checkChangeItem(state: ContractState, optionId: string, to: Speed | number): Violation[] {
  const target = findOption(state, optionId);
  if (!target) return [...eligibility(state), unknownOption(optionId)];
  const v = eligibility(state);
  const name = describe(target);
  if (target.kind === 'pbb_expansion') {
    if (!(PBB_EXPANSION_ITEMS as readonly unknown[]).includes(to)) {
      v.push(violation('R-CATALOG', `${JSON.stringify(to)} is not a pbb_expansion item (${PBB_EXPANSION_ITEMS.join('/')})`));
    } else if (to === target.speed) {
      v.push(violation('R-ITEM-CHANGE', `${name} already has item ${to}`));
    }
    return v;
  }
  const sizes = target.kind === 'napt' ? NAPT_SESSIONS : target.kind === 'firewall' ? FIREWALL_SESSIONS : null;
  if (sizes && !sizes.includes(to as number)) {
    v.push(violation('R-CATALOG', `${JSON.stringify(to)} is not a ${target.kind} item (${sizes.join('/')})`));
  }
  const advice = sizes ? '; add the new size and cancel the old one instead' : '';
  v.push(violation('R-ITEM-CHANGE', `only pbb_expansion may change its item; ${name} cannot${advice}`));
  return v;
}

function checkCancelOption(state: ContractState, optionId: string, effectiveDate: string): Violation[] {
  const target = findOption(state, optionId);
  if (!target) return [unknownOption(optionId)];
  const v: Violation[] = [];
  if (target.endsOn !== undefined) {
    v.push(violation('R-ALREADY-ENDING', `${describe(target)} already ends on ${target.endsOn}; withdraw that notice first`));
  }
  const before = state.options.map(heldExisting);
  const after = state.options.map((o) => (o === target ? { ...heldExisting(o), endsOn: effectiveDate } : heldExisting(o)));
  return [...v, ...newlyBroken(before, after, null, 'cancel')];
}

/**
 * A running contract always keeps a port with no scheduled end (R-PORT-REQUIRED), so a contract
 * whose every option already has a last day can only be one whose cancellation is pending.
 */
function checkCancelContract(state: ContractState, effectiveDate: string): Violation[] {
  const v: Violation[] = [];
  if (state.options.length > 0 && state.options.every((o) => o.endsOn !== undefined)) {
    v.push(violation('R-ALREADY-ENDING', 'every option of the contract already has a last day: the contract is already ending'));
  }
  const before = state.options.map(heldExisting);
  const after = before.map((o) => ({ ...o, endsOn: optionLastDay(o.endsOn, effectiveDate) }));
  return [...v, ...newlyBroken(before, after, effectiveDate, 'cancel')];
}

// ── the rules ──────────────────────────────────────────────────────────────────────────────

function eligibility(state: ContractState): Violation[] {
  return state.activePbbContracts > 0
    ? []
    : [violation('R-ELIG-PBB', 'an application needs at least one active IIJ Private Backbone contract')];
}

function catalog(option: NewOption, name: string): Violation[] {
  const problems = catalogProblems(option);
  return problems.length ? [violation('R-CATALOG', `${name}: ${problems.join('; ')}`)] : [];
}

function quantity(state: ContractState, added: NewOption[]): Violation[] {
  const kinds = [...new Set(added.map((o) => o.kind))];
  return kinds.flatMap((kind) => {
    const limit = Object.hasOwn(ADDON_LIMITS, kind) ? ADDON_LIMITS[kind] : undefined;
    if (limit === undefined) return [];
    const count = [...state.options, ...added].filter((o) => o.kind === kind).length;
    return count > limit
      ? [violation('R-ADDON-QUANTITY', `a contract may hold at most ${limit} ${kind} option(s) at a time; this makes ${count}`)]
      : [];
  });
}

const NEEDS: Partial<Record<OptionKind, { rule: RuleId; qualifies: (t: unknown) => boolean; what: string }>> = {
  napt: { rule: 'R-NAPT-NEEDS-PUBLIC', qualifies: isPublicCloud, what: 'public (A_PUBLIC, M_PUBLIC or M2_PUBLIC)' },
  static_nat: { rule: 'R-SNAT-NEEDS-PUBLIC', qualifies: isPublicCloud, what: 'public (A_PUBLIC, M_PUBLIC or M2_PUBLIC)' },
  firewall: { rule: 'R-FW-NEEDS-PRIVATE', qualifies: isPrivateCloud, what: 'private (A_PRIVATE or M_PRIVATE)' },
};

/** The rule by which an add-on needs a qualifying cloud port (R-NAPT/SNAT-NEEDS-PUBLIC, R-FW-NEEDS-PRIVATE); null for ports and other add-ons. */
export function portRuleOf(kind: OptionKind): RuleId | null {
  return (Object.hasOwn(NEEDS, kind) ? NEEDS[kind]?.rule : undefined) ?? null;
}

/** §2 at every future date: (a) a port always runs; (b) every add-on's qualifying port outlives it. */
function invariants(options: Held[], contractEndsOn: string | null, context: Context): Map<string, Violation> {
  const broken = new Map<string, Violation>();
  const ports = options.filter((o) => isPort(o.kind));
  const portRuns = contractEndsOn === null ? ports.some((p) => p.endsOn === null) : ports.some((p) => p.endsOn === contractEndsOn);
  if (!portRuns) {
    const message =
      context === 'apply'
        ? 'a contract must hold at least one port (onprem_port or cloud_port)'
        : 'this would leave the contract without a port that keeps running; cancel the whole contract instead';
    broken.set('R-PORT-REQUIRED', violation('R-PORT-REQUIRED', message));
  }
  for (const addOn of options) {
    const need = Object.hasOwn(NEEDS, addOn.kind as PropertyKey) ? NEEDS[addOn.kind as OptionKind] : undefined;
    if (!need) continue;
    const covered = ports.some((p) => p.kind === 'cloud_port' && need.qualifies(p.cloudType) && outlives(p.endsOn, addOn.endsOn));
    if (!covered) {
      const until = addOn.endsOn === null ? 'no scheduled end' : `last day ${addOn.endsOn}`;
      const message = `${addOn.label} (${until}) needs a ${need.what} cloud port that lasts at least as long`;
      broken.set(`${need.rule}:${addOn.key}`, violation(need.rule, message));
    }
  }
  return broken;
}

/** The invariant violations the change introduces (ones the contract already had are not its doing). */
function newlyBroken(before: Held[], after: Held[], contractEndsOn: string | null, context: Context): Violation[] {
  const already = invariants(before, null, context);
  return [...invariants(after, contractEndsOn, context)].filter(([key]) => !already.has(key)).map(([, v]) => v);
}

function outlives(portEndsOn: string | null, addOnEndsOn: string | null): boolean {
  return portEndsOn === null || (addOnEndsOn !== null && portEndsOn >= addOnEndsOn);
}

// ── helpers ────────────────────────────────────────────────────────────────────────────────

function violation(rule: RuleId, message: string): Violation {
  return { rule, message: `${rule} (${ruleArticle(rule)}): ${message}` };
}

function unknownOption(optionId: string): Violation {
  return violation('R-UNKNOWN-OPTION', `the contract holds no option ${JSON.stringify(optionId)}`);
}

function findOption(state: ContractState, optionId: string): OptionState | undefined {
  return state.options.find((o) => o.id === optionId);
}

function describe(o: OptionState): string {
  return `${String(o.kind)} ${JSON.stringify(o.id)}`;
}

function heldExisting(o: OptionState): Held {
  return { key: `id:${o.id}`, label: describe(o), kind: o.kind, cloudType: o.cloudType, endsOn: o.endsOn ?? null };
}

function heldNew(o: NewOption, label: string): Held {
  return { key: `new:${label}`, label: `${label} (${String(o.kind)})`, kind: o.kind, cloudType: o.cloudType, endsOn: null };
}

function assertState(state: ContractState): void {
  if (state === null || typeof state !== 'object') throw new RangeError('state: not a contract state');
  const n = state.activePbbContracts;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`state.activePbbContracts: not a non-negative integer (${String(n)})`);
  }
  if (!Array.isArray(state.options)) throw new RangeError('state.options: not a list of options');
  state.options.forEach((o, i) => {
    const at = `state.options[${i}]`;
    if (o === null || typeof o !== 'object') throw new RangeError(`${at}: not an option`);
    if (typeof o.id !== 'string') throw new RangeError(`${at}.id: not a string`);
    if (o.billingStartDate !== undefined) assertCalendarDate(`${at}.billingStartDate`, o.billingStartDate);
    if (o.endsOn !== undefined) assertCalendarDate(`${at}.endsOn`, o.endsOn);
  });
}

function assertNewOption(at: string, o: unknown): void {
  if (o === null || typeof o !== 'object') throw new RangeError(`${at}: not an option`);
}
