// One-time links (an invitation, a password reset, a staff enrolment): a random token in the link,
// only its SHA-256 in the database, so the table alone opens nothing.
import { createHash, randomBytes } from 'node:crypto';

export function newOneTimeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The portal's own address for links in messages: PORTAL_URL, or the local default. */
export function portalUrl(path: string): string {
  const base = (process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** How long each kind of link stays valid. */
export const INVITATION_LIFETIME_MS = 72 * 60 * 60 * 1000;
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;
export const STAFF_ENROLMENT_LIFETIME_MS = 72 * 60 * 60 * 1000;
