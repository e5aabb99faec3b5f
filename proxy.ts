// Optimistic redirects only (signed-out visitors go to /login), and the path of each request
// passed on for the audit of support access. Every page, action and route handler still calls
// its guard in lib/auth/guard.ts: this file is never the only check.
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';

const { auth } = NextAuth(authConfig);

const PUBLIC = ['/login'];

export const proxy = auth((request) => {
  const path = request.nextUrl.pathname;
  if (!request.auth?.user && !PUBLIC.includes(path)) {
    const login = new URL('/login', request.nextUrl.origin);
    login.searchParams.set('callbackUrl', path + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set('x-smarthub-path', path);
  return NextResponse.next({ request: { headers } });
});

export const config = {
  // /logout is left out: the proxy re-issues the session cookie on each request it sees, and on
  // the sign-out request that cookie would outlive the sign-out. The page guards itself.
  matcher: ['/((?!api/auth|logout|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
