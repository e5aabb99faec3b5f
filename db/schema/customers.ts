import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contactKind, customerRole } from './enums';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The customer code shown on invoices and quoted to support (e.g. C-000123). */
    code: text('code').notNull().unique(),
    /** The company name in Japanese, as on the contract. */
    name: text('name').notNull(),
    /** The company name in English (null on rows made before onboarding asked for it). */
    nameEn: text('name_en'),
    /** Company details the customer keeps up to date (Contacts page). */
    postalAddress: text('postal_address'),
    phone: text('phone'),
    /** "Require a second factor for everyone at this company" (a customer admin's switch). */
    requireSecondFactor: boolean('require_second_factor').notNull().default(false),
    /** Set when an operator deactivates the customer: nobody of it signs in any more. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
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
    /** The language of the user's notices ('ja' | 'en'). */
    locale: text('locale').notNull().default('ja'),
    /** Base32 TOTP secret once the user set up a second factor (optional for customers). */
    totpSecret: text('totp_secret'),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Set when an admin deactivates the user: their sessions end at once and they cannot sign in. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
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

/**
 * An invitation to join a customer's portal by e-mail: a one-time link valid 72 hours, of which
 * only the SHA-256 is kept. Sent by a customer admin, or by an operator for a new customer's first
 * administrator (invitedByStaff). Accepting creates the customer user.
 */
export const customerInvitations = pgTable(
  'customer_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: customerRole('role').notNull(),
    locale: text('locale').notNull().default('ja'),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The customer admin who invited, or null when an operator did (invitedByStaff). */
    invitedBy: uuid('invited_by'),
    invitedByStaff: uuid('invited_by_staff'),
    /** How many times the link was sent (a resend makes a new token and counts up). */
    sentCount: integer('sent_count').notNull().default(1),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedUserId: uuid('accepted_user_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_invitations_customer_idx').on(t.customerId, t.createdAt)],
);

/**
 * The people IIJ contacts: operations contacts (運用管理担当者) and failure contacts (障害時連絡先,
 * who the outage notices of App. 1 §2 go to); several of each, kept by the customer's admins.
 */
export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: contactKind('kind').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    /** When they can be reached, in the customer's words ("24 hours", "weekdays 9:00–18:00"). */
    hours: text('hours').notNull(),
    /** The language of the notices sent to them ('ja' | 'en'). */
    locale: text('locale').notNull().default('ja'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_contacts_customer_idx').on(t.customerId, t.kind)],
);
