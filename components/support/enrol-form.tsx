'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { confirmEnrolmentAction, type EnrolState } from '@/lib/auth/enrol-actions';

export function EnrolForm() {
  const t = useTranslations('enrol');
  const [state, action, pending] = useActionState<EnrolState, FormData>(confirmEnrolmentAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.error && (
        <p data-testid="refusal" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t('wrong')}
        </p>
      )}
      <label htmlFor="code" className="block text-sm font-medium text-slate-800">
        {t('code')}
      </label>
      <input
        id="code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="block w-40 rounded-md border border-slate-400 px-3 py-2 tracking-widest"
      />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t('submit')}
      </button>
    </form>
  );
}
