import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { OptionAttributes } from '@/db/schema';
import { prices } from '@/db/schema';

export type PriceRow = typeof prices.$inferSelect;

/** The price-list item key of an option: what its fee depends on. */
export function priceItemKey(kind: string, attributes: OptionAttributes): string {
  switch (kind) {
    case 'onprem_port':
      return `${attributes.line ?? ''}:${attributes.speed ?? ''}`;
    case 'cloud_port':
      return `${attributes.cloudType ?? ''}:${attributes.speed ?? ''}`;
    case 'napt':
    case 'firewall':
      return String(attributes.sessions ?? '');
    case 'pbb_expansion':
      return attributes.speed ?? '';
    default:
      return '';
  }
}

/**
 * The prices that apply to one customer on one date: per (kind, item), the customer's own
 * price if one applies, otherwise the list price; in each, the row with the latest appliesFrom.
 */
export async function pricesInForce(db: DbOrTx, customerId: string, on: string): Promise<Map<string, PriceRow>> {
  const rows = await prepared(db, 'prices_in_force', (d, name) =>
    d
      .select()
      .from(prices)
      .where(and(lte(prices.appliesFrom, sql.placeholder('on')), or(isNull(prices.customerId), eq(prices.customerId, sql.placeholder('customerId')))))
      .orderBy(asc(prices.appliesFrom), asc(prices.createdAt))
      .prepare(name),
  ).execute({ on, customerId });
  const list = new Map<string, PriceRow>();
  const own = new Map<string, PriceRow>();
  for (const row of rows) (row.customerId ? own : list).set(`${row.kind}|${row.item}`, row);
  for (const [key, row] of own) list.set(key, row);
  return list;
}

export function priceFor(table: Map<string, PriceRow>, kind: string, item: string): PriceRow | undefined {
  return table.get(`${kind}|${item}`);
}
