import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customerRole } from './enums';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The customer code shown on invoices and quoted to support (e.g. C-000123). */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Support search matches prefixes, case-insensitively, through these indexes (no scans).
  (t) => [
    index('customers_name_search_idx').using('btree', sql`lower(${t.name}) text_pattern_ops`),
    index('customers_code_search_idx').using('btree', sql`lower(${t.code}) text_pattern_ops`),
  ],
);

export const customerUsers = pgTable(
  'customer_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Stored lower-cased; unique across customer and staff users (checked on insert). */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: customerRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customer_users_customer_idx').on(t.customerId),
    index('customer_users_email_search_idx').using('btree', sql`${t.email} text_pattern_ops`),
  ],
);

/** "Support may act for us": a customer admin's time-limited, revocable permission. */
export const supportGrants = pgTable(
  'support_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    grantedBy: uuid('granted_by').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [index('support_grants_customer_idx').on(t.customerId, t.expiresAt)],
);
