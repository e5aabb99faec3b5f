import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads: at once on a database (the pool spreads them over its connections), one
 * after another inside a transaction, whose one connection takes one query at a time (node-postgres
 * only queues overlapping queries on a client, with a warning, and will refuse them).
 */
export async function readAll<const T extends readonly (() => Promise<unknown>)[]>(db: DbOrTx, reads: T): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
