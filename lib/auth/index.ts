import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { authConfig } from './config';
import { verifyCredentials } from './sign-in';

/** Raised to the login form when an account or address is throttled. */
class ThrottledSignIn extends CredentialsSignin {
  override code = 'throttled';
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  totp: z.string().max(12).optional(),
});

/**
 * The address used for the per-address sign-in limit: the last X-Forwarded-For entry, the one
 * the nearest proxy appended (earlier entries are whatever the client sent). Deploy behind a
 * proxy that appends it; without one a client can choose its address, and only the per-account
 * limit holds.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || headers.get('x-real-ip') || 'unknown';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace in the log.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, totp: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials(await getDb(), { ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok) {
          if (result.reason === 'throttled') throw new ThrottledSignIn();
          return null;
        }
        const { user } = result;
        return {
          id: user.id,
          name: user.name,
          email: user.email,
          kind: user.kind,
          role: user.role,
          customerId: user.kind === 'customer' ? user.customerId : null,
        };
      },
    }),
  ],
});
