import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';

/**
 * The benchmark's floor (bench/run.ts) exists only in a server started with SMARTHUB_BENCH=1:
 * every other server answers its routes with 404.
 */
export function benchRoutesEnabled(): boolean {
  return process.env.SMARTHUB_BENCH === '1';
}

/** The floor's one indexed query: the signed-in customer's name, by primary key. */
export async function floorCustomerName(db: DbOrTx, customerId: string): Promise<string | null> {
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  return row?.name ?? null;
}
