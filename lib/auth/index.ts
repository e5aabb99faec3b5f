import { refused } from '@/lib/result';
import { logWarning } from '@/lib/log';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { signInRequests } from './bulkhead';
import { clientAddress, trustedProxyHops } from './client-address';
import { authConfig } from './config';
import { sessionIdOf } from './session-token';
import { endSession, startSession } from './sessions';
import { gateCredentialsPost } from './sign-in-gate';
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
 * The address the per-address sign-in limit counts: the socket's peer (set by the server entry in
 * `x-smarthub-peer`), or behind TRUSTED_PROXY_HOPS proxies the address the outermost of them saw
 * (lib/auth/client-address.ts). Never an address the client alone chose.
 */
export function clientIp(headers: Headers): string {
  return clientAddress(headers, trustedProxyHops());
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace in the log.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      logWarning('auth', `${error.name}: ${error.message}`);
    },
  },
  events: {
    // Sign-out through Auth.js's own route ends the row too (the logout action ends it first).
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endSession(await getDb(), sessionIdOf(sid), 'sign_out');
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, totp: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const result = await verifyCredentials(db, { ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok) {
          if (result.reason === 'throttled') throw new ThrottledSignIn();
          return null;
        }
        const { user } = result;
        const session = await startSession(db, user);
        return {
          id: user.id,
          name: user.name,
          email: user.email,
          kind: user.kind,
          role: user.role,
          customerId: user.kind === 'customer' ? user.customerId : null,
          sessionSecret: session.secret,
          signedInAt: session.signedInAt.getTime(),
        };
      },
    }),
  ],
});

/** Auth.js's route handlers, its credentials sign-in held by the sign-in bulkhead like the login form's. */
export const authRoutes = { GET: handlers.GET, POST: gateCredentialsPost(handlers.POST) };

/**
 * Signs in with e-mail, password and (staff) code, through the sign-in bulkhead (a burst beyond
 * it is answered "throttled" at once, uncounted). A wrong one or a throttled account is a
 * refusal; success throws Next's redirect to `redirectTo`; anything else is thrown on.
 */
export async function signInWithPassword(input: { email: string; password: string; totp?: string; redirectTo: string }) {
  try {
    const answered = await signInRequests.run(() =>
      signIn('credentials', { email: input.email, password: input.password, totp: input.totp ?? '', redirectTo: input.redirectTo }),
    );
    return answered.ok ? { ok: true as const } : refused('throttled');
  } catch (error) {
    if (error instanceof CredentialsSignin) return refused(error.code === 'throttled' ? 'throttled' : 'invalid');
    throw error;
  }
}
