'use server';

// The customer's SLA claim, through the one pipeline (lib/action.ts): a plain form that works
// without JavaScript; the answer is the SLA page with a notice.
import { runButtonAction } from '@/lib/action';
import { requireCustomer } from '@/lib/auth/guard';
import { firstField, readForm } from '@/lib/form-state';
import { claimCredit } from './claims';
import { claimSchema } from './schemas';

/** Where the form came from: only a contract's SLA page is accepted. */
function returnTo(formData: FormData): string {
  const back = firstField(readForm(formData).returnTo);
  return back && /^\/contracts\/[0-9a-f-]{36}\/sla$/.test(back) ? back : '/';
}

export async function claimCreditAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'customer.slaClaim',
      guard: () => requireCustomer({ claim: true }),
      input: (fields) => ({ outageId: firstField(fields.outageId), kind: firstField(fields.kind), comment: firstField(fields.comment) }),
      schema: claimSchema,
      run: (db, actor, input, now) => claimCredit(db, actor, input, { now, mode: 'confirm' }),
      next: (outcome) => ({ redirect: outcome.mode === 'confirm' ? `/contracts/${outcome.contractId}/sla?done=claimed` : '/' }),
    },
    formData,
    returnTo(formData),
  );
}
