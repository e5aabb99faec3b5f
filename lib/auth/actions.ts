'use server';

// Sign-in and sign-out, through the one pipeline (lib/action.ts).
import { z } from 'zod';
import { readForm, runAction, runButtonAction } from '@/lib/action';
import { firstField, type FormState } from '@/lib/form-state';
import { auth, signInWithPassword, signOut } from './index';
import { endSession } from './sessions';


const loginSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  totp: z.string().max(12).optional(),
  callbackUrl: z.string().optional(),
});

/** Only a path on this site: never an absolute or protocol-relative URL (open redirect). */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}

/** Sign-in. A refusal is `invalid` (one answer for a wrong e-mail, password or code), `throttled`, `missing` or `failed`. */
export async function login(_previous: FormState, formData: FormData): Promise<FormState> {
  const all = readForm(formData);
  // The password and code are parsed but never sent back with the form state.
  const { password: _password, totp: _totp, ...kept } = all;
  const state = await runAction(
    {
      scope: 'auth.sign_in',
      guard: async () => null,
      input: () => ({
        email: firstField(all.email) ?? '',
        password: firstField(all.password) ?? '',
        totp: firstField(all.totp),
        callbackUrl: firstField(all.callbackUrl),
      }),
      schema: loginSchema,
      // On success this throws Next's redirect, which the pipeline passes through.
      run: async (_db, _actor, input) => signInWithPassword({ ...input, redirectTo: safeCallback(input.callbackUrl) }),
      next: (_result, input) => ({ redirect: safeCallback(input.callbackUrl) }),
    },
    kept,
  );
  // A blank or overlong field: one message for the whole form (which field is not a secret, but the form is short).
  return state.fieldErrors ? { ...state, fieldErrors: undefined, refusal: 'missing' } : state;
}

/** Ends this sign-in's session row (so every copy of the cookie is refused), then clears the cookie. */
export async function logout(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'auth.sign_out',
      guard: () => auth(),
      schema: z.object({}),
      run: async (db, session, _input, now) => {
        if (session?.sessionId) await endSession(db, session.sessionId, 'sign_out', now);
        await signOut({ redirectTo: '/login?signedOut=1' });
        return { ok: true as const };
      },
      next: () => ({ redirect: '/login?signedOut=1' }),
    },
    formData,
    '/logout',
  );
}
