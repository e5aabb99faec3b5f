// Support search as you type: staff only; customers get "not found".
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { ForbiddenError, requireStaff } from '@/lib/auth/guard';
import { searchCustomers } from '@/lib/support/search';

export async function GET(request: Request) {
  try {
    await requireStaff('support');
  } catch (error) {
    if (error instanceof ForbiddenError) return NextResponse.json({ error: 'forbidden' }, { status: 403 });
    throw error;
  }
  const q = new URL(request.url).searchParams.get('q') ?? '';
  const hits = await searchCustomers(await getDb(), q.slice(0, 100));
  return NextResponse.json({ hits });
}
