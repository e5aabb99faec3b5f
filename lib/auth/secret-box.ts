// Authenticator secrets at rest: AES-256-GCM (node:crypto) with a key from the environment
// (TOTP_ENCRYPTION_KEY, base64 of 32 bytes). A stored value is `v1:<iv>.<tag>.<ciphertext>`
// (base64url), so the database alone never holds a usable secret. On the embedded default the key
// is generated once beside the data (scripts/start.mjs); with DATABASE_URL it must be set.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1:';
const IV_BYTES = 12;

let cached: { raw: string; key: Buffer } | undefined;

/** The key, read (and checked) from the environment; a clear error when it is missing or malformed. */
export function totpEncryptionKey(env: Record<string, string | undefined> = process.env): Buffer {
  const raw = env.TOTP_ENCRYPTION_KEY?.trim();
  if (!raw) throw new Error('TOTP_ENCRYPTION_KEY is not set: it must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).');
  if (cached?.raw === raw) return cached.key;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('TOTP_ENCRYPTION_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).');
  cached = { raw, key };
  return key;
}

/** Whether a stored value is sealed (as opposed to a plain secret written before sealing existed). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** Encrypts a secret for storage. */
export function sealSecret(plain: string, key: Buffer = totpEncryptionKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
}

/** Decrypts a stored secret; throws when it is not sealed, or was sealed with another key or altered. */
export function openSecret(stored: string, key: Buffer = totpEncryptionKey()): string {
  if (!isSealed(stored)) throw new Error('secret-box: the value is not sealed');
  const [iv, tag, body] = stored.slice(PREFIX.length).split('.');
  if (!iv || !tag || body === undefined) throw new Error('secret-box: malformed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
