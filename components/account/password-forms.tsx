'use client';

import { useActionState } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Refusal } from '@/components/ui/refusal';
import { firstField, initialFormState } from '@/lib/form-state';
import { changePasswordAction, requestPasswordResetAction, resetPasswordAction } from '@/lib/users/actions';

function useForm(action: typeof changePasswordAction) {
  const t = useTranslations('account');
  const tAll = useTranslations();
  const [state, run, pending] = useActionState(action, initialFormState);
  const error = (field: string) => (state.fieldErrors?.[field] ? t(`fieldErrors.${state.fieldErrors[field]}`) : undefined);
  const refusal = state.refusal && <Refusal message={t(`refusals.${state.refusal}`)} errorRef={state.errorRef} t={tAll} />;
  return { t, state, run, pending, error, refusal };
}

/** The account page's password change: current password, new password twice. */
export function ChangePasswordForm() {
  const { t, state, run, pending, error, refusal } = useForm(changePasswordAction);
  return (
    <form key={state.nonce ?? 'initial'} action={run} className="space-y-4" noValidate data-testid="password-form">
      {refusal}
      <Field id="currentPassword" label={t('currentPassword')} error={error('currentPassword')}>
        {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" className={inputClass} />}
      </Field>
      <Field id="password" label={t('newPassword')} help={t('passwordHelp')} error={error('password')}>
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field id="passwordConfirm" label={t('newPasswordConfirm')} error={error('passwordConfirm')}>
        {(p) => <input {...p} name="passwordConfirm" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('changePassword')}
      </Button>
    </form>
  );
}

/** "Forgot your password?": the e-mail address only. */
export function ResetRequestForm() {
  const { t, state, run, pending, error, refusal } = useForm(requestPasswordResetAction);
  return (
    <form key={state.nonce ?? 'initial'} action={run} className="space-y-4" noValidate>
      {refusal}
      <Field id="email" label={t('reset.email')} error={error('email')}>
        {(p) => <input {...p} name="email" type="email" autoComplete="username" defaultValue={firstField(state.fields.email)} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('reset.sending') : t('reset.send')}
      </Button>
    </form>
  );
}

/** The reset link's page: the new password twice. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t, state, run, pending, error, refusal } = useForm(resetPasswordAction);
  return (
    <form key={state.nonce ?? 'initial'} action={run} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {refusal}
      <Field id="password" label={t('newPassword')} help={t('passwordHelp')} error={error('password')}>
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field id="passwordConfirm" label={t('newPasswordConfirm')} error={error('passwordConfirm')}>
        {(p) => <input {...p} name="passwordConfirm" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('saving') : t('reset.submit')}
      </Button>
    </form>
  );
}
