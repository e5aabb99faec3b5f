// What every customer flow shares: who may write, the transaction around each service, the
// quote from the price list, and the portal's own checks on what a customer orders.
import crypto from 'node:crypto';
import type { Db, DbOrTx } from '@/db/client';
import { options, type OptionAttributes } from '@/db/schema';
import type { CustomerActor } from '@/lib/auth/access';
import { priceFor, priceItemKey, type PriceRow } from '@/lib/billing/prices';
import type { OptionRow } from '@/lib/contract/rows';
import { isKeyConflict, keyMatches, requestHash, type KeyedRow } from '@/lib/contract/idempotency';
import { inTransaction, type Handler } from '@/lib/contract/transaction';
import type { PortInterruption } from '@/lib/contract/types';
import { refused, type RuleViolation } from '@/lib/result';
import {
  missingCloudConditions,
  naptInterruptions,
  quoteOrder,
  type Change,
  type ContractState,
  type ItemPrice,
  type QuoteItem,
} from '@/lib/rules';
import type { Ctx, FlowName, OptionOrder, OrderPreview, Outcome } from './types';

/** Why a write is refused to this actor: a viewer, or support without the customer's grant. */
export function refusedWrite(actor: CustomerActor) {
  return { ok: false as const, kind: 'refused' as const, reason: actor.impersonation ? 'support_view_only' : 'read_only' };
}

/**
 * A customer service `(db, actor, input, ctx)`: refused at once to an actor who may not write
 * (`may`: contract changes by default; SLA claims pass mayClaimCredits, which lets the billing role in),
 * otherwise `handler` in one transaction (load under lock → state → lib/rules → write + audit).
 * A review (the preview before a confirm) only reads and returns before any write, so it runs
 * without one: under READ COMMITTED a transaction would add BEGIN and COMMIT round trips and no
 * consistency (each statement sees its own snapshot either way); the confirm judges again.
 */
export function customerService<I, P>(
  handler: Handler<CustomerActor, I, Ctx, Outcome<P>>,
  may: (actor: CustomerActor) => boolean = (actor) => actor.canWrite,
) {
  const run = inTransaction(handler);
  return (db: Db, actor: CustomerActor, input: I, ctx: Ctx): Promise<Outcome<P>> =>
    !may(actor) ? Promise.resolve(refusedWrite(actor)) : ctx.mode === 'review' ? handler(db, actor, input, ctx) : run(db, actor, input, ctx);
}

/** The answer to a confirm that found the row its idempotency key already made (a double submit). */
export function duplicate(id: string, contractId: string) {
  return { ok: true as const, mode: 'confirm' as const, preview: null, id, contractId, duplicate: true };
}

/** What a keyed flow's confirm carries beside its inputs. */
export interface Keyed {
  /** Issued by the review: a double submit lands once. */
  idempotencyKey: string;
  /** The digest of the amounts the review showed (lib/contract/amounts.ts); absent: not compared. */
  amountsShown?: string;
}

/** The request hash kept beside the key: the flow and its parsed inputs, without the key and the review's digest. */
export function requestHashOf<T extends Keyed>(flow: FlowName, input: T): string {
  const inputs: Partial<Keyed> = { ...input };
  delete inputs.idempotencyKey;
  delete inputs.amountsShown;
  return requestHash(flow, inputs);
}

/**
 * The answer to a confirm whose key already made a row: that row again when the inputs are the
 * same (or the row predates the hash), otherwise 'idempotency_mismatch' (HTTP 422 for an API).
 */
export function answerKey(row: KeyedRow, hash: string) {
  return keyMatches(row, hash) ? duplicate(row.id, row.contractId) : refused('idempotency_mismatch');
}

/**
 * A customer service whose confirm writes a row keyed by the idempotency key. A confirm that
 * loses the race to the unique index (another confirm with the key committed first) has had its
 * whole transaction rolled back; it then reads the winner's row outside it and answers as a
 * double submit would, instead of "failed".
 */
export function keyedService<I extends Keyed, P>(
  flow: FlowName,
  find: (db: DbOrTx, customerId: string, idempotencyKey: string) => Promise<KeyedRow | null>,
  handler: Handler<CustomerActor, I, Ctx, Outcome<P>>,
) {
  const service = customerService(handler);
  return async (db: Db, actor: CustomerActor, input: I, ctx: Ctx): Promise<Outcome<P>> => {
    try {
      return await service(db, actor, input, ctx);
    } catch (error) {
      if (ctx.mode !== 'confirm' || !isKeyConflict(error)) throw error;
      const row = await find(db, actor.customerId, input.idempotencyKey);
      if (!row) throw error;
      return answerKey(row, requestHashOf(flow, input));
    }
  };
}

export function newCode(prefix: string): string {
  return `${prefix}-${crypto.randomInt(0, 36 ** 6).toString(36).toUpperCase().padStart(6, '0')}`;
}

