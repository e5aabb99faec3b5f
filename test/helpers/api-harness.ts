// The public API under test: the real router (lib/api/router.ts) over a demo database, API keys
// made as the keys page makes them, and a call helper that answers status, headers and JSON.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiKeys, customerUsers, type ApiKeyScope } from '@/db/schema';
import { generateApiKey } from '@/lib/api/key-format';
import { KeyLimits } from '@/lib/api/limits';
import { createApiRouter, type ApiRouter } from '@/lib/api/router';

export { apiHarness } from './api-state';

export interface ApiReply {
  status: number;
  headers: Headers;
  /** The parsed JSON body (null when there is none). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a test reads any field of an answer
  contentType: string;
}

/** Makes an API key for a customer user, as the keys page does; returns the whole key. */
export async function makeKey(
  db: Db,
  email: string,
  opts: { scope?: ApiKeyScope; name?: string; expiresAt?: Date; revokedAt?: Date } = {},
): Promise<{ key: string; id: string }> {
  const [user] = await db.select().from(customerUsers).where(eq(customerUsers.email, email));
  if (!user) throw new Error(`no customer user ${email}`);
  const made = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      customerId: user.customerId,
      name: opts.name ?? `test key ${made.prefix}`,
      scope: opts.scope ?? 'read_write',
      prefix: made.prefix,
      secretHash: made.secretHash,
      createdBy: user.id,
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 30 * 86_400_000),
      ...(opts.revokedAt ? { revokedAt: opts.revokedAt } : {}),
    })
    .returning({ id: apiKeys.id });
  return { key: made.key, id: row!.id };
}

export async function revokeKey(db: Db, id: string): Promise<void> {
  await db.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.id, id)));
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  /** A raw body (sent as is, with `contentType`). */
  raw?: string;
  contentType?: string;
  idempotencyKey?: string;
  language?: string;
  headers?: Record<string, string>;
}

/** A client of one router (a router of its own per test file: its limits start full). */
export function apiClient(router: ApiRouter = createApiRouter(undefined, new KeyLimits(1_000, 60_000))) {
  return async function call(method: string, path: string, opts: CallOptions = {}): Promise<ApiReply> {
    const url = new URL(`http://portal.test/api/v1${path}`);
    const headers = new Headers(opts.headers);
    if (opts.key) headers.set('authorization', `Bearer ${opts.key}`);
    if (opts.idempotencyKey) headers.set('idempotency-key', opts.idempotencyKey);
    headers.set('accept-language', opts.language ?? 'en');
    let body: string | undefined;
    if (opts.raw !== undefined) {
      body = opts.raw;
      headers.set('content-type', opts.contentType ?? 'application/json');
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers.set('content-type', 'application/json');
    }
    const request = new Request(url, { method, headers, body });
    const segments = url.pathname.replace(/^\/api\/v1\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    const response = await router.handle(request, segments);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
      contentType: response.headers.get('content-type') ?? '',
    };
  };
}
