// The contract holder's changes. Each follows one shape (style.md): the caller has run the guard
// and parsed the input; here one transaction locks the contract row, builds the state,
// asks lib/rules, and, on confirm, writes the change with its audit row.
// In 'review' mode nothing is written: the same judgement returns what the customer will see.
import crypto from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import {
  applications,
  cancellationNotices,
  changeRequests,
  options,
  smarthubContracts,
  type OptionAttributes,
} from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import type { CustomerActor } from '@/lib/auth/access';
import { priceFor, priceItemKey, pricesInForce, type PriceRow } from '@/lib/billing/prices';
import {
  cancellationEffectiveDate,
  checkChange,
  consumptionTaxYen,
  earlyTerminationFeeBreakdown,
  isPort,
  japanDate,
  latestRequestableDate,
  m2UpgradeTargets,
  minimumTermLastDay,
  missingCloudConditions,
  noticeArrivalDate,
  PBB_EXPANSION_ITEMS,
  thirtyDaysAfterArrival,
  type EarlyTerminationBreakdown,
  type NewOption,
  type Speed,
} from '@/lib/rules';
import type { OptionRow } from './queries';
import {
  activePbbContracts,
  closeAppliedContract,
  findOption,
  heldOptions,
  lockClosedNetwork,
  lockContract,
  toContractState,
} from './state';

export type Mode = 'review' | 'confirm';
export interface Ctx {
  now: Date;
  mode: Mode;
}

/** A rule the change breaks: a rule ID of lib/rules, or a portal rule (R-ONE-PER-NETWORK, R-CLOUD-CONDITIONS). */
export interface RuleViolation {
  rule: string;
  message: string;
}

/** Refusals that are not contract rules: the portal's own checks. */
export type Refusal =
  | 'read_only'
  | 'support_view_only'
  | 'date_too_far'
  | 'date_in_past'
  | 'pending_change'
  | 'withdraw_instead'
  | 'contract_ending'
  | 'not_withdrawable'
  | 'not_cloud_port';

export type Outcome<P> =
  | { ok: true; mode: 'review'; preview: P }
  | { ok: true; mode: 'confirm'; preview: P | null; id: string; contractId: string; duplicate: boolean }
  | { ok: false; kind: 'violations'; violations: RuleViolation[]; preview?: P }
  | { ok: false; kind: 'refused'; reason: Refusal; preview?: P }
  | { ok: false; kind: 'not_found' };

const notFound = { ok: false, kind: 'not_found' } as const;
const refused = <P>(reason: Refusal, preview?: P) => ({ ok: false as const, kind: 'refused' as const, reason, preview });

/** What a customer may order: a catalog option plus what the portal keeps about it. */
export interface OptionOrder {
  option: NewOption;
  dataCentre?: string;
  rack?: string;
  cloudAccountId?: string;
  cloudConnectionKey?: string;
  /** R-CLOUD-CONDITIONS: the condition codes the customer confirmed. */
  cloudConditions?: string[];
}

export interface FeeLine {
  kind: string;
  item: string;
  initialYen: number;
  monthlyYen: number;
  oneTimeYen: number;
  /** Tax on initial + monthly (10%, R-FEES). */
  taxOnInitialYen: number;
  taxOnMonthlyYen: number;
  minimumTermMonths: number | null;
  priced: boolean;
}

function feeLine(table: Map<string, PriceRow>, kind: string, item: string): FeeLine {
  const price = priceFor(table, kind, item);
  const initialYen = price?.initialYen ?? 0;
  const monthlyYen = price?.monthlyYen ?? 0;
  return {
    kind,
    item,
    initialYen,
    monthlyYen,
    oneTimeYen: price?.oneTimeYen ?? 0,
    taxOnInitialYen: consumptionTaxYen(initialYen),
    taxOnMonthlyYen: consumptionTaxYen(monthlyYen),
    minimumTermMonths: isPort(kind) ? 3 : null,
    priced: Boolean(price),
  };
}

function attributesOf(order: OptionOrder): OptionAttributes {
  const o = order.option;
  return {
    ...(o.cloudType ? { cloudType: o.cloudType } : {}),
    ...(o.speed ? { speed: o.speed } : {}),
    ...(o.line ? { line: o.line } : {}),
    ...(o.sessions !== undefined ? { sessions: o.sessions } : {}),
    ...(order.dataCentre ? { dataCentre: order.dataCentre } : {}),
    ...(order.rack ? { rack: order.rack } : {}),
    ...(order.cloudAccountId ? { cloudAccountId: order.cloudAccountId } : {}),
    ...(order.cloudConnectionKey ? { cloudConnectionKey: order.cloudConnectionKey } : {}),
  };
}

