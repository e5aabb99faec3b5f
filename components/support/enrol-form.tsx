'use client';

import { useTranslations } from '@/components/layout/translations';
import { useActionState } from 'react';
import { Refusal } from '@/components/ui/refusal';
import { confirmEnrolmentAction } from '@/lib/auth/enrol-actions';
import { initialFormState } from '@/lib/form-state';

export function EnrolForm() {
  const t = useTranslations('enrol');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(confirmEnrolmentAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.refusal && <Refusal message={state.refusal === 'failed' ? t('failed') : t('wrong')} errorRef={state.errorRef} t={tAll} />}
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
