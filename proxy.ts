// Optimistic redirects only: a visitor without a session cookie goes to /login. The path of each
// request is passed on for the audit of support access. Every page, action and route handler
// still checks the session itself through lib/auth/guard.ts: this file is never the only check.
//
// It reads no session on purpose: decoding it here would re-issue the session cookie on every
// request, and a request already in flight when the user signs out would bring the cookie back.
import { NextResponse, type NextRequest } from 'next/server';

const PUBLIC = ['/login', '/reset-password'];
/** One-time links opened without a session: an invitation, a password reset (from e-mails), a new staff member's enrolment. */
const PUBLIC_PREFIXES = ['/invitation/', '/reset-password/', '/staff/enrol/'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const isPublic = PUBLIC.includes(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));
  if (!isPublic && !hasSessionCookie(request)) {
    const login = new URL('/login', request.nextUrl.origin);
    login.searchParams.set('callbackUrl', path + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set('x-smarthub-path', path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
