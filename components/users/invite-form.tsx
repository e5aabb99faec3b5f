'use client';

import { useActionState } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Refusal } from '@/components/ui/refusal';
import { firstField, initialFormState } from '@/lib/form-state';
import { inviteUserAction } from '@/lib/users/actions';

const ROLES = ['viewer', 'billing', 'admin'] as const;

/** Invite by e-mail: address, name, role, language of the e-mail. Keeps what was typed on a refusal. */
export function InviteForm({ defaultLocale }: { defaultLocale: 'ja' | 'en' }) {
  const t = useTranslations('users');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(inviteUserAction, initialFormState);
  const value = (name: string) => firstField(state.fields[name]);
  const error = (name: string) => (state.fieldErrors?.[name] ? t(`fieldErrors.${state.fieldErrors[name]}`) : undefined);
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="grid gap-4 sm:grid-cols-2" noValidate data-testid="invite-form">
      {state.refusal && <Refusal className="sm:col-span-2" message={t(`refusals.${state.refusal}`)} errorRef={state.errorRef} t={tAll} />}
      <Field id="invite-email" label={t('email')} error={error('email')}>
        {(p) => <input {...p} name="email" type="email" autoComplete="off" defaultValue={value('email')} className={inputClass} />}
      </Field>
      <Field id="invite-name" label={t('name')} error={error('name')}>
        {(p) => <input {...p} name="name" type="text" autoComplete="off" defaultValue={value('name')} className={inputClass} />}
      </Field>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">{t('role')}</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-3">
          {ROLES.map((role) => (
            <label key={role} className="flex gap-2 rounded-md border border-slate-300 bg-white p-2 text-sm">
              <input type="radio" name="role" value={role} defaultChecked={(value('role') ?? 'viewer') === role} />
              <span>
                <span className="block font-medium">{tAll(`roles.${role}`)}</span>
                <span className="block text-xs text-slate-600">{t(`roleHelp.${role}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="invite-locale" label={t('language')} error={error('locale')}>
        {(p) => (
          <select {...p} name="locale" defaultValue={value('locale') ?? defaultLocale} className={inputClass}>
            <option value="ja">{t('languages.ja')}</option>
            <option value="en">{t('languages.en')}</option>
          </select>
        )}
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={pending}>
          {pending ? t('sending') : t('invite')}
        </Button>
      </div>
    </form>
  );
}
