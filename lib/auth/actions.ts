'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from './index';

export type LoginState = { error?: 'invalid' | 'throttled' | 'missing' | 'failed'; email?: string };

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

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({
    email: formData.get('email') ?? '',
    password: formData.get('password') ?? '',
    totp: formData.get('totp') ?? undefined,
    callbackUrl: formData.get('callbackUrl') ?? undefined,
  });
  const email = String(formData.get('email') ?? '').slice(0, 320);
  if (!parsed.success) return { error: 'missing', email };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      totp: parsed.data.totp ?? '',
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: error.code === 'throttled' ? 'throttled' : 'invalid', email };
    }
    if (error instanceof AuthError) {
      console.error('[auth] sign-in failed', error.type);
      return { error: 'failed', email };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function logout(): Promise<void> {
  await signOut({ redirectTo: '/login?signedOut=1' });
}