/** R-CLOUD-CONDITIONS (Art. 4.3): four confirmations and the cloud information for each cloud port. */
function cloudConditionViolations(orders: OptionOrder[]): RuleViolation[] {
  return orders.flatMap((order, i) => {
    if (order.option.kind !== 'cloud_port') return [];
    const v: RuleViolation[] = [];
    const missing = missingCloudConditions(order.cloudConditions ?? []);
    if (missing.length) {
      v.push({ rule: 'R-CLOUD-CONDITIONS', message: `option #${i + 1}: not confirmed: ${missing.join(', ')}` });
    }
    if (!order.cloudAccountId || !order.cloudConnectionKey) {
      v.push({ rule: 'R-CLOUD-CONDITIONS', message: `option #${i + 1}: cloud account and connection key are required` });
    }
    return v;
  });
}

function newCode(prefix: string): string {
  return `${prefix}-${crypto.randomInt(0, 36 ** 6).toString(36).toUpperCase().padStart(6, '0')}`;
}

function writable(actor: CustomerActor) {
  return actor.canWrite;
}

/** Why a write is refused to this actor: a viewer, or support without the customer's grant. */
function refusedWrite(actor: CustomerActor) {
  return { ok: false as const, kind: 'refused' as const, reason: actor.impersonation ? ('support_view_only' as const) : ('read_only' as const) };
}

// ── new contract ─────────────────────────────────────────────────────────────────────────────

export interface OrderPreview {
  fees: FeeLine[];
  totalInitialYen: number;
  totalMonthlyYen: number;
}

function orderPreview(table: Map<string, PriceRow>, orders: OptionOrder[], withBasic: boolean): OrderPreview {
  const fees = [
    ...(withBasic ? [feeLine(table, 'basic', '')] : []),
    ...orders.map((o) => feeLine(table, o.option.kind, priceItemKey(o.option.kind, attributesOf(o)))),
  ];
  return {
    fees,
    totalInitialYen: fees.reduce((sum, f) => sum + f.initialYen, 0),
    totalMonthlyYen: fees.reduce((sum, f) => sum + f.monthlyYen, 0),
  };
}

/** Flow 2: a Smart HUB contract for a closed network that has none, with at least one port. */
export async function applyForContract(
  db: Db,
  actor: CustomerActor,
  input: { closedNetworkId: string; orders: OptionOrder[]; idempotencyKey: string },
  ctx: Ctx,
): Promise<Outcome<OrderPreview>> {
  if (!writable(actor)) return refusedWrite(actor);
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const network = await lockClosedNetwork(tx, { closedNetworkId: input.closedNetworkId, customerId: actor.customerId });
    if (!network) return notFound;
    if (ctx.mode === 'confirm') {
      const done = await findApplication(tx, actor.customerId, input.idempotencyKey);
      if (done) return { ok: true, mode: 'confirm', preview: null, id: done.id, contractId: done.contractId ?? '', duplicate: true };
    }
    const table = await pricesInForce(tx, actor.customerId, today);
    const preview = orderPreview(table, input.orders, true);
    const violations: RuleViolation[] = [];
    const [existing] = await tx
      .select({ id: smarthubContracts.id })
      .from(smarthubContracts)
      .where(and(eq(smarthubContracts.closedNetworkId, network.id), ne(smarthubContracts.status, 'ended')));
    if (existing) {
      violations.push({ rule: 'R-ONE-PER-NETWORK', message: 'this closed network already has a Smart HUB contract' });
    }
    const verdict = checkChange(toContractState(await activePbbContracts(tx, actor.customerId), []), {
      type: 'new_contract',
      options: input.orders.map((o) => o.option),
    });
    if (!verdict.ok) violations.push(...verdict.violations);
    violations.push(...cloudConditionViolations(input.orders));
    if (violations.length) return { ok: false, kind: 'violations', violations, preview };
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };

    const [contract] = await tx
      .insert(smarthubContracts)
      .values({ customerId: actor.customerId, closedNetworkId: network.id, contractNumber: newCode('SH'), status: 'applied' })
      .returning();
    if (!contract) throw new Error('contract not inserted');
    const optionRows = await tx
      .insert(options)
      .values(
        input.orders.map((o) => ({
          customerId: actor.customerId,
          contractId: contract.id,
          code: newCode('SH-O'),
          kind: o.option.kind,
          attributes: attributesOf(o),
          status: 'applied' as const,
        })),
      )
      .returning();
    const [application] = await tx
      .insert(applications)
      .values({
        customerId: actor.customerId,
        closedNetworkId: network.id,
        contractId: contract.id,
        type: 'new_contract',
        payload: { optionIds: optionRows.map((o) => o.id), fees: preview },
        submittedBy: actor.userId,
        submittedByStaff: actor.impersonation?.staffUserId ?? null,
        idempotencyKey: input.idempotencyKey,
        submittedAt: ctx.now,
      })
      .returning();
    await recordCustomerAction(
      tx,
      actor,
      'contract.apply',
      { type: 'contract', id: contract.id },
      { contractNumber: contract.contractNumber, applicationId: application?.id, options: optionRows.map((o) => o.code) },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: application?.id ?? contract.id, contractId: contract.id, duplicate: false };
  });
}

