import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    status: claimStatus('status').notNull().default('submitted'),
    amountYen: integer('amount_yen').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    claimedBy: uuid('claimed_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('credit_claims_customer_idx').on(t.customerId)],
);