export function attributesOf(order: OptionOrder): OptionAttributes {
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

/** The price-list amounts of one item, or null when the list has none. */
export function itemPrice(table: Map<string, PriceRow>, kind: string, attributes: OptionAttributes): ItemPrice | null {
  const row = priceFor(table, kind, priceItemKey(kind, attributes));
  return row ? { initialYen: row.initialYen, monthlyYen: row.monthlyYen, oneTimeYen: row.oneTimeYen } : null;
}

/** The quote of what is ordered (lib/rules quoteOrder), the basic fee first for a new contract. */
export function orderQuote(table: Map<string, PriceRow>, orders: OptionOrder[], withBasic: boolean): OrderPreview {
  const items: QuoteItem[] = [
    ...(withBasic ? [{ kind: 'basic', item: '', price: itemPrice(table, 'basic', {}) }] : []),
    ...orders.map((o) => {
      const attributes = attributesOf(o);
      return { kind: o.option.kind, item: priceItemKey(o.option.kind, attributes), price: itemPrice(table, o.option.kind, attributes) };
    }),
  ];
  return quoteOrder(items);
}

/** R-CLOUD-CONDITIONS (Art. 4.3): four confirmations and the cloud information for each cloud port. */
export function cloudConditionViolations(orders: OptionOrder[]): RuleViolation[] {
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

/**
 * The running ports a change interrupts (lib/rules naptInterruptions), each with the port's code
 * as the customer and the operator see it. `rows`: the contract's options the state was built of.
 */
export function portInterruptions(state: ContractState, change: Change, rows: Pick<OptionRow, 'id' | 'code'>[]): PortInterruption[] {
  const codes = new Map(rows.map((r) => [r.id, r.code] as const));
  return naptInterruptions(state, change).map((i) => ({
    portId: i.portId,
    portCode: codes.get(i.portId) ?? '',
    speed: i.speed,
    sessionsBefore: i.sessionsBefore,
    sessionsAfter: i.sessionsAfter,
  }));
}

/** The change an application's orders ask for on an existing contract: one option, or several judged as one. */
export function addChange(orders: OptionOrder[]): Change {
  return orders.length === 1 && orders[0]
    ? { type: 'add_option', option: orders[0].option }
    : { type: 'add_options', options: orders.map((o) => o.option) };
}

/** An order with the id its option row will have and, for a NAPT add-on, the id of its port. */
export interface PlacedOrder {
  id: string;
  order: OptionOrder;
  portId: string | null;
}

/**
 * The orders in the order they are written: ports (and every other option) first, then the NAPT
 * add-ons, each NAPT's `portId` resolved from the ref of a port in the same application to that
 * port's new id (an id of an existing option stays as it is).
 */
export function placeOrders(orders: OptionOrder[]): PlacedOrder[] {
  const withIds = orders.map((order) => ({ id: crypto.randomUUID(), order }));
  const byRef = new Map(withIds.flatMap((o) => (o.order.option.ref ? [[o.order.option.ref, o.id] as const] : [])));
  const place = (o: { id: string; order: OptionOrder }): PlacedOrder => {
    const named = o.order.option.kind === 'napt' ? o.order.option.portId : undefined;
    return { ...o, portId: named ? (byRef.get(named) ?? named) : null };
  };
  return [...withIds.filter((o) => o.order.option.kind !== 'napt'), ...withIds.filter((o) => o.order.option.kind === 'napt')].map(place);
}

/** Writes the option rows of an application, applied for: ports first, then the NAPT add-ons on them. */
export async function insertOrderedOptions(
  tx: DbOrTx,
  params: { customerId: string; contractId: string; placed: PlacedOrder[] },
): Promise<OptionRow[]> {
  const values = (list: PlacedOrder[]) =>
    list.map((p) => ({
      id: p.id,
      customerId: params.customerId,
      contractId: params.contractId,
      code: newCode('SH-O'),
      kind: p.order.option.kind,
      portId: p.portId,
      attributes: attributesOf(p.order),
      status: 'applied' as const,
    }));
  const first = params.placed.filter((p) => p.order.option.kind !== 'napt');
  const napt = params.placed.filter((p) => p.order.option.kind === 'napt');
  const rows = first.length ? await tx.insert(options).values(values(first)).returning() : [];
  const naptRows = napt.length ? await tx.insert(options).values(values(napt)).returning() : [];
  const byId = new Map([...rows, ...naptRows].map((r) => [r.id, r] as const));
  return params.placed.flatMap((p) => byId.get(p.id) ?? []);
}

/** Who submitted a request: the customer user, and the support member when acting for them. */
export function submitter(actor: CustomerActor) {
  return { submittedBy: actor.userId, submittedByStaff: actor.impersonation?.staffUserId ?? null };
}

export type { DbOrTx };
