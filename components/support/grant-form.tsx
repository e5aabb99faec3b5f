'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { grantSupportAccessAction, type SupportFormState } from '@/lib/support/actions';

export function GrantForm() {
  const t = useTranslations('grant');
  const [state, action, pending] = useActionState<SupportFormState, FormData>(grantSupportAccessAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      {state.error && (
        <p data-testid="refusal" role="alert" className="w-full rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t(`errors.${state.error}`)}
        </p>
      )}
      <div>
        <label htmlFor="days" className="block text-sm font-medium text-slate-800">
          {t('days')}
        </label>
        <input
          id="days"
          name="days"
          type="number"
          min={1}
          max={30}
          defaultValue={state.fields?.days ?? '7'}
          className="mt-1 block w-28 rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t('grant')}
      </button>
    </form>
  );
}
