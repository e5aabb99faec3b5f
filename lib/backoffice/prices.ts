// The price list (R-FEES, App. 2): rows are added, never edited; a row with a later
// appliesFrom supersedes, so the history stays. Per-customer rows override the list price.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, prices } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import type { Actor } from '@/lib/auth/access';
import { priceItemKey } from '@/lib/billing/prices';
import {
  CLOUD_TYPES,
  FIREWALL_SESSIONS,
  NAPT_SESSIONS,
  ONPREM_SPEEDS,
  PBB_EXPANSION_ITEMS,
  PREMISES_LINES,
  cloudPortSpeeds,
  japanDate,
} from '@/lib/rules';
import { isOperator, refused, type OpCtx, type OpOutcome } from './outcome';

export const PRICE_KINDS = ['basic', 'onprem_port', 'cloud_port', 'napt', 'firewall', 'pbb_expansion', 'static_nat'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

/** Every (kind, item) the price list can hold: the catalog of lib/rules, keyed as lib/billing/prices keys it. */
export function priceItems(): { kind: PriceKind; items: string[] }[] {
  return [
    { kind: 'basic', items: [''] },
    {
      kind: 'onprem_port',
      items: PREMISES_LINES.flatMap((line) => ONPREM_SPEEDS.map((speed) => priceItemKey('onprem_port', { line, speed }))),
    },
    {
      kind: 'cloud_port',
      items: CLOUD_TYPES.flatMap((cloudType) => cloudPortSpeeds(cloudType).map((speed) => priceItemKey('cloud_port', { cloudType, speed }))),
    },
    { kind: 'napt', items: NAPT_SESSIONS.map((sessions) => priceItemKey('napt', { sessions })) },
    { kind: 'firewall', items: FIREWALL_SESSIONS.map((sessions) => priceItemKey('firewall', { sessions })) },
    { kind: 'pbb_expansion', items: PBB_EXPANSION_ITEMS.map((speed) => priceItemKey('pbb_expansion', { speed })) },
    { kind: 'static_nat', items: [''] },
  ];
}

export function isPriceItem(kind: string, item: string): boolean {
  return priceItems().some((group) => group.kind === kind && group.items.includes(item));
}

const isYen = (value: number) => Number.isSafeInteger(value) && value >= 0;

export interface NewPrice {
  kind: string;
  item: string;
  /** A per-customer price when set; the list price otherwise. */
  customerCode?: string;
  initialYen: number;
  monthlyYen: number;
  oneTimeYen: number;
  appliesFrom: string;
}

/**
 * Adds one price row. It applies from today or later (what customers were shown stays true);
 * the same row sent twice is recorded once.
 */
export async function addPrice(db: Db, actor: Actor, input: NewPrice, ctx: OpCtx): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  if (!isPriceItem(input.kind, input.item)) return refused('unknown_price_item');
  if (![input.initialYen, input.monthlyYen, input.oneTimeYen].every(isYen)) return refused('invalid_amount');
  if (input.appliesFrom < japanDate(ctx.now)) return refused('applies_from_past');
  return db.transaction(async (tx) => {
    let customerId: string | null = null;
    if (input.customerCode) {
      const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.code, input.customerCode));
      if (!customer) return refused('unknown_customer');
      customerId = customer.id;
    }
    const values = {
      kind: input.kind,
      item: input.item,
      customerId,
      initialYen: input.initialYen,
      monthlyYen: input.monthlyYen,
      oneTimeYen: input.oneTimeYen,
      appliesFrom: input.appliesFrom,
    };
    const [same] = await tx
      .select({ id: prices.id })
      .from(prices)
      .where(
        and(
          eq(prices.kind, values.kind),
          eq(prices.item, values.item),
          customerId ? eq(prices.customerId, customerId) : isNull(prices.customerId),
          eq(prices.initialYen, values.initialYen),
          eq(prices.monthlyYen, values.monthlyYen),
          eq(prices.oneTimeYen, values.oneTimeYen),
          eq(prices.appliesFrom, values.appliesFrom),
        ),
      );
    if (same) return refused('duplicate_price');
    const [row] = await tx
      .insert(prices)
      .values({ ...values, createdBy: actor.userId })
      .returning();
    if (!row) throw new Error('price not inserted');
    await recordStaffAction(
      tx,
      actor,
      'price.add',
      { type: 'price', id: row.id, customerId },
      { ...values, customerCode: input.customerCode ?? null },
      ctx.now,
    );
    return { ok: true, id: row.id };
  });
}
