import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customerUsers } from './customers';
import { staffUsers } from './staff';

/** Sign-in attempts, kept in the database so throttling holds across app instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);

/** Why a sign-in session ended (lib/auth/sessions.ts). */
export type SessionEndReason = 'sign_out' | 'expired' | 'idle' | 'user_disabled' | 'password_changed' | 'ended_by_staff';

/**
 * One row per sign-in, re-read by the guard on every request: the session token only says which
 * row it belongs to, so ending the row ends the session everywhere at once (sign-out, a disabled
 * user, a password change), whatever copies of the cookie exist. The id is the SHA-256 of the
 * random secret inside the token, so the table alone does not name a usable session.
 * Exactly one of the two user columns is set.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    customerUserId: uuid('customer_user_id').references(() => customerUsers.id, { onDelete: 'cascade' }),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Moved forward at most once a minute (staff idle timeout), never on every request. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** Absolute end: sign-in + 8 hours. Never extended. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedReason: text('ended_reason').$type<SessionEndReason>(),
  },
  (t) => [
    check('user_sessions_one_user', sql`(${t.customerUserId} IS NULL) <> (${t.staffUserId} IS NULL)`),
    index('user_sessions_customer_user_idx').on(t.customerUserId).where(sql`${t.endedAt} IS NULL`),
    index('user_sessions_staff_user_idx').on(t.staffUserId).where(sql`${t.endedAt} IS NULL`),
  ],
);

/** Small key/value facts about this database (e.g. whether the demo data was loaded). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * A password reset asked for from the sign-in page: a one-time link valid 1 hour, of which only the
 * SHA-256 is kept. Asking again makes a new link; using one ends the user's other sessions.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerUserId: uuid('customer_user_id')
      .notNull()
      .references(() => customerUsers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_resets_user_idx').on(t.customerUserId, t.createdAt)],
);
