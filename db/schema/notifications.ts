import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customerUsers, customers } from './customers';
import { deliveryStatus, notificationChannel } from './enums';

/**
 * The transactional outbox: one row per event, written in the same transaction as the change that
 * causes it (lib/notify). A worker expands it into deliveries (expandedAt) and delivers those. The
 * facts are what the message says (dates, amounts, names, a link); the words are rendered at
 * delivery in each recipient's language.
 */
export const notificationEvents = pgTable(
  'notification_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The customer the event concerns (null for staff-only events). */
    customerId: uuid('customer_id').references(() => customers.id),
    /** The preference category ('applications', 'changes', 'cancellations', 'outages', 'sla', 'statements', 'support', 'security'). */
    category: text('category').notNull(),
    /** What happened ('application.accepted', 'outage.recorded', 'user.invited', …). */
    type: text('type').notNull(),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    /** Where the message links to. A one-time link (a secret) is cleared once every delivery is sent. */
    link: text('link'),
    /** Who it goes to (lib/notify Recipients[]), resolved into deliveries by the worker. */
    recipients: jsonb('recipients').$type<object[]>().notNull(),
    /** Makes an event that must happen once (a claim-deadline reminder, say) idempotent. */
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set once the worker has written the event's deliveries. */
    expandedAt: timestamp('expanded_at', { withTimezone: true }),
  },
  (t) => [index('notification_events_pending_idx').on(t.createdAt).where(sql`${t.expandedAt} IS NULL`)],
);

/**
 * One message to one recipient on one channel: the in-app inbox of a customer user, or an e-mail
 * (to a user, a contact, or an address such as an invitation's). Unique per event, channel and
 * recipient, so expanding twice delivers once; a worker claims a row by a lease (lockedUntil) and
 * retries with back-off (attempts, nextAttemptAt).
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => notificationEvents.id),
    customerId: uuid('customer_id').references(() => customers.id),
    customerUserId: uuid('customer_user_id').references(() => customerUsers.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id'),
    channel: notificationChannel('channel').notNull(),
    /** 'user:<id>', 'contact:<id>' or 'email:<address>': who, for the uniqueness above. */
    recipientKey: text('recipient_key').notNull(),
    email: text('email'),
    locale: text('locale').notNull().default('ja'),
    status: deliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Inbox only: when the user read it (the bell counts the unread). */
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_once_idx').on(t.eventId, t.channel, t.recipientKey),
    index('notification_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_deliveries_inbox_idx').on(t.customerUserId, t.channel, t.createdAt),
  ],
);

/** A customer user's choice per category: e-mail on or off (the inbox always). Security notices cannot be turned off. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    customerUserId: uuid('customer_user_id')
      .notNull()
      .references(() => customerUsers.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    email: boolean('email').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerUserId, t.category] })],
);
