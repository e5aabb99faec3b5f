import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffRole } from './enums';

export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: staffRole('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  /**
   * The TOTP secret once enrolled (second factor for staff), encrypted with the key from the
   * environment (lib/auth/secret-box.ts); never the plain base32.
   */
  totpSecret: text('totp_secret'),
  /** A secret offered during enrolment, kept until the first code proves it. */
  totpPendingSecret: text('totp_pending_secret'),
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A one-time enrolment link for a staff member (issued by `npm run staff:create` or an operator):
 * the password and the authenticator are set there. Only the SHA-256 of the token is kept.
 */
export const staffEnrolments = pgTable(
  'staff_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The operator who issued it; null when the CLI did. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_enrolments_user_idx').on(t.staffUserId)],
);

/**
 * Ten recovery codes shown once at enrolment; each signs in once in place of an authenticator code.
 * Only a hash is kept. Enrolling again (or an operator's reset) replaces them.
 */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_recovery_codes_user_idx').on(t.staffUserId)],
);
