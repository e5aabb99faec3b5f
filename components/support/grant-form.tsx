'use client';

import { useTranslations } from '@/components/layout/translations';
import { useActionState } from 'react';
import { Refusal } from '@/components/ui/refusal';
import { firstField, initialFormState } from '@/lib/form-state';
import { grantSupportAccessAction } from '@/lib/support/actions';

export function GrantForm() {
  const t = useTranslations('grant');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(grantSupportAccessAction, initialFormState);
  const error = state.refusal ?? (state.fieldErrors ? 'invalid' : undefined);
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="flex flex-wrap items-end gap-3" noValidate>
      {error && <Refusal className="w-full" message={t(`errors.${error}`)} errorRef={state.errorRef} t={tAll} />}
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
          defaultValue={firstField(state.fields.days) ?? '7'}
          className="mt-1 block w-28 rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t('grant')}
      </button>
    </form>
  );
}
