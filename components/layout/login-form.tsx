'use client';

import { useActionState } from 'react';
import { RefusalBox } from '@/components/ui/refusal-box';
import { login } from '@/lib/auth/actions';
import { firstField, initialFormState } from '@/lib/form-state';

/** The login form's wording, translated by the page (so the browser loads no translation runtime). */
export interface LoginText {
  email: string;
  password: string;
  totp: string;
  totpHelp: string;
  submit: string;
  submitting: string;
  /** By refusal: invalid, throttled, missing, failed. */
  refusals: Record<string, string>;
  /** errors.reference with `{ref}` left in, for the logged error's reference. */
  reference: string;
}

export function LoginForm({ callbackUrl, text }: { callbackUrl?: string; text: LoginText }) {
  const [state, action, pending] = useActionState(login, initialFormState);
  const t = (key: Exclude<keyof LoginText, 'refusals' | 'reference'>) => text[key];
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {state.refusal && (
        <RefusalBox
          testId="login-error"
          message={text.refusals[state.refusal] ?? text.refusals.failed!}
          reference={state.errorRef ? text.reference.replace('{ref}', state.errorRef) : undefined}
        />
      )}
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
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={12}
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
