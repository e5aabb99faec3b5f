// What the API keys page and its client form share: pure, so client components may import it.

/** As db/schema/api-keys.ts: read everything, or also change contracts. */
export type ApiKeyScope = 'read' | 'read_write';
export const API_KEY_SCOPES = ['read', 'read_write'] as const satisfies readonly ApiKeyScope[];

/** The page of a customer's API keys (admins). */
export const API_KEYS_PATH = '/api-keys';

/** The lifetimes a new key may be given, in days from its creation; the first year is the most. */
export const API_KEY_EXPIRY_DAYS = [30, 90, 180, 365] as const;
export const API_KEY_DEFAULT_EXPIRY_DAYS = 90;
export const API_KEY_NAME_MAX = 80;

/** A key's state as the page shows it: revoked first, then expired, then its creator deactivated. */
export type ApiKeyStatus = 'active' | 'expired' | 'revoked' | 'creator_deactivated';

export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date; creatorDeactivatedAt: Date | null }, now: Date): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (key.creatorDeactivatedAt) return 'creator_deactivated';
  return 'active';
}

/** What the create form shows once, right after the key was made: the whole key is never shown again. */
export interface NewApiKeyShown {
  key: string;
  name: string;
  prefix: string;
}
