import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { actorType, impersonationMode } from './enums';
import { staffUsers } from './staff';

/** Support access to a customer account; re-read on every request while in use. */
export const impersonationSessions = pgTable(
  'impersonation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    reason: text('reason').notNull(),
    ticket: text('ticket').notNull(),
    mode: impersonationMode('mode').notNull().default('view'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by'),
  },
  (t) => [index('impersonation_sessions_staff_idx').on(t.staffUserId)],
);

/**
 * Append-only audit log. A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 * actorId is the user who acted; when staff act inside an impersonation session, actorId is the
 * staff member and customerId the customer they acted for.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: actorType('actor_type').notNull(),
    actorId: uuid('actor_id'),
    customerId: uuid('customer_id'),
    impersonationSessionId: uuid('impersonation_session_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_customer_idx').on(t.customerId, t.at)],
);
