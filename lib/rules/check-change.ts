// checkChange: judges one change to one Smart HUB contract against spec/rules.md §2–§4.
// Reports every violation it finds; throws RangeError only for malformed input.
import { ruleArticle } from './articles';
import {
  ADDON_LIMITS,
  FIREWALL_SESSIONS,
  NAPT_PER_PORT_LIMIT,
  NAPT_SESSIONS,
  ONPREM_SPEEDS,
  PBB_EXPANSION_ITEMS,
  SPEEDS,
  catalogProblems,
  cloudPortSpeeds,
  isPort,
  isPublicCloud,
  m2UpgradeTargets,
} from './catalog';
import { optionLastDay } from './cancellation';
import { assertCalendarDate } from './dates';
import { portNeedOf } from './port-needs';
import type {
  Change,
  CloudType,
  ContractState,
  NewOption,
  OptionState,
  RuleId,
  Speed,
  Verdict,
  Violation,
} from './types';

/**
 * An option as the date rules see it: what it is, its last day (null: no scheduled end), and for
 * a `napt` the key of its port (`id:<option id>`, or `new:<index>` of a port in the same change).
 */
interface Held {
  key: string;
  label: string;
  kind: unknown;
  cloudType: unknown;
  endsOn: string | null;
  portKey: string | null;
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
      assertNewOption('change.option', change.option);
      return checkAddOptions(state, [change.option], 'change.option');
    case 'add_options':
      if (!Array.isArray(change.options)) throw new RangeError('change.options: not a list of options');
      return checkAddOptions(state, change.options, 'change.options');
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
  const added = heldNewAll(options);
  return [
    ...eligibility(state),
    ...options.flatMap((o, i) => catalog(o, `new option #${i + 1}`)),
    ...quantity(state, options),
    ...naptQuantity([...state.options.map(heldExisting), ...added], added),
    ...invariants([...state.options.map(heldExisting), ...added], null, 'apply').values(),
  ];
}