// ── add an option ────────────────────────────────────────────────────────────────────────────

/** Flow 3: a port or add-on on an existing contract. */
export async function addOption(
  db: Db,
  actor: CustomerActor,
  input: { contractId: string; order: OptionOrder; idempotencyKey: string },
  ctx: Ctx,
): Promise<Outcome<OrderPreview>> {
  if (!writable(actor)) return refusedWrite(actor);
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const contract = await lockContract(tx, { contractId: input.contractId, customerId: actor.customerId });
    if (!contract || contract.status === 'ended') return notFound;
    if (ctx.mode === 'confirm') {
      const done = await findApplication(tx, actor.customerId, input.idempotencyKey);
      if (done) return { ok: true, mode: 'confirm', preview: null, id: done.id, contractId: contract.id, duplicate: true };
    }
    const preview = orderPreview(await pricesInForce(tx, actor.customerId, today), [input.order], false);
    if (contract.endsOn) return refused('contract_ending', preview);
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const verdict = checkChange(toContractState(await activePbbContracts(tx, actor.customerId), held), {
      type: 'add_option',
      option: input.order.option,
    });
    const violations = [...(verdict.ok ? [] : verdict.violations), ...cloudConditionViolations([input.order])];
    if (violations.length) return { ok: false, kind: 'violations', violations, preview };
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };

    const [option] = await tx
      .insert(options)
      .values({
        customerId: actor.customerId,
        contractId: contract.id,
        code: newCode('SH-O'),
        kind: input.order.option.kind,
        attributes: attributesOf(input.order),
        status: 'applied',
      })
      .returning();
    if (!option) throw new Error('option not inserted');
    const [application] = await tx
      .insert(applications)
      .values({
        customerId: actor.customerId,
        closedNetworkId: contract.closedNetworkId,
        contractId: contract.id,
        type: 'add_option',
        payload: { optionIds: [option.id], fees: preview },
        submittedBy: actor.userId,
        submittedByStaff: actor.impersonation?.staffUserId ?? null,
        idempotencyKey: input.idempotencyKey,
        submittedAt: ctx.now,
      })
      .returning();
    await recordCustomerAction(
      tx,
      actor,
      'option.apply',
      { type: 'option', id: option.id },
      { code: option.code, kind: option.kind, attributes: option.attributes, applicationId: application?.id },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: option.id, contractId: contract.id, duplicate: false };
  });
}

// ── change an option ─────────────────────────────────────────────────────────────────────────

export interface ChangePreview {
  type: 'change_speed' | 'change_item';
  from: string;
  to: string;
  monthlyBeforeYen: number;
  monthlyAfterYen: number;
  oneTimeYen: number;
  taxOnOneTimeYen: number;
}

/** What an option may change to, from lib/rules: M2 public port upgrades and PBB expansion items. */
export function changeTargets(option: Pick<OptionRow, 'kind' | 'attributes'>): { type: ChangePreview['type']; targets: string[] } | null {
  const a = option.attributes;
  if (option.kind === 'cloud_port' && a.cloudType === 'M2_PUBLIC' && a.speed) {
    return { type: 'change_speed', targets: m2UpgradeTargets(a.speed) };
  }
  if (option.kind === 'pbb_expansion' && a.speed) {
    return { type: 'change_item', targets: PBB_EXPANSION_ITEMS.filter((s) => s !== a.speed) };
  }
  return null;
}

