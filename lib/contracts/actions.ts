'use server';

import crypto from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { getDb } from '@/db/client';
import { ForbiddenError, requireCustomer } from '@/lib/auth/guard';
import { flows, type Flow } from './flows';
import type { FormState } from './form-state';
import { cloudInfoSchema, fieldErrors, firstField, formFields, idempotencyKey, withdrawCancellationSchema, withdrawSchema } from './schemas';
import { updateCloudInfo, withdrawApplication, withdrawCancellation, type Outcome } from './services';

function failure(fields: FormState['fields'], error: unknown): FormState {
  unstable_rethrow(error);
  if (error instanceof ForbiddenError) {
    return { step: 'edit', fields, refusal: error.reason === 'support_view_only' ? 'support_view_only' : 'read_only' };
  }
  // Internals never reach the browser: logged with a reference, the user sees a plain message.
  console.error(`[action ${crypto.randomUUID().slice(0, 8)}]`, error);
  return { step: 'edit', fields, refusal: 'failed' };
}

/** guard → zod → service (one transaction: lock, lib/rules, write + audit) → answer. */
async function runFlow<I, P>(flow: Flow<I, P>, formData: FormData): Promise<FormState<P>> {
  const fields = formFields(formData);
  const intent = firstField(fields.intent) ?? 'review';
  const sentKey = firstField(fields.idempotencyKey);
  delete fields.intent;
  delete fields.idempotencyKey;
  if (intent === 'edit') return { step: 'edit', fields };

  let doneUrl: string;
  try {
    const actor = await requireCustomer({ write: true });
    const parsed = flow.parse(fields);
    if (!parsed.success) return { step: 'edit', fields, fieldErrors: fieldErrors(parsed.error) };
    const mode = intent === 'confirm' ? 'confirm' : 'review';
    const key = mode === 'confirm' ? idempotencyKey.safeParse(sentKey) : { success: true as const, data: crypto.randomUUID() };
    if (!key.success) return { step: 'edit', fields, refusal: 'failed' };
    const outcome: Outcome<P> = await flow.run(await getDb(), actor, parsed.data, { now: new Date(), mode }, key.data);
    if (!outcome.ok) {
      if (outcome.kind === 'not_found') return { step: 'edit', fields, refusal: 'not_found' };
      if (outcome.kind === 'violations') return { step: 'edit', fields, violations: outcome.violations, preview: outcome.preview };
      return { step: 'edit', fields, refusal: outcome.reason, preview: outcome.preview };
    }
    if (outcome.mode === 'review') return { step: 'review', fields, preview: outcome.preview, idempotencyKey: key.data };
    revalidatePath('/', 'layout');
    doneUrl = flow.doneUrl(outcome);
  } catch (error) {
    return failure(fields, error) as FormState<P>;
  }
  redirect(doneUrl);
}

const answered = <S extends FormState>(state: S): S => ({ ...state, nonce: crypto.randomUUID() });

export async function applyForContractAction(_prev: FormState, formData: FormData) {
  return answered(await runFlow(flows.apply, formData));
}
export async function addOptionAction(_prev: FormState, formData: FormData) {
  return answered(await runFlow(flows.add, formData));
}
export async function requestChangeAction(_prev: FormState, formData: FormData) {
  return answered(await runFlow(flows.change, formData));
}
export async function cancelOptionAction(_prev: FormState, formData: FormData) {
  return answered(await runFlow(flows.cancelOption, formData));
}
export async function cancelContractAction(_prev: FormState, formData: FormData) {
  return answered(await runFlow(flows.cancelContract, formData));
}

export async function updateCloudInfoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return answered(await saveCloudInfo(formData));
}

async function saveCloudInfo(formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  let contractId: string;
  try {
    const actor = await requireCustomer({ write: true });
    const parsed = cloudInfoSchema.safeParse({
      optionId: firstField(fields.optionId),
      cloudAccountId: firstField(fields.cloudAccountId) ?? '',
      cloudConnectionKey: firstField(fields.cloudConnectionKey) ?? '',
    });
    if (!parsed.success) return { step: 'edit', fields, fieldErrors: fieldErrors(parsed.error) };
    const outcome = await updateCloudInfo(await getDb(), actor, parsed.data, { now: new Date(), mode: 'confirm' });
    if (!outcome.ok) {
      return { step: 'edit', fields, refusal: outcome.kind === 'refused' ? outcome.reason : 'not_found' };
    }
    if (outcome.mode !== 'confirm') return { step: 'edit', fields, refusal: 'failed' };
    contractId = outcome.contractId;
    revalidatePath('/', 'layout');
  } catch (error) {
    return failure(fields, error);
  }
  redirect(`/contracts/${contractId}?done=cloud_info`);
}

/** Withdraw buttons are plain forms: the answer is the contract page with a notice (works without JavaScript). */
async function withdrawAndReturn(formData: FormData, run: (fields: Record<string, string | string[]>) => Promise<Outcome<null> | 'invalid'>) {
  const fields = formFields(formData);
  const back = firstField(fields.returnTo);
  const safeBack = back && /^\/contracts\/[0-9a-f-]{36}$/.test(back) ? back : '/';
  let target: string;
  try {
    const outcome = await run(fields);
    if (outcome === 'invalid') target = `${safeBack}?error=not_found`;
    else if (outcome.ok && outcome.mode === 'confirm') {
      revalidatePath('/', 'layout');
      target = `/contracts/${outcome.contractId}?done=withdrawn`;
    } else if (!outcome.ok) target = `${safeBack}?error=${outcome.kind === 'refused' ? outcome.reason : outcome.kind === 'violations' ? 'violations' : 'not_found'}`;
    else target = safeBack;
  } catch (error) {
    unstable_rethrow(error);
    target = `${safeBack}?error=${error instanceof ForbiddenError ? (error.reason === 'support_view_only' ? 'support_view_only' : 'read_only') : 'failed'}`;
    if (!(error instanceof ForbiddenError)) console.error('[withdraw]', error);
  }
  redirect(target);
}

export async function withdrawApplicationAction(formData: FormData): Promise<void> {
  await withdrawAndReturn(formData, async (fields) => {
    const actor = await requireCustomer({ write: true });
    const parsed = withdrawSchema.safeParse({ kind: firstField(fields.kind), id: firstField(fields.id) });
    if (!parsed.success) return 'invalid';
    return withdrawApplication(await getDb(), actor, parsed.data, { now: new Date(), mode: 'confirm' });
  });
}

export async function withdrawCancellationAction(formData: FormData): Promise<void> {
  await withdrawAndReturn(formData, async (fields) => {
    const actor = await requireCustomer({ write: true });
    const parsed = withdrawCancellationSchema.safeParse({ noticeId: firstField(fields.noticeId) });
    if (!parsed.success) return 'invalid';
    return withdrawCancellation(await getDb(), actor, parsed.data, { now: new Date(), mode: 'confirm' });
  });
}
