import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { readiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Ready to serve: the database answers and its migrations are current. 503 with Retry-After otherwise. */
export async function GET() {
  const state = await readiness(getDb);
  return NextResponse.json(
    { status: state.ready ? 'ready' : 'unavailable', database: state.database, migrations: state.migrations },
    { status: state.ready ? 200 : 503, headers: { 'cache-control': 'no-store', ...(state.ready ? {} : { 'retry-after': '5' }) } },
  );
}