/** Flow 4: M2 public port upgrade (R-M2-UPGRADE-ONLY) or PBB expansion item change (R-ITEM-CHANGE). */
export async function requestOptionChange(
  db: Db,
  actor: CustomerActor,
  input: { optionId: string; to: string; idempotencyKey: string },
  ctx: Ctx,
): Promise<Outcome<ChangePreview>> {
  if (!writable(actor)) return refusedWrite(actor);
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const target = await findOption(tx, { optionId: input.optionId, customerId: actor.customerId });
    if (!target) return notFound;
    const contract = await lockContract(tx, { contractId: target.contractId, customerId: actor.customerId });
    if (!contract) return notFound;
    if (ctx.mode === 'confirm') {
      const [done] = await tx
        .select()
        .from(changeRequests)
        .where(and(eq(changeRequests.customerId, actor.customerId), eq(changeRequests.idempotencyKey, input.idempotencyKey)));
      if (done) return { ok: true, mode: 'confirm', preview: null, id: done.id, contractId: contract.id, duplicate: true };
    }
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const option = held.find((o) => o.id === target.id);
    const state = toContractState(await activePbbContracts(tx, actor.customerId), held);
    const isItem = target.kind !== 'cloud_port' && target.kind !== 'onprem_port';
    const to: Speed | number = isItem && /^\d+$/.test(input.to) ? Number(input.to) : (input.to as Speed);
    const change = isItem
      ? ({ type: 'change_item', optionId: target.id, to } as const)
      : ({ type: 'change_speed', optionId: target.id, to: to as Speed } as const);
    const verdict = checkChange(state, change);
    if (!verdict.ok) return { ok: false, kind: 'violations', violations: verdict.violations };
    if (!option) return notFound;

    const table = await pricesInForce(tx, actor.customerId, today);
    const attributesAfter: OptionAttributes =
      target.kind === 'napt' || target.kind === 'firewall'
        ? { ...target.attributes, sessions: Number(input.to) }
        : { ...target.attributes, speed: input.to as Speed };
    const before = feeLine(table, target.kind, priceItemKey(target.kind, target.attributes));
    const after = feeLine(table, target.kind, priceItemKey(target.kind, attributesAfter));
    const oneTimeYen = change.type === 'change_item' ? after.oneTimeYen : 0;
    const preview: ChangePreview = {
      type: change.type,
      from: String(target.kind === 'napt' || target.kind === 'firewall' ? target.attributes.sessions : target.attributes.speed),
      to: input.to,
      monthlyBeforeYen: before.monthlyYen,
      monthlyAfterYen: after.monthlyYen,
      oneTimeYen,
      taxOnOneTimeYen: consumptionTaxYen(oneTimeYen),
    };
    const [pending] = await tx
      .select({ id: changeRequests.id })
      .from(changeRequests)
      .where(
        and(
          eq(changeRequests.optionId, target.id),
          eq(changeRequests.customerId, actor.customerId),
          inArray(changeRequests.status, ['submitted', 'accepted']),
        ),
      );
    if (pending) return refused('pending_change', preview);
    if (option.endsOn) return refused('contract_ending', preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };

    const [request] = await tx
      .insert(changeRequests)
      .values({
        customerId: actor.customerId,
        optionId: target.id,
        type: change.type,
        payload: preview,
        submittedBy: actor.userId,
        submittedByStaff: actor.impersonation?.staffUserId ?? null,
        idempotencyKey: input.idempotencyKey,
        submittedAt: ctx.now,
      })
      .returning();
    if (!request) throw new Error('change request not inserted');
    await recordCustomerAction(
      tx,
      actor,
      'option.change',
      { type: 'option', id: target.id },
      { code: target.code, ...preview, changeRequestId: request.id },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: request.id, contractId: contract.id, duplicate: false };
  });
}

// ── cancel ───────────────────────────────────────────────────────────────────────────────────

export interface EndingOption {
  optionId: string;
  code: string;
  kind: string;
  attributes: OptionAttributes;
  billingStartDate: string | null;
  minimumTermLastDay: string | null;
  monthlyFeeYen: number;
  /** R-ETF with its arithmetic; null when the option has no minimum period or has not started billing. */
  earlyTermination: EarlyTerminationBreakdown | null;
}

