// Who a public API request acts as: `Authorization: Bearer <key>` (lib/api/key-format.ts). A key
// acts as its customer, with its scope, never beyond its creator's role; it is refused once
// revoked, expired, or when its creator or its customer is deactivated. Keys never belong to
// staff. Every refusal here is the one 401 (what is wrong with a key is not told to whoever holds it).
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiKeys, customers, customerUsers, type ApiKeyScope } from '@/db/schema';
import type { CustomerActor } from '@/lib/auth/access';
import { keyMatchesHash, prefixOf } from './key-format';

/** `last_used_at` moves forward at most this often, not on every request. */
const LAST_USED_EVERY_MS = 60_000;

export type ApiKeyCheck =
  | { ok: true; actor: CustomerActor; scope: ApiKeyScope; keyId: string }
  | { ok: false; reason: 'missing' | 'invalid' };

/** The bearer token of an Authorization header, or null. */
export function bearerOf(header: string | null): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export async function authenticateApiKey(db: DbOrTx, authorization: string | null, now: Date): Promise<ApiKeyCheck> {
  const key = bearerOf(authorization);
  if (!key) return { ok: false, reason: 'missing' };
  const prefix = prefixOf(key);
  if (!prefix) return { ok: false, reason: 'invalid' };
  const [found] = await db
    .select({ key: apiKeys, user: customerUsers, customerDeactivatedAt: customers.deactivatedAt })
    .from(apiKeys)
    .innerJoin(customerUsers, and(eq(customerUsers.id, apiKeys.createdBy), eq(customerUsers.customerId, apiKeys.customerId)))
    .innerJoin(customers, eq(customers.id, apiKeys.customerId))
    .where(eq(apiKeys.prefix, prefix));
  if (!found || !keyMatchesHash(key, found.key.secretHash)) return { ok: false, reason: 'invalid' };
  const { key: row, user } = found;
  if (row.revokedAt || row.expiresAt <= now || user.deactivatedAt || found.customerDeactivatedAt) return { ok: false, reason: 'invalid' };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_EVERY_MS)))));
  }
  // Writes need a read-write key of a creator who may still write.
  const canWrite = row.scope === 'read_write' && user.role === 'admin';
  return {
    ok: true,
    scope: row.scope,
    keyId: row.id,
    actor: {
      kind: 'customer',
      userId: user.id,
      customerId: row.customerId,
      role: canWrite ? 'admin' : 'viewer',
      name: user.name,
      email: user.email,
      canWrite,
      apiKey: { id: row.id, name: row.name },
    },
  };
}
