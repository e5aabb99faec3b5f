// The shape of an API key: `shk_<12 characters>_<43 characters>`. The first part (with `shk_`) is
// the key's visible prefix, kept in the clear so a request finds its row and the page can name
// the key; the whole key is 256 random bits, kept only as its SHA-256 (a fast hash is enough for
// a secret nobody chose).
import crypto from 'node:crypto';

const PREFIX_CHARS = 12;
const KEY_PATTERN = /^(shk_[A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  /** The whole key: shown once, never stored. */
  key: string;
  prefix: string;
  secretHash: string;
}

/** SHA-256 (hex) of a whole key: what is stored and compared. */
export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key, its visible prefix and the hash to store. */
export function generateApiKey(): NewApiKey {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.randomBytes(PREFIX_CHARS);
  const prefix = `shk_${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
  const key = `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** The prefix of something that has a key's shape, or null (then no row is looked up). */
export function prefixOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Whether a presented key is the one whose hash is stored (constant time). */
export function keyMatchesHash(key: string, secretHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(secretHash, 'hex');
  return presented.length === stored.length && crypto.timingSafeEqual(presented, stored);
}
