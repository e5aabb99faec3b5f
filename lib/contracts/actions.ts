'use server';

// The customer's writes, every one through the one pipeline (lib/action.ts). The change flows add
// their two steps: review (every consequence shown, nothing written; an idempotency key issued)
// and confirm (written once with that key, whatever the number of clicks).
import { readForm, runAction, runButtonAction } from '@/lib/action';
import { requireCustomer } from '@/lib/auth/guard';
import { firstField, type FormState } from '@/lib/form-state';
import { amountsDigest } from '@/lib/contract/amounts';
import { refused } from '@/lib/result';
import { flows, type Flow } from './flows';
import { amountsDigestField, cloudInfoSchema, idempotencyKey, withdrawCancellationSchema, withdrawSchema } from './schemas';
import { updateCloudInfo } from './cloud-info';
import { withdrawApplication, withdrawCancellation } from './withdraw';

const customerWriter = () => requireCustomer({ write: true });

async function flowAction<I, P>(name: string, flow: Flow<I, P>, formData: FormData): Promise<FormState<P>> {
  const fields = readForm(formData);
  const intent = firstField(fields.intent) ?? 'review';
  const sentKey = idempotencyKey.safeParse(firstField(fields.idempotencyKey));
  const sentAmounts = amountsDigestField.safeParse(firstField(fields.amountsShown));
  delete fields.intent;
  delete fields.idempotencyKey;
  delete fields.amountsShown;
  if (intent === 'edit') return { step: 'edit', fields, nonce: crypto.randomUUID() };
  const mode = intent === 'confirm' ? 'confirm' : 'review';
  const key = mode === 'review' ? crypto.randomUUID() : sentKey.success ? sentKey.data : null;
  return runAction(
    {
      scope: `customer.${name}`,
      guard: customerWriter,
      input: flow.input,
      schema: flow.schema,
      // A confirm without the key its review issued is a stale or tampered form: nothing is written.
      // One without the digest of the amounts its review showed cannot be compared: review again.
      run: async (db, actor, input, now) => {
        if (!key) return refused('failed');
        if (mode === 'review') return flow.run(db, actor, input, { now, mode }, { idempotencyKey: key });
        if (!sentAmounts.success) return refused('prices_changed');
        return flow.run(db, actor, input, { now, mode }, { idempotencyKey: key, amountsShown: sentAmounts.data });
      },
      next: (outcome) =>
        outcome.mode === 'review'
          ? {
              state: {
                step: 'review',
                fields,
                preview: outcome.preview,
                idempotencyKey: key ?? undefined,
                amountsShown: amountsDigest(outcome.preview),
              },
            }
          : { redirect: flow.doneUrl(outcome) },
    },
    fields,
  );
}

export async function applyForContractAction(_prev: FormState, formData: FormData) {
  return flowAction('apply', flows.apply, formData);
}
export async function addOptionAction(_prev: FormState, formData: FormData) {
  return flowAction('add', flows.add, formData);
}
export async function requestChangeAction(_prev: FormState, formData: FormData) {
  return flowAction('change', flows.change, formData);
}
export async function cancelOptionAction(_prev: FormState, formData: FormData) {
  return flowAction('cancelOption', flows.cancelOption, formData);
}
export async function cancelContractAction(_prev: FormState, formData: FormData) {
  return flowAction('cancelContract', flows.cancelContract, formData);
}

export async function updateCloudInfoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(
    {
      scope: 'customer.cloudInfo',
      guard: customerWriter,
      input: (fields) => ({
        optionId: firstField(fields.optionId),
        cloudAccountId: firstField(fields.cloudAccountId) ?? '',
        cloudConnectionKey: firstField(fields.cloudConnectionKey) ?? '',
      }),
      schema: cloudInfoSchema,
      run: (db, actor, input, now) => updateCloudInfo(db, actor, input, { now, mode: 'confirm' }),
      next: (outcome) => ({ redirect: outcome.mode === 'confirm' ? `/contracts/${outcome.contractId}?done=cloud_info` : '/' }),
    },
    readForm(formData),
  );
}

/** Withdraw buttons are plain forms: the answer is the contract page with a notice (works without JavaScript). */
function returnTo(formData: FormData): string {
  const back = firstField(readForm(formData).returnTo);
  return back && /^\/contracts\/[0-9a-f-]{36}$/.test(back) ? back : '/';
}

export async function withdrawApplicationAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'customer.withdraw',
      guard: customerWriter,
      input: (fields) => ({ kind: firstField(fields.kind), id: firstField(fields.id) }),
      schema: withdrawSchema,
      run: (db, actor, input, now) => withdrawApplication(db, actor, input, { now, mode: 'confirm' }),
      next: (outcome) => ({ redirect: outcome.mode === 'confirm' ? `/contracts/${outcome.contractId}?done=withdrawn` : '/' }),
    },
    formData,
    returnTo(formData),
  );
}

export async function withdrawCancellationAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'customer.withdrawCancellation',
      guard: customerWriter,
      input: (fields) => ({ noticeId: firstField(fields.noticeId) }),
      schema: withdrawCancellationSchema,
      run: (db, actor, input, now) => withdrawCancellation(db, actor, input, { now, mode: 'confirm' }),
      next: (outcome) => ({ redirect: outcome.mode === 'confirm' ? `/contracts/${outcome.contractId}?done=withdrawn` : '/' }),
    },
    formData,
    returnTo(formData),
  );
}

