import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers, customerUsers } from './customers';

/** What an API key may do: read everything its customer's users may read, or also change contracts. */
export type ApiKeyScope = 'read' | 'read_write';

/**
 * A customer's API keys (issue 15). The secret is shown once at creation; only its SHA-256 is
 * kept (a key is 256 random bits, so a fast hash is enough), beside the visible `prefix` that
 * names it on the page and in `Authorization: Bearer <prefix>_<secret>`. A key acts as its
 * customer with its scope, never beyond its creator's role; it stops at `expires_at`, at
 * `revoked_at`, and when its creator or its customer is deactivated.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    scope: text('scope').$type<ApiKeyScope>().notNull(),
    /** `shk_` and 12 characters, shown on the page; unique, so a request finds its key by it. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (hex) of the whole key. */
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => customerUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Moved forward at most once a minute, never on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    uniqueIndex('api_keys_prefix_idx').on(t.prefix),
    index('api_keys_customer_idx').on(t.customerId, t.createdAt),
    check('api_keys_scope_check', sql`${t.scope} in ('read', 'read_write')`),
  ],
);
