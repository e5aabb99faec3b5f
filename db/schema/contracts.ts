import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { optionKind, pbbStatus, serviceStatus } from './enums';

/** Designated-service (IIJ Private Backbone) contracts; recorded by operators. */
export const pbbContracts = pgTable(
  'pbb_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contractNumber: text('contract_number').notNull().unique(),
    status: pbbStatus('status').notNull().default('active'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pbb_contracts_customer_idx').on(t.customerId)],
);

export const closedNetworks = pgTable(
  'closed_networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    pbbContractId: uuid('pbb_contract_id')
      .notNull()
      .references(() => pbbContracts.id),
    networkCode: text('network_code').notNull().unique(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('closed_networks_customer_idx').on(t.customerId)],
);

/** Smart HUB contracts: at most one per closed network (R-ONE-PER-NETWORK, Art. 3). */
export const smarthubContracts = pgTable(
  'smarthub_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    closedNetworkId: uuid('closed_network_id')
      .notNull()
      .references(() => closedNetworks.id),
    contractNumber: text('contract_number').notNull().unique(),
    status: serviceStatus('status').notNull().default('applied'),
    billingStartDate: date('billing_start_date', { mode: 'string' }),
    /** Scheduled last day when a cancellation is pending. */
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('smarthub_contracts_customer_idx').on(t.customerId),
    index('smarthub_contracts_number_search_idx').using('btree', sql`lower(${t.contractNumber}) text_pattern_ops`),
    // R-ONE-PER-NETWORK: one contract per closed network at a time; an ended or withdrawn one
    // leaves room for a new application.
    uniqueIndex('smarthub_contracts_one_per_network').on(t.closedNetworkId).where(sql`${t.status} <> 'ended'`),
  ],
);

/**
 * Attributes of an option, by kind. Validated by zod in the actions and by lib/rules;
 * stored as jsonb so the catalog can grow without a migration per item.
 */
export type OptionAttributes = {
  cloudType?: 'A_PRIVATE' | 'A_PUBLIC' | 'M_PRIVATE' | 'M_PUBLIC' | 'M2_PUBLIC';
  speed?: '100M' | '300M' | '500M' | '1G' | '2G' | '5G' | '10G';
  line?: 'optical' | 'individual';
  sessions?: number;
  dataCentre?: string;
  rack?: string;
  cloudAccountId?: string;
  cloudConnectionKey?: string;
};

export const options = pgTable(
  'options',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => smarthubContracts.id),
    /** Identifier quoted by customers and support (e.g. SH-P-000123). */
    code: text('code').notNull().unique(),
    kind: optionKind('kind').notNull(),
    /**
     * A `napt` add-on's public cloud port (I-2: NAPT is assigned to a port, 1 to 8 per port);
     * null for every other kind, and for a NAPT the 0006 migration could not place.
     */
    portId: uuid('port_id').references((): AnyPgColumn => options.id),
    attributes: jsonb('attributes').$type<OptionAttributes>().notNull().default(sql`'{}'::jsonb`),
    status: serviceStatus('status').notNull().default('applied'),
    billingStartDate: date('billing_start_date', { mode: 'string' }),
    /** Scheduled last day of service and billing, when a cancellation is pending. */
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('options_contract_idx').on(t.contractId),
    index('options_port_idx').on(t.portId),
    index('options_customer_idx').on(t.customerId),
    index('options_code_search_idx').using('btree', sql`lower(${t.code}) text_pattern_ops`),
  ],
);

/**
 * An option's item as it changed over time (Art. 4.4 M2 upgrade, Art. 4.5 PBB item change): one
 * row per completed change, with the attributes before and after and the day the new item
 * applies from. A statement prices each day at the item in force that day; an option with no row
 * has had its present item from its billing start.
 */
export const optionItemChanges = pgTable(
  'option_item_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    optionId: uuid('option_id')
      .notNull()
      .references(() => options.id),
    /** The change request it completed (one row per request). */
    changeRequestId: uuid('change_request_id').notNull(),
    appliesFrom: date('applies_from', { mode: 'string' }).notNull(),
    attributesBefore: jsonb('attributes_before').$type<OptionAttributes>().notNull(),
    attributesAfter: jsonb('attributes_after').$type<OptionAttributes>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('option_item_changes_option_idx').on(t.customerId, t.optionId, t.appliesFrom),
    uniqueIndex('option_item_changes_request_idx').on(t.changeRequestId),
  ],
);
