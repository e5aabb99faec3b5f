// What the API keys page reads: always by the customer's id.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { apiKeys, customerUsers } from '@/db/schema';
import { apiKeyStatus, type ApiKeyScope, type ApiKeyStatus } from './types';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: ApiKeyStatus;
}

/** The customer's keys, newest first, with their creator and status as of `now`. Never the hash. */
export async function listApiKeys(db: DbOrTx, customerId: string, now: Date): Promise<ApiKeyRow[]> {
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scope: apiKeys.scope,
      createdAt: apiKeys.createdAt,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdByName: customerUsers.name,
      creatorDeactivatedAt: customerUsers.deactivatedAt,
    })
    .from(apiKeys)
    .innerJoin(customerUsers, and(eq(customerUsers.id, apiKeys.createdBy), eq(customerUsers.customerId, apiKeys.customerId)))
    .where(eq(apiKeys.customerId, customerId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(({ creatorDeactivatedAt, ...row }) => ({ ...row, status: apiKeyStatus({ ...row, creatorDeactivatedAt }, now) }));
}

const auditedKey = z.object({ name: z.string().max(200), prefix: z.string().max(40) });

/** The key an `api_key.*` audit row names, for the Activity page ("deploy (shk_…)"), or null. */
export function auditedApiKey(action: string, detail: unknown): { name: string; prefix: string } | null {
  if (!action.startsWith('api_key.')) return null;
  const parsed = auditedKey.safeParse(detail);
  return parsed.success ? parsed.data : null;
}
