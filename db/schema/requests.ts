import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { smarthubContracts, closedNetworks, options } from './contracts';
import { customers } from './customers';
import { cancellationStatus, requestStatus } from './enums';

const lifecycle = {
  status: requestStatus('status').notNull().default('submitted'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  /** Who submitted: the customer user, or the support staff member acting for the customer. */
  submittedBy: uuid('submitted_by').notNull(),
  /** Set when support staff submitted on the customer's behalf (inside the customer's grant). */
  submittedByStaff: uuid('submitted_by_staff'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: uuid('decided_by'),
  /** Reason the customer sees when an application is rejected. */
  decisionReason: text('decision_reason'),
  idempotencyKey: text('idempotency_key').notNull(),
  /**
   * SHA-256 of what was submitted with the key (lib/contract/idempotency.ts): the same key with
   * other inputs is refused instead of answered with this row. Null on rows made before it was kept.
   */
  requestHash: text('request_hash'),
};

// The JSON columns' shapes, as the database layer knows them (db/ imports nothing from lib/):
// what every row holds at least. lib/contract/payloads.ts parses each on read with zod into the
// full types the screens use; nothing casts them.

/** `applications.payload`: the options applied for and the fees shown (lib/contract ApplicationPayload). */
export interface ApplicationPayloadColumn {
  optionIds: string[];
  fees: object;
}

/** `change_requests.payload`: the change as shown, and its target as option attributes (lib/contract ChangePayload). */
export interface ChangePayloadColumn {
  type: 'change_speed' | 'change_item';
  from: string;
  to: string;
  /** Absent on requests made before the target was kept. */
  target?: { speed: string } | { sessions: number };
}

/** `cancellation_notices.summary`: what the customer saw and confirmed (lib/contract CancellationSummary). */
export interface CancellationSummaryColumn {
  effectiveDate: string;
  ending: object[];
  totalEarlyTerminationYen: number;
}

/** Applications for a new Smart HUB contract or a new option (Art. 2, 4.1). */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    closedNetworkId: uuid('closed_network_id')
      .notNull()
      .references(() => closedNetworks.id),
    contractId: uuid('contract_id').references(() => smarthubContracts.id),
    type: text('type', { enum: ['new_contract', 'add_option'] }).notNull(),
    payload: jsonb('payload').$type<ApplicationPayloadColumn>().notNull(),
    ...lifecycle,
  },
  (t) => [
    index('applications_customer_idx').on(t.customerId),
    uniqueIndex('applications_idempotency_idx').on(t.customerId, t.idempotencyKey),
  ],
);

/** Change requests: M2 public port upgrade (Art. 4.4), PBB expansion item change (Art. 4.5). */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    optionId: uuid('option_id')
      .notNull()
      .references(() => options.id),
    type: text('type', { enum: ['change_speed', 'change_item'] }).notNull(),
    payload: jsonb('payload').$type<ChangePayloadColumn>().notNull(),
    ...lifecycle,
  },
  (t) => [
    index('change_requests_customer_idx').on(t.customerId),
    uniqueIndex('change_requests_idempotency_idx').on(t.customerId, t.idempotencyKey),
  ],
);

/** Cancellation notices (Art. 4.6, 6.1): of one option, or of the whole contract when optionId is null. */
export const cancellationNotices = pgTable(
  'cancellation_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => smarthubContracts.id),
    optionId: uuid('option_id').references(() => options.id),
    /** The instant the notice reached the company (stored by the portal). */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    requestedDate: date('requested_date', { mode: 'string' }),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    status: cancellationStatus('status').notNull().default('pending'),
    submittedBy: uuid('submitted_by').notNull(),
    submittedByStaff: uuid('submitted_by_staff'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of what was submitted with the key (as on applications). */
    requestHash: text('request_hash'),
    /** What the customer saw and confirmed: dates, options ending, early termination charges. */
    summary: jsonb('summary').$type<CancellationSummaryColumn>(),
  },
  (t) => [
    index('cancellation_notices_customer_idx').on(t.customerId),
    uniqueIndex('cancellation_notices_idempotency_idx').on(t.customerId, t.idempotencyKey),
  ],
);
