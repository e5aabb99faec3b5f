import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

/**
 * The answers of the API's submits, by the customer's `Idempotency-Key` (issue 15): the same key
 * and request again get the same answer, without a second change; the same key with another
 * request gets 422. A row is reserved (no `completed_at`) before the change runs, so a concurrent
 * repeat waits its turn (409), and completed with the answer in the same breath as it is sent; a
 * submit that changed nothing (refused, failed) gives its key back, so a retry is judged again.
 */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    key: text('key').notNull(),
    /** SHA-256 of the operation, its path parameters and its parsed body. */
    requestHash: text('request_hash').notNull(),
    apiKeyId: uuid('api_key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    status: integer('status'),
    response: jsonb('response'),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.key] }), index('api_idempotency_created_idx').on(t.createdAt)],
);