export interface CancellationPreview {
  /** The date the notice reaches the company (today in Japan). */
  noticeDate: string;
  /** Arrival + 30 days: the earliest effective date. */
  earliestDate: string;
  requestedDate: string | null;
  effectiveDate: string;
  latestRequestableDate: string;
  ending: EndingOption[];
  totalEarlyTerminationYen: number;
  taxOnEarlyTerminationYen: number;
}

function endingOption(row: OptionRow, table: Map<string, PriceRow>, effectiveDate: string): EndingOption {
  const monthlyFeeYen = priceFor(table, row.kind, priceItemKey(row.kind, row.attributes))?.monthlyYen ?? 0;
  const start = row.billingStartDate;
  const lastDay = start ? minimumTermLastDay(row.kind, start) : null;
  const earlyTermination =
    start && lastDay
      ? earlyTerminationFeeBreakdown({ kind: row.kind, monthlyFeeYen, billingStartDate: start, terminationDate: effectiveDate })
      : null;
  return {
    optionId: row.id,
    code: row.code,
    kind: row.kind,
    attributes: row.attributes,
    billingStartDate: start,
    minimumTermLastDay: lastDay,
    monthlyFeeYen,
    earlyTermination,
  };
}

function cancellationDates(now: Date, requestedDate: string | undefined) {
  return {
    noticeDate: noticeArrivalDate(now),
    earliestDate: thirtyDaysAfterArrival(now),
    requestedDate: requestedDate ?? null,
    effectiveDate: cancellationEffectiveDate(now, requestedDate),
    latestRequestableDate: latestRequestableDate(now),
  };
}

function withTotals(dates: ReturnType<typeof cancellationDates>, ending: EndingOption[]): CancellationPreview {
  const total = ending.reduce((sum, e) => sum + (e.earlyTermination?.totalYen ?? 0), 0);
  return { ...dates, ending, totalEarlyTerminationYen: total, taxOnEarlyTerminationYen: consumptionTaxYen(total) };
}

function requestedDateRefusal(dates: ReturnType<typeof cancellationDates>): Refusal | null {
  if (!dates.requestedDate) return null;
  if (dates.requestedDate < dates.noticeDate) return 'date_in_past';
  if (dates.requestedDate > dates.latestRequestableDate) return 'date_too_far';
  return null;
}

/** Flow 5: cancel one option. */
export async function cancelOption(
  db: Db,
  actor: CustomerActor,
  input: { optionId: string; requestedDate?: string; idempotencyKey: string },
  ctx: Ctx,
): Promise<Outcome<CancellationPreview>> {
  if (!writable(actor)) return refusedWrite(actor);
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const target = await findOption(tx, { optionId: input.optionId, customerId: actor.customerId });
    if (!target) return notFound;
    const contract = await lockContract(tx, { contractId: target.contractId, customerId: actor.customerId });
    if (!contract) return notFound;
    if (ctx.mode === 'confirm') {
      const done = await findNotice(tx, actor.customerId, input.idempotencyKey);
      if (done) return { ok: true, mode: 'confirm', preview: null, id: done.id, contractId: done.contractId, duplicate: true };
    }
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const option = held.find((o) => o.id === target.id);
    const dates = cancellationDates(ctx.now, input.requestedDate);
    const table = await pricesInForce(tx, actor.customerId, today);
    const preview = withTotals(dates, option ? [endingOption(option, table, dates.effectiveDate)] : []);
    const dateProblem = requestedDateRefusal(dates);
    if (dateProblem) return refused(dateProblem, preview);
    const verdict = checkChange(toContractState(await activePbbContracts(tx, actor.customerId), held), {
      type: 'cancel_option',
      optionId: target.id,
      effectiveDate: dates.effectiveDate,
    });
    if (!verdict.ok) return { ok: false, kind: 'violations', violations: verdict.violations, preview };
    if (!option) return notFound;
    if (option.status === 'applied') return refused('withdraw_instead', preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };

    const notice = await insertNotice(
      tx,
      actor,
      { contractId: contract.id, optionId: option.id, preview, idempotencyKey: input.idempotencyKey },
      ctx.now,
    );
    await tx
      .update(options)
      .set({ endsOn: dates.effectiveDate })
      .where(and(eq(options.id, option.id), eq(options.customerId, actor.customerId)));
    await recordCustomerAction(
      tx,
      actor,
      'option.cancel',
      { type: 'option', id: option.id },
      { code: option.code, noticeId: notice.id, ...dates, earlyTerminationYen: preview.totalEarlyTerminationYen },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: notice.id, contractId: contract.id, duplicate: false };
  });
}

