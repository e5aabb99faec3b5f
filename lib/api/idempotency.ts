// `Idempotency-Key` on the API's submits (issue 15): the same key and request → the same answer,
// the change made once; the same key with another request → 422 idempotency_mismatch; a repeat
// while the first is still running → 409. Keys are the customer's own (two customers may use the
// same one) and kept a day. The flows' own keyed rows (lib/contract/idempotency.ts) still guard
// the change itself: the key reaches them as `api:<key>`.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiIdempotency } from '@/db/schema';
import { requestHash } from '@/lib/contract/idempotency';
import type { ApiAnswer } from './endpoint';

/** How long an answer is kept for a repeat. */
export const IDEMPOTENCY_KEPT_MS = 24 * 60 * 60 * 1000;
/** A reservation older than this without an answer is taken over (its process died mid-way). */
export const IDEMPOTENCY_STALE_MS = 60 * 1000;


/** The hash kept beside a key: the operation, its path parameters and its parsed body. */
export function submitHash(operationId: string, params: unknown, body: unknown): string {
  return requestHash(`api.${operationId}`, { params: params ?? {}, body: body ?? {} });
}

async function reserve(db: Db, customerId: string, key: string, hash: string, apiKeyId: string, now: Date): Promise<boolean> {
  const made = await db
    .insert(apiIdempotency)
    .values({ customerId, key, requestHash: hash, apiKeyId, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: apiIdempotency.key });
  return made.length === 1;
}

/**
 * Runs `submit` once per (customer, key). A success is kept and replayed to a repeat (with
 * `Idempotent-Replayed: true`); any other answer changed nothing, so the key is given back and a
 * repeat is judged again.
 */
export async function once<T>(
  db: Db,
  scope: { customerId: string; apiKeyId: string; key: string; hash: string; now: Date },
  submit: () => Promise<ApiAnswer<T>>,
): Promise<ApiAnswer<T>> {
  const { customerId, key, hash, now } = scope;
  const mine = and(eq(apiIdempotency.customerId, customerId), eq(apiIdempotency.key, key));
  if (!(await reserve(db, customerId, key, hash, scope.apiKeyId, now))) {
    const [row] = await db.select().from(apiIdempotency).where(mine);
    if (!row) return once(db, scope, submit); // given back meanwhile: try again
    if (row.requestHash !== hash) return { ok: false, kind: 'problem', problem: { code: 'idempotency_mismatch' } };
    if (row.completedAt && (row.status === 200 || row.status === 201)) {
      return { ok: true, status: row.status, body: row.response as T, headers: { 'idempotent-replayed': 'true' } };
    }
    // Still running elsewhere, unless its reservation is stale: then this one takes it over.
    const takenOver = await db
      .update(apiIdempotency)
      .set({ createdAt: now })
      .where(and(mine, isNull(apiIdempotency.completedAt), lt(apiIdempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_STALE_MS))))
      .returning({ key: apiIdempotency.key });
    if (takenOver.length !== 1) return { ok: false, kind: 'problem', problem: { code: 'idempotency_in_progress', headers: { 'retry-after': '1' } } };
  }
  let answer: ApiAnswer<T>;
  try {
    answer = await submit();
  } catch (error) {
    await db.delete(apiIdempotency).where(and(mine, isNull(apiIdempotency.completedAt)));
    throw error;
  }
  if (answer.ok) {
    await db.update(apiIdempotency).set({ completedAt: new Date(), status: answer.status ?? 200, response: answer.body as object }).where(mine);
  } else {
    await db.delete(apiIdempotency).where(and(mine, isNull(apiIdempotency.completedAt)));
  }
  // Keys older than a day are forgotten, a bounded batch at a time.
  await db.execute(
    sql`DELETE FROM ${apiIdempotency} WHERE (${apiIdempotency.customerId}, ${apiIdempotency.key}) IN (SELECT ${apiIdempotency.customerId}, ${apiIdempotency.key} FROM ${apiIdempotency} WHERE ${apiIdempotency.createdAt} < ${new Date(now.getTime() - IDEMPOTENCY_KEPT_MS)} LIMIT 100)`,
  );
  return answer;
}
