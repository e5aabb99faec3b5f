'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Refusal } from '@/components/ui/refusal';
import { login } from '@/lib/auth/actions';
import { firstField, initialFormState } from '@/lib/form-state';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('login');
  const [state, action, pending] = useActionState(login, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {state.refusal && <Refusal testId="login-error" message={t(state.refusal)} errorRef={state.errorRef} />}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={firstField(state.fields.email)}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="totp" className="block text-sm font-medium text-slate-800">
          {t('totp')}
        </label>
        <input
          id="totp"
          name="totp"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          aria-describedby="totp-help"
          className="mt-1 block w-40 rounded-md border border-slate-400 px-3 py-2 tracking-widest"
        />
        <p id="totp-help" className="mt-1 text-xs text-slate-600">
          {t('totpHelp')}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:bg-slate-400"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
