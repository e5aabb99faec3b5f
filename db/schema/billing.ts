import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

/**
 * Fees owed outside the monthly fee (R-FEES, R-ETF): the initial fee when an application is
 * accepted, the one-time fee when a change is accepted, the early termination charge when an
 * option ends early. One row per source and kind (the source id names the option where one source owes
 * several), so recording twice records once.
 */
export const charges = pgTable(
  'charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contractId: uuid('contract_id'),
    optionId: uuid('option_id'),
    kind: text('kind', { enum: ['initial', 'one_time', 'early_termination'] }).notNull(),
    amountYen: integer('amount_yen').notNull(),
    owedOn: date('owed_on', { mode: 'string' }).notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('charges_customer_idx').on(t.customerId, t.owedOn),
    uniqueIndex('charges_source_idx').on(t.sourceType, t.sourceId, t.kind),
  ],
);

/**
 * Issued statements: a closed month frozen as it was computed when an operator issued it, with the
 * records it was computed from, so a later price correction cannot silently change what the
 * customer was billed. Rows are never edited or removed (the database refuses UPDATE and DELETE). The JSON shapes are lib/billing's (Statement and its
 * records); the database layer knows only that they are objects.
 */
export const statementSnapshots = pgTable(
  'statement_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    statement: jsonb('statement').$type<object>().notNull(),
    inputs: jsonb('inputs').$type<object>().notNull(),
    totalYen: integer('total_yen').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by').notNull(),
  },
  (t) => [uniqueIndex('statement_snapshots_month_idx').on(t.customerId, t.month)],
);
