import { NextResponse } from 'next/server';

/** The process is alive and answers: no database, no session. */
export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