/** Flow 5: cancel the whole contract; every option ends on the contract's effective date. */
export async function cancelContract(
  db: Db,
  actor: CustomerActor,
  input: { contractId: string; requestedDate?: string; idempotencyKey: string },
  ctx: Ctx,
): Promise<Outcome<CancellationPreview>> {
  if (!writable(actor)) return refusedWrite(actor);
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const contract = await lockContract(tx, { contractId: input.contractId, customerId: actor.customerId });
    if (!contract || contract.status === 'ended') return notFound;
    if (ctx.mode === 'confirm') {
      const done = await findNotice(tx, actor.customerId, input.idempotencyKey);
      if (done) return { ok: true, mode: 'confirm', preview: null, id: done.id, contractId: done.contractId, duplicate: true };
    }
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const dates = cancellationDates(ctx.now, input.requestedDate);
    const table = await pricesInForce(tx, actor.customerId, today);
    // Options already ending earlier keep their own last day.
    const ending = held.map((o) =>
      endingOption(o, table, o.endsOn && o.endsOn < dates.effectiveDate ? o.endsOn : dates.effectiveDate),
    );
    const preview = withTotals(dates, ending);
    const dateProblem = requestedDateRefusal(dates);
    if (dateProblem) return refused(dateProblem, preview);
    const violations: RuleViolation[] = [];
    if (contract.endsOn) {
      violations.push({ rule: 'R-ALREADY-ENDING', message: `the contract already ends on ${contract.endsOn}` });
    } else {
      const verdict = checkChange(toContractState(await activePbbContracts(tx, actor.customerId), held), {
        type: 'cancel_contract',
        effectiveDate: dates.effectiveDate,
      });
      if (!verdict.ok) violations.push(...verdict.violations);
    }
    if (violations.length) return { ok: false, kind: 'violations', violations, preview };
    if (contract.status === 'applied') return refused('withdraw_instead', preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };

    const notice = await insertNotice(
      tx,
      actor,
      { contractId: contract.id, optionId: null, preview, idempotencyKey: input.idempotencyKey },
      ctx.now,
    );
    await tx
      .update(smarthubContracts)
      .set({ endsOn: dates.effectiveDate })
      .where(and(eq(smarthubContracts.id, contract.id), eq(smarthubContracts.customerId, actor.customerId)));
    // Every option held ends with the contract, but one already ending earlier keeps its own day.
    const endingWithContract = held.filter((o) => !(o.endsOn && o.endsOn < dates.effectiveDate)).map((o) => o.id);
    if (endingWithContract.length) {
      await tx
        .update(options)
        .set({ endsOn: dates.effectiveDate })
        .where(and(inArray(options.id, endingWithContract), eq(options.customerId, actor.customerId)));
    }
    await recordCustomerAction(
      tx,
      actor,
      'contract.cancel',
      { type: 'contract', id: contract.id },
      {
        contractNumber: contract.contractNumber,
        noticeId: notice.id,
        ...dates,
        earlyTerminationYen: preview.totalEarlyTerminationYen,
      },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: notice.id, contractId: contract.id, duplicate: false };
  });
}

/** The notice as it reached the company: its instant, dates, and what the customer confirmed. */
async function insertNotice(
  tx: DbOrTx,
  actor: CustomerActor,
  input: { contractId: string; optionId: string | null; preview: CancellationPreview; idempotencyKey: string },
  receivedAt: Date,
) {
  const [notice] = await tx
    .insert(cancellationNotices)
    .values({
      customerId: actor.customerId,
      contractId: input.contractId,
      optionId: input.optionId,
      receivedAt,
      requestedDate: input.preview.requestedDate,
      effectiveDate: input.preview.effectiveDate,
      submittedBy: actor.userId,
      submittedByStaff: actor.impersonation?.staffUserId ?? null,
      idempotencyKey: input.idempotencyKey,
      summary: input.preview,
    })
    .returning();
  if (!notice) throw new Error('notice not inserted');
  return notice;
}

