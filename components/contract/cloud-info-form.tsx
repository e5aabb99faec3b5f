'use client';

import { useTranslations } from '@/components/layout/translations';
import { useActionState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { Refusal } from '@/components/ui/refusal';
import { updateCloudInfoAction } from '@/lib/contracts/actions';
import { initialFormState } from '@/lib/form-state';

export function CloudInfoForm({
  optionId,
  cloudAccountId,
  cloudConnectionKey,
}: {
  optionId: string;
  cloudAccountId: string;
  cloudConnectionKey: string;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(updateCloudInfoAction, initialFormState);
  const value = (name: string, fallback: string) => (state.fields[name] as string | undefined) ?? fallback;
  const error = (name: string) => (state.fieldErrors?.[name] ? t(`form.fieldErrors.${state.fieldErrors[name]}`) : undefined);
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="max-w-xl space-y-4" noValidate>
      {state.refusal && <Refusal message={t(`form.refusals.${state.refusal}`)} errorRef={state.errorRef} t={t} />}
      <input type="hidden" name="optionId" value={optionId} />
      <Field id="cloudAccountId" label={t('form.cloudAccountId')} error={error('cloudAccountId')}>
        {(props) => (
          <input {...props} name="cloudAccountId" maxLength={100} defaultValue={value('cloudAccountId', cloudAccountId)} className={inputClass} />
        )}
      </Field>
      <Field id="cloudConnectionKey" label={t('form.cloudConnectionKey')} error={error('cloudConnectionKey')}>
        {(props) => (
          <input
            {...props}
            name="cloudConnectionKey"
            maxLength={200}
            defaultValue={value('cloudConnectionKey', cloudConnectionKey)}
            className={inputClass}
          />
        )}
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:bg-slate-400"
      >
        {pending ? t('form.working') : t('cloudInfo.save')}
      </button>
    </form>
  );
}
