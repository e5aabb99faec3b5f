'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { startImpersonationAction, type SupportFormState } from '@/lib/support/actions';

export function StartSupportForm({ customerId }: { customerId: string }) {
  const t = useTranslations('support');
  const [state, action, pending] = useActionState<SupportFormState, FormData>(startImpersonationAction, {});
  return (
    <form key={JSON.stringify(state.fields ?? {})} action={action} className="max-w-xl space-y-4" noValidate>
      {state.error && (
        <p data-testid="refusal" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t(`errors.${state.error}`)}
        </p>
      )}
      <input type="hidden" name="customerId" value={customerId} />
      <div>
        <label htmlFor="reason" className="block text-sm font-medium text-slate-800">
          {t('reason')}
        </label>
        <textarea id="reason" name="reason" rows={2} maxLength={500} defaultValue={state.fields?.reason} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="ticket" className="block text-sm font-medium text-slate-800">
          {t('ticket')}
        </label>
        <input id="ticket" name="ticket" maxLength={50} defaultValue={state.fields?.ticket} className="mt-1 block w-60 rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t('start')}
      </button>
    </form>
  );
}
