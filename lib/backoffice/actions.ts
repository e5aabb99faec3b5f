'use server';

// The operators' writes. One shape each (style.md): guard (requireStaff('operator')) → zod →
// service (one transaction: lock, status transition / lib/rules, write + audit) → answer.
// A refusal comes back to the form with what was typed; success redirects to the page with a
// notice. Internals never reach the browser: logged with a reference, the user sees "failed".
import crypto from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { ForbiddenError, requireStaff } from '@/lib/auth/guard';
import type { StaffActor } from '@/lib/auth/access';
import { formFields, firstField } from '@/lib/contracts/schemas';
import {
  acceptApplication,
  acceptChangeRequest,
  completeApplication,
  completeChangeRequest,
  rejectApplication,
  rejectChangeRequest,
} from './applications';
import type { OpFormState } from './form-state';
import type { OpCtx, OpOutcome } from './outcome';
import { endPbbContract, recordPbbContract } from './pbb';
import { addPrice } from './prices';
import { recordOutage } from './outages';
import {
  addPriceSchema,
  completeSchema,
  decisionSchema,
  endPbbSchema,
  fieldErrorsOf,
  recordOutageSchema,
  recordPbbSchema,
  rejectSchema,
} from './schemas';

type Page = 'applications' | 'cancellations' | 'pbb' | 'prices' | 'outages';

function plainFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(formFields(formData))) out[name] = firstField(value) ?? '';
  return out;
}

const answer = (state: OpFormState): OpFormState => ({ ...state, nonce: crypto.randomUUID() });

async function run<S extends z.ZodType>(
  formData: FormData,
  page: Page,
  schema: S,
  service: (db: Db, actor: StaffActor, input: z.output<S>, ctx: OpCtx) => Promise<OpOutcome<object>>,
  done: (outcome: { ok: true } & object, input: z.output<S>) => string,
): Promise<OpFormState> {
  const fields = plainFields(formData);
  let target: string;
  try {
    const actor = await requireStaff('operator');
    const parsed = schema.safeParse(fields);
    if (!parsed.success) return answer({ fields, fieldErrors: fieldErrorsOf(parsed.error) });
    const outcome = await service(await getDb(), actor, parsed.data, { now: new Date() });
    if (!outcome.ok) {
      if (outcome.kind === 'violations') return answer({ fields, violations: outcome.violations });
      return answer({ fields, refusal: outcome.kind === 'refused' ? outcome.reason : 'not_found' });
    }
    revalidatePath(`/staff/operations/${page}`);
    target = `/staff/operations/${page}?done=${done(outcome, parsed.data)}`;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ForbiddenError) return answer({ fields, refusal: 'forbidden' });
    console.error(`[backoffice ${crypto.randomUUID().slice(0, 8)}]`, error);
    return answer({ fields, refusal: 'failed' });
  }
  redirect(target);
}

// ── applications queue ───────────────────────────────────────────────────────────────────────

export async function acceptAction(_prev: OpFormState, formData: FormData): Promise<OpFormState> {
  return run(
    formData,
    'applications',
    decisionSchema,
    (db, actor, input, ctx) =>
      input.source === 'application'
        ? acceptApplication(db, actor, { applicationId: input.id }, ctx)
        : acceptChangeRequest(db, actor, { changeRequestId: input.id }, ctx),
    () => 'accepted',
  );
}

export async function rejectAction(_prev: OpFormState, formData: FormData): Promise<OpFormState> {
  return run(
    formData,
    'applications',
    rejectSchema,
    (db, actor, input, ctx) =>
      input.source === 'application'
        ? rejectApplication(db, actor, { applicationId: input.id, reason: input.reason }, ctx)
        : rejectChangeRequest(db, actor, { changeRequestId: input.id, reason: input.reason }, ctx),
    () => 'rejected',
  );
}

export async function completeAction(_prev: OpFormState, formData: FormData): Promise<OpFormState> {
  return run(
    formData,
    'applications',
    completeSchema,
    (db, actor, input, ctx) =>
      input.source === 'application'
        ? completeApplication(db, actor, { applicationId: input.id, billingStartDate: input.billingStartDate }, ctx)
        : completeChangeRequest(db, actor, { changeRequestId: input.id }, ctx),
    () => 'completed',
  );
}

// ── designated-service contracts ─────────────────────────────────────────────────────────────

export async function recordPbbAction(_prev: OpFormState, formData: FormData): Promise<OpFormState> {
  return run(formData, 'pbb', recordPbbSchema, recordPbbContract, () => 'pbb_recorded');
}

export async function endPbbAction(_prev: OpFormState, formData: FormData): Promise<OpFormState> {
  return run(formData, 'pbb', endPbbSchema, endPbbContract, (outcome) =>
    'lastEnded' in outcome && outcome.lastEnded ? 'pbb_ended_hubs' : 'pbb_ended',
  );
}

// ── price list ───────────────────────────────────────────────────────────────────────────────

export async function addPriceAction(_prev: OpFormState, formData: FormData): Promise<OpFormState> {
  return run(formData, 'prices', addPriceSchema, addPrice, () => 'price_added');
}

// ── outages ──────────────────────────────────────────────────────────────────────────────────

export async function recordOutageAction(_prev: OpFormState, formData: FormData): Promise<OpFormState> {
  return run(formData, 'outages', recordOutageSchema, recordOutage, () => 'outage_recorded');
}
