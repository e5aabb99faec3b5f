import type { DefaultSession } from 'next-auth';

type Kind = 'customer' | 'staff';
type Role = 'admin' | 'viewer' | 'support' | 'operator';

declare module 'next-auth' {
  interface User {
    kind: Kind;
    role: Role;
    customerId?: string | null;
  }
  interface Session {
    user: { id: string; kind: Kind; role: Role; customerId: string | null } & DefaultSession['user'];
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid: string;
    kind: Kind;
    role: Role;
    customerId: string | null;
  }
}
