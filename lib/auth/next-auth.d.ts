import type { DefaultSession } from 'next-auth';

type Kind = 'customer' | 'staff';
type Role = 'admin' | 'viewer' | 'billing' | 'support' | 'operator';

declare module 'next-auth' {
  interface User {
    kind: Kind;
    role: Role;
    customerId?: string | null;
    /** The secret of the session row started at this sign-in (lib/auth/sessions.ts). */
    sessionSecret?: string;
    /** Sign-in time, ms since the epoch. */
    signedInAt?: number;
  }
  interface Session {
    user: { id: string; kind: Kind; role: Role; customerId: string | null } & DefaultSession['user'];
    /** The user_sessions row this request belongs to (the hash of the token's secret). */
    sessionId: string | null;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid: string;
    kind: Kind;
    role: Role;
    customerId: string | null;
    /** The session row's secret; the row's id is its hash. */
    sid?: string;
    /** Sign-in time, ms since the epoch: unlike `iat`, never renewed when the token is re-issued. */
    signedInAt?: number;
  }
}
