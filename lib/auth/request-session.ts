// The session of this request, read straight from its cookie. Auth.js's `auth()` decrypts the
// token, runs the callbacks and then encrypts a fresh token that a server component or route
// handler cannot even send (two key derivations and two JWE operations per request, about a tenth
// of the server's CPU under load). Here each distinct cookie is decrypted once, with Auth.js's own
// `decode`, and the claims kept in a bounded map. A kept token is still checked for its expiry
// and its sign-in lifetime on every use, and the guard re-reads its user_sessions row on every
// request, so signing out or ending a session takes effect at once as before.
import { decode, type JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { sessionOf, type SessionClaims } from './config';
import { tokenWithinLifetime } from './session-token';

/** Auth.js's cookie names: `__Secure-` on HTTPS. The name is also the key derivation's salt. */
const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
/** Distinct live cookies kept; the oldest is dropped first. About 1 kB each. */
const KEPT = 5_000;
const kept = new Map<string, JWT>();

function usable(token: JWT, now: number): boolean {
  return (typeof token.exp !== 'number' || token.exp * 1000 > now) && tokenWithinLifetime(token, now);
}

/** The claims of a session cookie; null when it is missing, forged, expired or past its sign-in's lifetime. */
export async function sessionOfCookie(name: string, value: string, secret: string, now = Date.now()): Promise<SessionClaims | null> {
  const key = `${name}=${value}`;
  let token = kept.get(key);
  if (!token) {
    const fresh = await decode({ token: value, secret, salt: name }).catch(() => null);
    if (!fresh) return null;
    token = fresh;
    kept.set(key, token);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  return usable(token, now) ? sessionOf(token) : null;
}

/** The session claims of the current request (server components, route handlers, actions). */
export async function requestSession(): Promise<SessionClaims | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const value = jar.get(name)?.value;
    if (value) return sessionOfCookie(name, value, secret);
  }
  return null;
}
