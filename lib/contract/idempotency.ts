// A double submit lands once: the review issued an idempotency key, and a confirm that finds a
// row already made with it answers that row (unique per customer and key in the database).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications, cancellationNotices, changeRequests } from '@/db/schema';

export async function findApplicationByKey(tx: DbOrTx, customerId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.customerId, customerId), eq(applications.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

export async function findChangeRequestByKey(tx: DbOrTx, customerId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.customerId, customerId), eq(changeRequests.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

export async function findNoticeByKey(tx: DbOrTx, customerId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(cancellationNotices)
    .where(and(eq(cancellationNotices.customerId, customerId), eq(cancellationNotices.idempotencyKey, idempotencyKey)));
  return row ?? null;
}
