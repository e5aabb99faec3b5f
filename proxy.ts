// Optimistic redirects only (signed-out visitors go to /login). Every page, action and route
// handler still calls its guard in lib/auth/guard.ts: this file is never the only check.
import NextAuth from 'next-auth';
import { authConfig } from '@/lib/auth/config';

const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  // /logout is left out: the proxy re-issues the session cookie on each request it sees, and on
  // the sign-out request that cookie would outlive the sign-out. The page guards itself.
  matcher: ['/((?!api/auth|logout|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
