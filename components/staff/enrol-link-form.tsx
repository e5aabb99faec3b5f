'use client';

import { useActionState } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { Refusal } from '@/components/ui/refusal';
import { enrolByLinkAction } from '@/lib/auth/enrol-actions';
import { firstField, initialFormState } from '@/lib/form-state';

/** The recovery codes of an enrolment's answer, if it is one. */
function recoveryCodesOf(preview: unknown): string[] | null {
  const codes = (preview as { recoveryCodes?: unknown } | null | undefined)?.recoveryCodes;
  return Array.isArray(codes) && codes.every((c) => typeof c === 'string') ? codes : null;
}

/** A new staff member's password and authenticator, set at once through their enrolment link. */
export function EnrolLinkForm({ token }: { token: string }) {
  const t = useTranslations('onboarding.enrolLink');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(enrolByLinkAction, initialFormState);
  const error = (name: string) => {
    const key = state.fieldErrors?.[name];
    if (!key) return undefined;
    if (key === 'invalid' && name === 'password') return t('errors.passwordShort');
    if (key === 'invalid' && name === 'passwordConfirm') return t('errors.passwordMismatch');
    if (key === 'invalid' && name === 'code') return t('errors.wrong');
    return t(`errors.${key === 'tooLong' ? 'tooLong' : 'required'}`);
  };
  const recoveryCodes = recoveryCodesOf(state.preview);
  if (recoveryCodes) {
    // Done: the recovery codes, shown this once (only their hashes are kept).
    return (
      <div className="space-y-4" data-testid="enrol-done">
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('done')}
        </p>
        <h2 className="text-lg font-semibold">{t('recoveryTitle')}</h2>
        <p className="text-sm text-slate-700">{t('recoveryNote')}</p>
        <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-3 font-mono text-base">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <a href="/login" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t('signIn')}
        </a>
      </div>
    );
  }
  const refusal = state.refusal ?? (state.fieldErrors ? 'fields' : undefined);
  const known = ['link_unknown', 'link_used', 'link_expired', 'wrong', 'passwordTooWeak', 'failed', 'fields'];
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="space-y-4" noValidate data-testid="enrol-link-form">
      {refusal && <Refusal testId="enrol-refusal" message={t(`errors.${known.includes(refusal) ? refusal : 'failed'}`)} errorRef={state.errorRef} t={tAll} />}
      <input type="hidden" name="token" value={token} />
      <Field id="password" label={t('password')} help={t('passwordHelp')} error={error('password')}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" maxLength={200} className={inputClass} />}
      </Field>
      <Field id="passwordConfirm" label={t('passwordConfirm')} error={error('passwordConfirm')}>
        {(props) => <input {...props} name="passwordConfirm" type="password" autoComplete="new-password" maxLength={200} className={inputClass} />}
      </Field>
      <Field id="code" label={t('code')} error={error('code')}>
        {(props) => (
          <input
            {...props}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            defaultValue={firstField(state.fields.code) ?? ''}
            className={`${inputClass} max-w-[10rem] tracking-widest`}
          />
        )}
      </Field>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:bg-slate-400">
        {pending ? t('working') : t('submit')}
      </button>
    </form>
  );
}
