// Live previews as the customer types: the same parse and the same service as the form's review
// step, in review mode (nothing written).
import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { readForm } from '@/lib/action';
import { ForbiddenError, requireCustomer } from '@/lib/auth/guard';
import { flowNames, type FlowName } from '@/lib/contracts/flows';
import { previewFlow } from '@/lib/contracts/preview';
import { logError } from '@/lib/log';

export async function POST(request: Request, { params }: { params: Promise<{ flow: string }> }) {
  const { flow: name } = await params;
  if (!flowNames.includes(name as FlowName)) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  try {
    const actor = await requireCustomer({ write: true });
    // The browser cancels a preview the customer has typed past: nothing to answer.
    const body = await request.formData().catch(() => null);
    if (!body) return NextResponse.json({ error: 'aborted' }, { status: 400 });
    return NextResponse.json(await previewFlow(await getDb(), actor, name as FlowName, readForm(body)));
  } catch (error) {
    if (error instanceof ForbiddenError) return NextResponse.json({ error: 'read_only' }, { status: 403 });
    if (error instanceof Error && 'digest' in error) throw error; // redirect / not found
    return NextResponse.json({ error: 'failed', ref: logError('preview', error) }, { status: 500 });
  }
}
