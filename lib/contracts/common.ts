// What every customer flow shares: who may write, the transaction around each service, the
// quote from the price list, and the portal's own checks on what a customer orders.
import crypto from 'node:crypto';
import type { Db, DbOrTx } from '@/db/client';
import type { OptionAttributes } from '@/db/schema';
import type { CustomerActor } from '@/lib/auth/access';
import { priceFor, priceItemKey, type PriceRow } from '@/lib/billing/prices';
import { inTransaction, type Handler } from '@/lib/contract/transaction';
import type { RuleViolation } from '@/lib/result';
import { missingCloudConditions, quoteOrder, type ItemPrice, type QuoteItem } from '@/lib/rules';
import type { Ctx, OptionOrder, OrderPreview, Outcome } from './types';

/** Why a write is refused to this actor: a viewer, or support without the customer's grant. */
export function refusedWrite(actor: CustomerActor) {
  return { ok: false as const, kind: 'refused' as const, reason: actor.impersonation ? 'support_view_only' : 'read_only' };
}

/**
 * A customer service `(db, actor, input, ctx)`: refused at once to an actor who may not write,
 * otherwise `handler` in one transaction (load under lock → state → lib/rules → write + audit).
 */
export function customerService<I, P>(handler: Handler<CustomerActor, I, Ctx, Outcome<P>>) {
  const run = inTransaction(handler);
  return (db: Db, actor: CustomerActor, input: I, ctx: Ctx): Promise<Outcome<P>> =>
    actor.canWrite ? run(db, actor, input, ctx) : Promise.resolve(refusedWrite(actor));
}

/** The answer to a confirm that found the row its idempotency key already made (a double submit). */
export function duplicate(id: string, contractId: string) {
  return { ok: true as const, mode: 'confirm' as const, preview: null, id, contractId, duplicate: true };
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

/** Who submitted a request: the customer user, and the support member when acting for them. */
export function submitter(actor: CustomerActor) {
  return { submittedBy: actor.userId, submittedByStaff: actor.impersonation?.staffUserId ?? null };
}

export type { DbOrTx };
