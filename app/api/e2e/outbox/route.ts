// Browser tests only (SMARTHUB_E2E=1, set by scripts/e2e-server.mjs): the one-time link of the
// latest outbox event of a type to an address, as its e-mail would carry it. 404 on every other server.
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/lib/db';
import { e2eRoutesEnabled, latestOutboxLink } from '@/lib/users/e2e-outbox';

export async function GET(request: NextRequest) {
  if (!e2eRoutesEnabled()) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const type = request.nextUrl.searchParams.get('type') ?? '';
  const email = request.nextUrl.searchParams.get('email') ?? '';
  const link = type && email ? await latestOutboxLink(await getDb(), type, email) : null;
  return link ? NextResponse.json({ link }) : NextResponse.json({ error: 'not_found' }, { status: 404 });
}
