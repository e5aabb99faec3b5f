// A flow's review of a form as typed, nothing written: the live preview route answers with it, and
// the cancellation pages render it before the customer types (the same parse, the same service).
import type { Db } from '@/db/client';
import type { CustomerActor } from '@/lib/auth/access';
import { fieldErrorsOf, type Fields } from '@/lib/form-state';
import { flows, type FlowName } from './flows';
import type { Outcome } from './types';

export type FlowPreview<P = unknown> = { outcome: Outcome<P> } | { fieldErrors: Record<string, string> };

export async function previewFlow(db: Db, actor: CustomerActor, name: FlowName, fields: Fields, now = new Date()): Promise<FlowPreview> {
  const flow = flows[name] as (typeof flows)['apply'];
  const parsed = flow.parse(fields);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  return { outcome: await flow.run(db, actor, parsed.data, { now, mode: 'review' }, { idempotencyKey: 'preview' }) };
}
