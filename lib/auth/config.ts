import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the Auth.js configuration that needs no database: used by proxy.ts (which makes
 * its own optimistic redirect) and extended with the credentials provider in lib/auth/index.ts.
 */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
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
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid;
      session.user.kind = token.kind;
      session.user.role = token.role;
      session.user.customerId = token.customerId;
      return session;
    },
  },
} satisfies NextAuthConfig;