/** An application already made with this idempotency key (a double submit), or null. */
async function findApplication(tx: DbOrTx, customerId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.customerId, customerId), eq(applications.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

async function findNotice(tx: DbOrTx, customerId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(cancellationNotices)
    .where(and(eq(cancellationNotices.customerId, customerId), eq(cancellationNotices.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

// ── withdraw ─────────────────────────────────────────────────────────────────────────────────

/** Flow 6: withdraw an application or change request before it is accepted. */
export async function withdrawApplication(
  db: Db,
  actor: CustomerActor,
  input: { kind: 'application' | 'change'; id: string },
  ctx: Ctx,
): Promise<Outcome<null>> {
  if (!writable(actor)) return refusedWrite(actor);
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    if (input.kind === 'change') {
      const [request] = await tx
        .select()
        .from(changeRequests)
        .where(and(eq(changeRequests.id, input.id), eq(changeRequests.customerId, actor.customerId)));
      if (!request) return notFound;
      const option = await findOption(tx, { optionId: request.optionId, customerId: actor.customerId });
      if (!option || !(await lockContract(tx, { contractId: option.contractId, customerId: actor.customerId }))) return notFound;
      const [fresh] = await tx.select().from(changeRequests).where(eq(changeRequests.id, request.id));
      if (fresh?.status !== 'submitted') return refused('not_withdrawable');
      if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };
      await tx
        .update(changeRequests)
        .set({ status: 'withdrawn', decidedAt: ctx.now })
        .where(and(eq(changeRequests.id, request.id), eq(changeRequests.customerId, actor.customerId)));
      await recordCustomerAction(tx, actor, 'change.withdraw', { type: 'option', id: option.id }, { code: option.code, changeRequestId: request.id }, ctx.now);
      return { ok: true, mode: 'confirm', preview: null, id: request.id, contractId: option.contractId, duplicate: false };
    }

    const [application] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.id, input.id), eq(applications.customerId, actor.customerId)));
    if (!application?.contractId) return notFound;
    const contract = await lockContract(tx, { contractId: application.contractId, customerId: actor.customerId });
    if (!contract) return notFound;
    const [fresh] = await tx.select().from(applications).where(eq(applications.id, application.id));
    if (fresh?.status !== 'submitted') return refused('not_withdrawable');
    const optionIds = ((application.payload as { optionIds?: string[] }).optionIds ?? []).filter(Boolean);
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });

    if (application.type === 'add_option') {
      // Withdrawing a pending option is checked like its cancellation today (rules.md §2).
      const state = toContractState(await activePbbContracts(tx, actor.customerId), held);
      const violations = optionIds.flatMap((optionId) => {
        const verdict = checkChange(state, { type: 'cancel_option', optionId, effectiveDate: today });
        return verdict.ok ? [] : verdict.violations.filter((v) => v.rule !== 'R-ALREADY-ENDING');
      });
      if (violations.length) return { ok: false, kind: 'violations', violations };
    }
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };

    if (application.type === 'new_contract') {
      await closeAppliedContract(tx, { contractId: contract.id, customerId: actor.customerId }, { status: 'withdrawn', decidedAt: ctx.now });
    } else {
      await tx
        .update(applications)
        .set({ status: 'withdrawn', decidedAt: ctx.now })
        .where(and(eq(applications.id, application.id), eq(applications.customerId, actor.customerId)));
      if (optionIds.length) {
        await tx
          .update(options)
          .set({ status: 'ended' })
          .where(and(inArray(options.id, optionIds), eq(options.customerId, actor.customerId), eq(options.status, 'applied')));
      }
    }
    await recordCustomerAction(
      tx,
      actor,
      application.type === 'new_contract' ? 'contract.withdraw' : 'option.withdraw',
      { type: application.type === 'new_contract' ? 'contract' : 'option', id: application.type === 'new_contract' ? contract.id : (optionIds[0] ?? '') },
      { applicationId: application.id, contractNumber: contract.contractNumber },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview: null, id: application.id, contractId: contract.id, duplicate: false };
  });
}

