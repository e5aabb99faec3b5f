// Optimistic redirects only: a visitor without a session cookie goes to /login. The path of each
// request is passed on for the audit of support access. Every page, action and route handler
// still checks the session itself through lib/auth/guard.ts: this file is never the only check.
//
// It reads no session on purpose: decoding it here would re-issue the session cookie on every
// request, and a request already in flight when the user signs out would bring the cookie back.
import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/security-headers';

const PUBLIC = ['/login', '/reset-password', '/healthz', '/readyz'];
/**
 * One-time links opened without a session: an invitation, a password reset (from e-mails), a new
 * staff member's enrolment; Auth.js's own endpoints and the public API, which checks its keys itself
 * (here only for the headers and the body limit).
 */
const PUBLIC_PREFIXES = ['/invitation/', '/reset-password/', '/staff/enrol/', '/api/auth/', '/api/v1/'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

/** No form of the portal sends more than this; a larger body is refused before any page or action runs. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A short answer in both languages, for requests refused before the app (and its language) is reached. */
function plain(status: number, en: string, ja: string) {
  return new NextResponse(`${en}\n${ja}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Every answer, the proxy's own included, carries the security headers (lib/security-headers.ts). */
export function proxy(request: NextRequest) {
  const security = securityHeaders();
  return security.apply(route(request, security.forward));
}

function route(request: NextRequest, forward: (headers: Headers) => Headers) {
  const path = request.nextUrl.pathname;
  // A malformed escape names no page of ours (it would otherwise fail deep in the router with a 500).
  if (!decodable(path)) return plain(404, 'Not found. Nothing was changed.', 'ページが見つかりません。何も変更していません。');
  const length = Number(request.headers.get('content-length') ?? '0');
  const sendsBody = request.method !== 'GET' && request.method !== 'HEAD';
  if (sendsBody && Number.isFinite(length) && length > MAX_BODY_BYTES) {
    return plain(413, 'What was sent is too large. Nothing was changed.', '送信された内容が大きすぎます。何も変更していません。');
  }
  // A body without a length (chunked) could not be measured here, and Next's own limit on an
  // action's body answers 500. Browsers always say the length of a form post.
  if (sendsBody && !request.headers.has('content-length') && request.headers.has('transfer-encoding')) {
    return plain(411, 'What was sent did not say its length. Nothing was changed.', '送信された内容の長さが指定されていません。何も変更していません。');
  }
  const isPublic = PUBLIC.includes(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));
  if (!isPublic && !hasSessionCookie(request)) {
    const login = new URL('/login', request.nextUrl.origin);
    login.searchParams.set('callbackUrl', path + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set('x-smarthub-path', path);
  return NextResponse.next({ request: { headers: forward(headers) } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
