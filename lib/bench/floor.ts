import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { customers } from '@/db/schema';

/**
 * The benchmark's floor (bench/run.ts) exists only in a server started with SMARTHUB_BENCH=1:
 * every other server answers its routes with 404.
 */
export function benchRoutesEnabled(): boolean {
  return process.env.SMARTHUB_BENCH === '1';
}

/** The size ladder's rows (`/bench/floor?rows=N`): a whole number up to 200, anything else none. */
export function ladderRows(value: string | undefined): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? Math.min(n, 200) : 0;
}

/** The floor's one indexed query: the signed-in customer's name, by primary key. */
export async function floorCustomerName(db: DbOrTx, customerId: string): Promise<string | null> {
  // Prepared, as every page's reads are (db/prepared.ts), so the floor costs what a page's query costs.
  const [row] = await prepared(db, 'bench_floor_customer', (d, name) =>
    d.select({ name: customers.name }).from(customers).where(eq(customers.id, sql.placeholder('customerId'))).prepare(name),
  ).execute({ customerId });
  return row?.name ?? null;
}
