import type { NextAuthConfig, Session } from 'next-auth';
import { encode, type JWT } from 'next-auth/jwt';
import { remainingLifetimeSeconds, SESSION_LIFETIME_MS, sessionIdOf, tokenWithinLifetime } from './session-token';

/** What a request's session says about its user: the part of the Auth.js session the guard reads. */
export type SessionClaims = Pick<Session, 'sessionId'> & { user: Pick<Session['user'], 'id' | 'kind' | 'role' | 'customerId'> };

/** The session of a token: the row's id (a hash), never the token's secret, since this is also sent to the browser. */
export function sessionOf(token: JWT): SessionClaims {
  return {
    user: { id: token.uid, kind: token.kind, role: token.role, customerId: token.customerId },
    sessionId: typeof token.sid === 'string' ? sessionIdOf(token.sid) : null,
  };
}

/**
 * The part of the Auth.js configuration that needs no database; lib/auth/index.ts adds the
 * credentials provider and the sign-out event.
 *
 * The token is only a pointer to a user_sessions row (lib/auth/sessions.ts), which the guard
 * re-reads on every request. Auth.js re-issues the token on every session read with a fresh
 * `iat` and `exp` (@auth/core lib/actions/session.js), so the token itself also carries the
 * time of sign-in, and is refused 8 hours after it however often it was refreshed.
 */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_LIFETIME_MS / 1000 },
  jwt: {
    // A re-issued token never lives past the end of its sign-in.
    encode: (params) => encode({ ...params, maxAge: remainingLifetimeSeconds(params.token ?? {}, Date.now()) }),
  },
  trustHost: true,
  // Auth.js would choose secure cookies from the request's scheme, which X-Forwarded-Proto can
  // claim to be http. A production server always sets them `Secure` (and `__Secure-`/`__Host-`
  // named); browsers still accept them on http://localhost, where the browser tests run.
  useSecureCookies: process.env.NODE_ENV === 'production',
  providers: [],
  callbacks: {
    jwt({ token, user, trigger }) {
      // Only the sign-in itself sets identity; data sent through `update()` is never trusted.
      if (trigger === 'signIn' && user) {
        token.uid = user.id as string;
        token.kind = user.kind;
        token.role = user.role;
        token.customerId = user.customerId ?? null;
        token.sid = user.sessionSecret;
        token.signedInAt = user.signedInAt;
      }
      // null: Auth.js clears the session cookie.
      return tokenWithinLifetime(token, Date.now()) ? token : null;
    },
    session({ session, token }) {
      const claims = sessionOf(token);
      Object.assign(session.user, claims.user);
      session.sessionId = claims.sessionId;
      return session;
    },
  },
} satisfies NextAuthConfig;
