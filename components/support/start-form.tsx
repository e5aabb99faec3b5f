'use client';

import { useTranslations } from '@/components/layout/translations';
import { useActionState } from 'react';
import { Refusal } from '@/components/ui/refusal';
import { firstField, initialFormState } from '@/lib/form-state';
import { startImpersonationAction } from '@/lib/support/actions';

export function StartSupportForm({ customerId }: { customerId: string }) {
  const t = useTranslations('support');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(startImpersonationAction, initialFormState);
  // A field left blank or too long: one message naming both fields.
  const error = state.refusal ?? (state.fieldErrors ? 'invalid' : undefined);
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="max-w-xl space-y-4" noValidate>
      {error && <Refusal message={t(`errors.${error}`)} errorRef={state.errorRef} t={tAll} />}
      <input type="hidden" name="customerId" value={customerId} />
      <div>
        <label htmlFor="reason" className="block text-sm font-medium text-slate-800">
          {t('reason')}
        </label>
        <textarea id="reason" name="reason" rows={2} maxLength={500} defaultValue={firstField(state.fields.reason)} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="ticket" className="block text-sm font-medium text-slate-800">
          {t('ticket')}
        </label>
        <input id="ticket" name="ticket" maxLength={50} defaultValue={firstField(state.fields.ticket)} className="mt-1 block w-60 rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t('start')}
      </button>
    </form>
  );
}
