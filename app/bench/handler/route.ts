// The benchmark's bare route handler: the floor's session check and query without any page
// rendering, to show what the root layout costs. Only on a server started for the benchmark.
import { NextResponse } from 'next/server';
import { ForbiddenError, requireCustomer } from '@/lib/auth/guard';
import { benchRoutesEnabled, floorCustomerName } from '@/lib/bench/floor';
import { getDb } from '@/lib/db';

export async function GET() {
  if (!benchRoutesEnabled()) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  try {
    const actor = await requireCustomer();
    return NextResponse.json({ name: await floorCustomerName(await getDb(), actor.customerId) });
  } catch (error) {
    if (error instanceof ForbiddenError) return NextResponse.json({ error: 'forbidden' }, { status: 403 });
    throw error;
  }
}
