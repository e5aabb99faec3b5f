'use client';

import { useActionState } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Refusal } from '@/components/ui/refusal';
import { firstField, initialFormState } from '@/lib/form-state';
import { acceptInvitationAction } from '@/lib/users/actions';

/** Accepting an invitation: name (prefilled), password twice, language. Passwords are never sent back. */
export function AcceptForm({ token, name, locale }: { token: string; name: string; locale: 'ja' | 'en' }) {
  const t = useTranslations('users.invitation');
  const tAccount = useTranslations('account');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(acceptInvitationAction, initialFormState);
  const value = (field: string) => firstField(state.fields[field]);
  const error = (field: string) => (state.fieldErrors?.[field] ? tAccount(`fieldErrors.${state.fieldErrors[field]}`) : undefined);
  const passwordRefused = state.refusal?.startsWith('password');
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.refusal && <Refusal message={tAccount(`refusals.${state.refusal}`)} errorRef={state.errorRef} t={tAll} />}
      <Field id="name" label={t('name')} error={error('name')}>
        {(p) => <input {...p} name="name" type="text" autoComplete="name" defaultValue={value('name') ?? name} className={inputClass} />}
      </Field>
      <Field id="password" label={t('password')} help={t('passwordHelp')} error={error('password')}>
        {(p) => <input {...p} aria-invalid={p['aria-invalid'] ?? (passwordRefused || undefined)} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field id="passwordConfirm" label={t('passwordConfirm')} error={error('passwordConfirm')}>
        {(p) => <input {...p} name="passwordConfirm" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field id="locale" label={t('language')}>
        {(p) => (
          <select {...p} name="locale" defaultValue={value('locale') ?? locale} className={inputClass}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        )}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
