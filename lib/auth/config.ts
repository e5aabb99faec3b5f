import type { NextAuthConfig } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { remainingLifetimeSeconds, SESSION_LIFETIME_MS, sessionIdOf, tokenWithinLifetime } from './session-token';

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
      session.user.id = token.uid;
      session.user.kind = token.kind;
      session.user.role = token.role;
      session.user.customerId = token.customerId;
      // The row's id (a hash), never the token's secret: this object is also sent to the browser.
      session.sessionId = typeof token.sid === 'string' ? sessionIdOf(token.sid) : null;
      return session;
    },
  },
} satisfies NextAuthConfig;
