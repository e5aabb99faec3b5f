// A customer's API keys, kept by its own admins (issue 15): create (the whole key is answered once,
// only its SHA-256 and visible prefix are stored) and revoke (refused by the API from that moment,
// lib/api/auth.ts). Keys never belong to staff: support staff are refused even inside the
// customer's grant, and a key cannot make or revoke keys. Each write is one transaction that locks
// the customer's row and re-reads the acting admin under it, with its audit row, which names the
// key (name, prefix, scope) but never the key or its hash.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { apiKeys, customers, customerUsers } from '@/db/schema';
import { generateApiKey } from '@/lib/api/key-format';
import { recordCustomerAction } from '@/lib/audit';
import type { CustomerActor } from '@/lib/auth/access';
import { notFound, refused, type Result } from '@/lib/result';
import type { CreateApiKeyInput } from './schemas';

export type ApiKeysRefusal = 'not_during_support' | 'read_only' | 'name_taken' | 'already_revoked';

const DAY_MS = 86_400_000;

/** Who may create and revoke keys: the customer's own admins, signed in themselves (never support staff, never a key). */
export function apiKeysRefusal(actor: CustomerActor): 'not_during_support' | 'read_only' | null {
  if (actor.impersonation) return 'not_during_support';
  if (actor.apiKey || actor.role !== 'admin' || !actor.canWrite) return 'read_only';
  return null;
}

/** When a key made now for `days` stops working. */
export function apiKeyExpiry(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * Locks the customer's row (so two admins creating keys are judged one after the other) and
 * re-reads the acting admin under it: one demoted or deactivated a moment ago may no longer.
 */
async function lockForAdmin(tx: DbOrTx, actor: CustomerActor): Promise<boolean> {
  const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, actor.customerId)).for('update');
  if (!customer) return false;
  const [admin] = await tx
    .select({ role: customerUsers.role, deactivatedAt: customerUsers.deactivatedAt })
    .from(customerUsers)
    .where(and(eq(customerUsers.id, actor.userId), eq(customerUsers.customerId, actor.customerId)));
  return Boolean(admin && admin.role === 'admin' && !admin.deactivatedAt);
}

/** Runs `body` for an admin of the actor's customer, in one transaction under the customer's lock. */
function asAdmin<I, T extends object>(body: (tx: DbOrTx, actor: CustomerActor, input: I, now: Date) => Promise<Result<T, never>>) {
  return async (db: Db, actor: CustomerActor, input: I, now: Date = new Date()): Promise<Result<T, never>> => {
    const refusal = apiKeysRefusal(actor);
    if (refusal) return refused(refusal);
    return db.transaction(async (tx) => {
      if (!(await lockForAdmin(tx, actor))) return refused('read_only');
      return body(tx, actor, input, now);
    });
  };
}

/** Creates a key. Its name is unique among the customer's live keys (not revoked, not expired), whatever the case. */
export const createApiKey = asAdmin<CreateApiKeyInput, { id: string; key: string; prefix: string; name: string }>(async (tx, actor, input, now) => {
  const [same] = await tx
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.customerId, actor.customerId),
        eq(sql`lower(${apiKeys.name})`, input.name.toLowerCase()),
        isNull(apiKeys.revokedAt),
        gt(apiKeys.expiresAt, now),
      ),
    );
  if (same) return refused('name_taken');
  const { key, prefix, secretHash } = generateApiKey();
  const expiresAt = apiKeyExpiry(now, input.expiryDays);
  const [row] = await tx
    .insert(apiKeys)
    .values({ customerId: actor.customerId, name: input.name, scope: input.scope, prefix, secretHash, createdBy: actor.userId, createdAt: now, expiresAt })
    .returning({ id: apiKeys.id });
  await recordCustomerAction(
    tx,
    actor,
    'api_key.created',
    { type: 'api_key', id: row!.id },
    { name: input.name, prefix, scope: input.scope, expiresAt: expiresAt.toISOString() },
    now,
  );
  return { ok: true, id: row!.id, key, prefix, name: input.name };
});

/** Revokes a key at once: the next request with it is refused. Another customer's key answers as a missing one. */
export const revokeApiKey = asAdmin<{ apiKeyId: string }, { id: string }>(async (tx, actor, input, now) => {
  const [key] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, input.apiKeyId), eq(apiKeys.customerId, actor.customerId)))
    .for('update');
  if (!key) return notFound;
  if (key.revokedAt) return refused('already_revoked');
  await tx
    .update(apiKeys)
    .set({ revokedAt: now, revokedBy: actor.userId })
    .where(and(eq(apiKeys.id, key.id), eq(apiKeys.customerId, actor.customerId)));
  await recordCustomerAction(tx, actor, 'api_key.revoked', { type: 'api_key', id: key.id }, { name: key.name, prefix: key.prefix, scope: key.scope }, now);
  return { ok: true, id: key.id };
});