/** One application of one or more options (add_option, add_options): judged as one. */
function checkAddOptions(state: ContractState, options: NewOption[], at: string): Violation[] {
  options.forEach((o, i) => assertNewOption(options.length === 1 ? at : `${at}[${i}]`, o));
  const before = state.options.map(heldExisting);
  const added = heldNewAll(options);
  const after = [...before, ...added];
  return [
    ...eligibility(state),
    ...options.flatMap((o, i) => catalog(o, added[i]!.label)),
    ...quantity(state, options),
    ...naptQuantity(after, added),
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
  // R-NAPT-PER-PORT: a public cloud port's NAPT add-ons end with it, never judged on their own.
  const endsWithTarget = (o: OptionState) => o.kind === 'napt' && o.portId !== undefined && o.portId === target.id && isPort(target.kind);
  const before = state.options.map(heldExisting);
  const after = state.options.map((o) => {
    if (o === target) return { ...heldExisting(o), endsOn: effectiveDate };
    if (endsWithTarget(o)) return { ...heldExisting(o), endsOn: optionLastDay(o.endsOn, effectiveDate) };
    return heldExisting(o);
  });
  return [...v, ...newlyBroken(before, after, null, 'cancel')];
}

/**
 * Withdrawing pending applications (rules.md §2: checked like a cancellation): every option of
 * `optionIds` ends on `date`, judged as one, so a public port and its NAPT applied for together
 * are withdrawn together. Nothing outside `optionIds` goes with them: a NAPT (or static NAT,
 * firewall) of another application that needs a withdrawn port is left without it, which is
 * refused (R-NAPT-NEEDS-PUBLIC and its kin) until that one is withdrawn first. An option already
 * ending is no refusal here (withdrawing stops it sooner).
 */
export function checkWithdrawal(state: ContractState, optionIds: readonly string[], date: string): Verdict {
  assertState(state);
  assertCalendarDate('date', date);
  const unknown = optionIds.filter((id) => !findOption(state, id)).map(unknownOption);
  const withdrawn = new Set(optionIds);
  const before = state.options.map(heldExisting);
  const after = state.options.map((o) => (withdrawn.has(o.id) ? { ...heldExisting(o), endsOn: optionLastDay(o.endsOn, date) } : heldExisting(o)));
  const violations = [...unknown, ...newlyBroken(before, after, null, 'cancel')];
  return violations.length === 0 ? { ok: true } : { ok: false, violations };
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

/** I-2: at most eight NAPT on one port at a time, counted on each port the change adds NAPT to. */
function naptQuantity(after: Held[], added: Held[]): Violation[] {
  const ports = [...new Set(added.filter((o) => o.kind === 'napt' && o.portKey !== null).map((o) => o.portKey as string))];
  return ports.flatMap((portKey) => {
    const count = after.filter((o) => o.kind === 'napt' && o.portKey === portKey).length;
    const port = after.find((o) => o.key === portKey);
    return count > NAPT_PER_PORT_LIMIT
      ? [
          violation(
            'R-ADDON-QUANTITY',
            `a cloud port may hold at most ${NAPT_PER_PORT_LIMIT} napt options at a time; this makes ${count} on ${port?.label ?? portKey}`,
          ),
        ]
      : [];
  });
}

/**
 * §2 at every future date: (a) a port always runs; (b) every static NAT or firewall has a
 * qualifying port that outlives it; (c) every NAPT is assigned to a public cloud port that
 * outlives it; (d) every public cloud port holds a NAPT for as long as it runs (R-NAPT-PER-PORT).
 */
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
    const need = portNeedOf(addOn.kind);
    if (!need) continue;
    const until = addOn.endsOn === null ? 'no scheduled end' : `last day ${addOn.endsOn}`;
    if (addOn.kind === 'napt') {
      const port = addOn.portKey === null ? undefined : ports.find((p) => p.key === addOn.portKey);
      if (!port || port.kind !== 'cloud_port' || !need.qualifies(port.cloudType) || !outlives(port.endsOn, addOn.endsOn)) {
        const which =
          addOn.portKey === null
            ? 'names no port'
            : port
              ? `is assigned to ${port.label}, which is not a ${need.what} cloud port lasting at least as long`
              : `names a port the contract does not hold (${addOn.portKey.replace(/^id:/, '')})`;
        const message = `${addOn.label} (${until}) must be assigned to a ${need.what} cloud port that lasts at least as long; it ${which}`;
        broken.set(`${need.rule}:${addOn.key}`, violation(need.rule, message));
      }
      continue;
    }
    const covered = ports.some((p) => p.kind === 'cloud_port' && need.qualifies(p.cloudType) && outlives(p.endsOn, addOn.endsOn));
    if (!covered) {
      const message = `${addOn.label} (${until}) needs a ${need.what} cloud port that lasts at least as long`;
      broken.set(`${need.rule}:${addOn.key}`, violation(need.rule, message));
    }
  }
  for (const port of ports) {
    if (port.kind !== 'cloud_port' || !isPublicCloud(port.cloudType)) continue;
    const napt = options.filter((o) => o.kind === 'napt' && o.portKey === port.key);
    const lastsWithPort = napt.some((n) => outlives(n.endsOn, port.endsOn));
    if (!lastsWithPort) {
      const message =
        napt.length === 0
          ? `${port.label} must hold at least one napt option assigned to it in the same application`
          : `this would leave ${port.label}, which keeps running, with no napt option; cancel the port instead`;
      broken.set(`R-NAPT-PER-PORT:${port.key}`, violation('R-NAPT-PER-PORT', message));
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
  const portKey = o.kind === 'napt' && typeof o.portId === 'string' ? `id:${o.portId}` : null;
  return { key: `id:${o.id}`, label: describe(o), kind: o.kind, cloudType: o.cloudType, endsOn: o.endsOn ?? null, portKey };
}

/**
 * The options one change adds, each keyed by its place in the change. A NAPT's `portId` names
 * the first new option with that `ref`, otherwise an option the contract holds.
 */
function heldNewAll(options: NewOption[]): Held[] {
  const byRef = new Map<string, number>();
  options.forEach((o, i) => {
    if (typeof o.ref === 'string' && !byRef.has(o.ref)) byRef.set(o.ref, i);
  });
  return options.map((o, i) => {
    const label = options.length === 1 ? `the new ${String(o.kind)}` : `new option #${i + 1} (${String(o.kind)})`;
    const ref = typeof o.portId === 'string' ? byRef.get(o.portId) : undefined;
    const portKey = o.kind !== 'napt' || typeof o.portId !== 'string' ? null : ref !== undefined ? `new:${ref}` : `id:${o.portId}`;
    return { key: `new:${i}`, label, kind: o.kind, cloudType: o.cloudType, endsOn: null, portKey };
  });
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
