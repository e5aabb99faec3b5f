'use client';

import { useActionState } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Refusal } from '@/components/ui/refusal';
import { initialFormState } from '@/lib/form-state';
import { enableSecondFactorAction, removeSecondFactorAction } from '@/lib/users/actions';

/** Confirms the key shown with a current code from the app. */
export function EnableSecondFactorForm({ secret }: { secret: string }) {
  const t = useTranslations('account');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(enableSecondFactorAction, initialFormState);
  const codeError = state.fieldErrors?.code ? t(`fieldErrors.${state.fieldErrors.code}`) : undefined;
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="secret" value={secret} />
      {(state.refusal || state.fieldErrors?.secret) && (
        <Refusal message={t(`refusals.${state.refusal ?? 'invalid'}`)} errorRef={state.errorRef} t={tAll} />
      )}
      <Field id="code" label={t('code')} error={codeError}>
        {(p) => <input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} className={`${inputClass} max-w-40 tracking-widest`} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('confirm')}
      </Button>
    </form>
  );
}

/** Turns the second factor off with the current password. */
export function RemoveSecondFactorForm() {
  const t = useTranslations('account');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(removeSecondFactorAction, initialFormState);
  const error = state.fieldErrors?.password ? t(`fieldErrors.${state.fieldErrors.password}`) : undefined;
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="space-y-3" noValidate>
      {state.refusal && <Refusal message={t(`refusals.${state.refusal}`)} errorRef={state.errorRef} t={tAll} />}
      <p className="text-sm text-slate-700">{t('removeIntro')}</p>
      <Field id="remove-password" label={t('password')} error={error}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" className={`${inputClass} max-w-sm`} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('remove')}
      </Button>
    </form>
  );
}
