// What the session token (the Auth.js JWT) carries about its sign-in, and the checks that need no
// database: used by the Auth.js callbacks (lib/auth/config.ts) and by lib/auth/sessions.ts.
import { createHash, randomBytes } from 'node:crypto';

/** Absolute lifetime of a sign-in, customers and staff alike: counted from sign-in, never extended. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** Staff are signed out after this long without a request. */
export const STAFF_IDLE_MS = 60 * 60 * 1000;
/** last_seen_at moves at most this often, so a busy page does not write on every request. */
export const LAST_SEEN_STEP_MS = 60 * 1000;

/** A new random secret for the token; the database keeps only its hash. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The session row's id for a token's secret. */
export function sessionIdOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Whether a token is still inside its absolute lifetime. Auth.js re-issues the token on every
 * session read with a fresh `iat` and `exp`, so neither says when the user signed in: the token
 * carries its own `signedInAt` (set once, at sign-in). A token without one predates sessions.
 */
export function tokenWithinLifetime(token: { signedInAt?: unknown; sid?: unknown }, now: number): boolean {
  if (typeof token.sid !== 'string' || typeof token.signedInAt !== 'number') return false;
  return now >= token.signedInAt - 60_000 && now < token.signedInAt + SESSION_LIFETIME_MS;
}

/** Seconds the token may still live: its `exp` never reaches past the end of the sign-in. */
export function remainingLifetimeSeconds(token: { signedInAt?: unknown }, now: number): number {
  if (typeof token.signedInAt !== 'number') return 0;
  return Math.max(0, Math.floor((token.signedInAt + SESSION_LIFETIME_MS - now) / 1000));
}