/** Flow 6: withdraw a cancellation notice before its effective date. */
export async function withdrawCancellation(
  db: Db,
  actor: CustomerActor,
  input: { noticeId: string },
  ctx: Ctx,
): Promise<Outcome<null>> {
  if (!writable(actor)) return refusedWrite(actor);
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const [notice] = await tx
      .select()
      .from(cancellationNotices)
      .where(and(eq(cancellationNotices.id, input.noticeId), eq(cancellationNotices.customerId, actor.customerId)));
    if (!notice) return notFound;
    const contract = await lockContract(tx, { contractId: notice.contractId, customerId: actor.customerId });
    if (!contract) return notFound;
    const [fresh] = await tx.select().from(cancellationNotices).where(eq(cancellationNotices.id, notice.id));
    // Before its effective date: the effective date is the last day of service, so up to the day before.
    if (fresh?.status !== 'pending' || today >= notice.effectiveDate) return refused('not_withdrawable');
    // Once the last designated-service contract has ended, the Smart HUB contract ends with it
    // (R-PBB-ENDS): withdrawing the notice cannot keep it running.
    if ((await activePbbContracts(tx, actor.customerId)) === 0) return refused('not_withdrawable');
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };

    await tx
      .update(cancellationNotices)
      .set({ status: 'withdrawn', withdrawnAt: ctx.now })
      .where(and(eq(cancellationNotices.id, notice.id), eq(cancellationNotices.customerId, actor.customerId)));
    const pendingOwn = await tx
      .select()
      .from(cancellationNotices)
      .where(
        and(
          eq(cancellationNotices.contractId, contract.id),
          eq(cancellationNotices.customerId, actor.customerId),
          eq(cancellationNotices.status, 'pending'),
        ),
      );
    const contractNotice = pendingOwn.find((n) => n.optionId === null);
    const ownEnd = new Map(pendingOwn.flatMap((n) => (n.optionId ? [[n.optionId, n.effectiveDate] as const] : [])));
    if (notice.optionId === null) {
      await tx
        .update(smarthubContracts)
        .set({ endsOn: null })
        .where(and(eq(smarthubContracts.id, contract.id), eq(smarthubContracts.customerId, actor.customerId)));
    }
    // Each option's last day is again the earliest of its own pending notice and the contract's.
    const affected = await tx
      .select()
      .from(options)
      .where(
        and(
          eq(options.contractId, contract.id),
          eq(options.customerId, actor.customerId),
          ne(options.status, 'ended'),
          notice.optionId ? eq(options.id, notice.optionId) : eq(options.endsOn, notice.effectiveDate),
        ),
      );
    for (const option of affected) {
      const candidates = [ownEnd.get(option.id), contractNotice?.effectiveDate].filter((d): d is string => Boolean(d));
      const endsOn = candidates.length ? candidates.sort()[0]! : null;
      await tx
        .update(options)
        .set({ endsOn })
        .where(and(eq(options.id, option.id), eq(options.customerId, actor.customerId)));
    }
    await recordCustomerAction(
      tx,
      actor,
      'cancellation.withdraw',
      { type: notice.optionId ? 'option' : 'contract', id: notice.optionId ?? contract.id },
      { noticeId: notice.id, effectiveDate: notice.effectiveDate },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview: null, id: notice.id, contractId: contract.id, duplicate: false };
  });
}

// ── cloud information ────────────────────────────────────────────────────────────────────────

/** Flow 7: the disclosed cloud information of a cloud port (Art. 4.3(3)); each edit recorded. */
export async function updateCloudInfo(
  db: Db,
  actor: CustomerActor,
  input: { optionId: string; cloudAccountId: string; cloudConnectionKey: string },
  ctx: Ctx,
): Promise<Outcome<null>> {
  if (!writable(actor)) return refusedWrite(actor);
  return db.transaction(async (tx) => {
    const option = await findOption(tx, { optionId: input.optionId, customerId: actor.customerId });
    if (!option || option.status === 'ended') return notFound;
    if (!(await lockContract(tx, { contractId: option.contractId, customerId: actor.customerId }))) return notFound;
    if (option.kind !== 'cloud_port') return refused('not_cloud_port');
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };
    const before = { cloudAccountId: option.attributes.cloudAccountId, cloudConnectionKey: option.attributes.cloudConnectionKey };
    const after = { cloudAccountId: input.cloudAccountId, cloudConnectionKey: input.cloudConnectionKey };
    await tx
      .update(options)
      .set({ attributes: { ...option.attributes, ...after } })
      .where(and(eq(options.id, option.id), eq(options.customerId, actor.customerId)));
    await recordCustomerAction(tx, actor, 'option.cloud_info', { type: 'option', id: option.id }, { code: option.code, before, after }, ctx.now);
    return { ok: true, mode: 'confirm', preview: null, id: option.id, contractId: option.contractId, duplicate: false };
  });
}

