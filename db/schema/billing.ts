import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';

/**
 * Price list (R-FEES, App. 2): list prices per option kind and item, and per-customer
 * overrides (customerId set), each applying from a date. Rows are never edited; a new row
 * with a later appliesFrom supersedes, so history is kept.
 * kind is an option kind or 'basic' (the Smart HUB basic monthly fee); item is '' where none.
 */
export const prices = pgTable(
  'prices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    item: text('item').notNull().default(''),
    customerId: uuid('customer_id').references(() => customers.id),
    initialYen: integer('initial_yen').notNull().default(0),
    monthlyYen: integer('monthly_yen').notNull().default(0),
    oneTimeYen: integer('one_time_yen').notNull().default(0),
    appliesFrom: date('applies_from', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('prices_lookup_idx').on(t.kind, t.item, t.appliesFrom)],
);
