// A double submit lands once: the review issued an idempotency key, and a confirm that finds a
// row already made with it answers that row (unique per customer and key in the database).
//
// The key is bound to what was submitted with it: the row keeps `request_hash`, the SHA-256 of
// the flow's parsed inputs as canonical JSON (keys in a stable order). The same key with other
// inputs is refused ('idempotency_mismatch', an HTTP 422 for an API) instead of answered with
// the first row; rows made before the hash was kept (null) are answered as before.
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import stableStringify from 'fast-json-stable-stringify';
import type { DbOrTx } from '@/db/client';
import { applications, cancellationNotices, changeRequests, options } from '@/db/schema';

/** The SHA-256 (hex) of a flow's request: its name and its inputs without the key, as canonical JSON. */
export function requestHash(flow: string, inputs: object): string {
  return crypto.createHash('sha256').update(stableStringify({ flow, inputs })).digest('hex');
}

/** What a row found by the key means for this request: answer it again, or refuse the reuse. */
export function keyMatches(row: { requestHash: string | null }, hash: string): boolean {
  return row.requestHash === null || row.requestHash === hash;
}

/** A row an idempotency key made: what a repeated confirm answers. */
export interface KeyedRow {
  id: string;
  /** The contract the confirm answers with (its page is where the customer lands). */
  contractId: string;
  requestHash: string | null;
}

export async function findApplicationByKey(tx: DbOrTx, customerId: string, idempotencyKey: string): Promise<KeyedRow | null> {
  const [row] = await tx
    .select({ id: applications.id, contractId: applications.contractId, requestHash: applications.requestHash })
    .from(applications)
    .where(and(eq(applications.customerId, customerId), eq(applications.idempotencyKey, idempotencyKey)));
  return row ? { ...row, contractId: row.contractId ?? '' } : null;
}

/** An add-option application by its key, answered (as its confirm was) with the first option it applied for. */
export async function findAddedOptionsByKey(tx: DbOrTx, customerId: string, idempotencyKey: string): Promise<KeyedRow | null> {
  const [row] = await tx
    .select({
      id: applications.id,
      firstOptionId: sql<string | null>`${applications.payload}->'optionIds'->>0`,
      contractId: applications.contractId,
      requestHash: applications.requestHash,
    })
    .from(applications)
    .where(and(eq(applications.customerId, customerId), eq(applications.idempotencyKey, idempotencyKey)));
  return row ? { id: row.firstOptionId ?? row.id, contractId: row.contractId ?? '', requestHash: row.requestHash } : null;
}

export async function findChangeRequestByKey(tx: DbOrTx, customerId: string, idempotencyKey: string): Promise<KeyedRow | null> {
  const [row] = await tx
    .select({ id: changeRequests.id, contractId: options.contractId, requestHash: changeRequests.requestHash })
    .from(changeRequests)
    .innerJoin(options, and(eq(options.id, changeRequests.optionId), eq(options.customerId, changeRequests.customerId)))
    .where(and(eq(changeRequests.customerId, customerId), eq(changeRequests.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

export async function findNoticeByKey(tx: DbOrTx, customerId: string, idempotencyKey: string): Promise<KeyedRow | null> {
  const [row] = await tx
    .select({ id: cancellationNotices.id, contractId: cancellationNotices.contractId, requestHash: cancellationNotices.requestHash })
    .from(cancellationNotices)
    .where(and(eq(cancellationNotices.customerId, customerId), eq(cancellationNotices.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

/**
 * Whether an error is a unique violation of an idempotency index (`*_idempotency_idx`, SQLSTATE
 * 23505): a concurrent confirm with the same key committed first. drizzle wraps the driver's
 * error (its `cause`); node-postgres and PGlite both report `code` and `constraint`.
 */
export function isKeyConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint !== 'string' || constraint.endsWith('_idempotency_idx');
  }
  return false;
}
