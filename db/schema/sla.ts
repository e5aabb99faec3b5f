import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { smarthubContracts } from './contracts';
import { customers } from './customers';
import { claimStatus } from './enums';

/** Outages of a Smart HUB contract (App. 1), recorded by operators. */
export const outages = pgTable(
  'outages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => smarthubContracts.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    /** R-SLA-EXCLUSIONS: why no reduction applies; the customer sees it. */
    exclusionReason: text('exclusion_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outages_customer_idx').on(t.customerId)],
);

/**
 * SLA credit claims (Art. 9): one per outage and per kind of reduction — its availability band
 * (R-SLA-AVAIL) and a missed notification deadline (R-SLA-NOTIFY) — with the amount shown when
 * claimed; on approval, the billing month it reduces.
 */
export const creditClaims = pgTable(
  'credit_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => smarthubContracts.id),
    outageId: uuid('outage_id')
      .notNull()
      .references(() => outages.id),
    kind: text('kind', { enum: ['availability', 'notification'] }).notNull().default('availability'),
    status: claimStatus('status').notNull().default('submitted'),
    amountYen: integer('amount_yen').notNull(),
    /** The customer's own words with the claim (optional). */
    comment: text('comment'),
    /** YYYY-MM: the billing month an approved claim reduces (R-SLA-CAP applies per month). */
    billingMonth: text('billing_month'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    claimedBy: uuid('claimed_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('credit_claims_customer_idx').on(t.customerId), uniqueIndex('credit_claims_outage_kind_idx').on(t.outageId, t.kind)],
);
