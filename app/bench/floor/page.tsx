// The benchmark's floor: a minimal signed-in page under the same root layout as every page,
// running one indexed query. Only on a server started for the benchmark (404 otherwise).
import { notFound } from 'next/navigation';
import { requireCustomer } from '@/lib/auth/guard';
import { benchRoutesEnabled, floorCustomerName } from '@/lib/bench/floor';
import { getDb } from '@/lib/db';

export default async function BenchFloorPage() {
  if (!benchRoutesEnabled()) notFound();
  const actor = await requireCustomer();
  const name = await floorCustomerName(await getDb(), actor.customerId);
  return <p>{name}</p>;
}
