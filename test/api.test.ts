// Issue 15: the public API's router, keys, limits, problems and pagination, on the closed-network
// endpoints (each resource's own tests are beside it: test/api-read.test.ts, test/api-write.test.ts).
import './helpers/api-mocks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedNetworks, customers, customerUsers, pbbContracts } from '@/db/schema';
import { KeyLimits } from '@/lib/api/limits';
import { createApiRouter } from '@/lib/api/router';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { apiClient, apiHarness, makeKey, revokeKey } from './helpers/api-harness';
import { demoDatabase } from './helpers/action-harness';
import { expectMatchesSpec } from './helpers/openapi-validate';

let demo: Awaited<ReturnType<typeof demoDatabase>>;
const client = apiClient();
/** A call whose answer must be one the OpenAPI document lists (an unknown path or method is not an operation: `client`). */
async function call(method: string, path: string, opts: Parameters<typeof client>[2] = {}) {
  const reply = await client(method, path, opts);
  await expectMatchesSpec(method, path.split('?')[0]!, { status: reply.status, headers: reply.headers, body: reply.body });
  return reply;
}
let aliceKey: string;
let acmeId: string;
let globexNetworkId: string;

beforeAll(async () => {
  demo = await demoDatabase((db) => seedDemoData(db));
  apiHarness.db = demo.db;
  aliceKey = (await makeKey(demo.db, DEMO_USERS.alice, { scope: 'read' })).key;
  const [acme] = await demo.db.select().from(customers).where(eq(customers.code, 'C-000101'));
  acmeId = acme!.id;
  const [globexNetwork] = await demo.db.select().from(closedNetworks).where(eq(closedNetworks.customerId, (await demo.db.select().from(customers).where(eq(customers.code, 'C-000202')))[0]!.id));
  globexNetworkId = globexNetwork!.id;
}, 120_000);
afterAll(async () => demo?.close());

describe('keys', () => {
  it('a live key reads its own customer\'s closed networks, and only those', async () => {
    const reply = await call('GET', '/closed-networks', { key: aliceKey });
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^application\/json/);
    const own = await demo.db.select().from(closedNetworks).where(eq(closedNetworks.customerId, acmeId));
    expect(reply.body.data.map((n: { id: string }) => n.id).sort()).toEqual(own.map((n) => n.id).sort());
    expect(reply.body.nextCursor).toBeNull();
  });

  it('no key, a malformed key, an unknown key, a revoked key and an expired key: 401 problem with WWW-Authenticate', async () => {
    const revoked = await makeKey(demo.db, DEMO_USERS.alice);
    await revokeKey(demo.db, revoked.id);
    const expired = await makeKey(demo.db, DEMO_USERS.alice, { expiresAt: new Date(Date.now() - 1000) });
    const unknown = aliceKey.slice(0, -4) + 'AAAA';
    for (const key of [null, 'not-a-key', unknown, revoked.key, expired.key]) {
      const reply = await call('GET', '/closed-networks', { key });
      expect(reply.status, String(key)).toBe(401);
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
      expect(reply.body).toMatchObject({ status: 401, code: 'unauthorized' });
      expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="smarthub"/);
    }
  });

  it('a key stops when its creator is deactivated, and when its customer is', async () => {
    // A copy of the demo as loaded (without this file's keys): the deactivations stay in it.
    const copy = await demo.clone();
    apiHarness.db = copy.db;
    try {
      const victor = await makeKey(copy.db, DEMO_USERS.victor);
      const aliceKey = (await makeKey(copy.db, DEMO_USERS.alice)).key;
      expect((await call('GET', '/closed-networks', { key: victor.key })).status).toBe(200);
      await copy.db.update(customerUsers).set({ deactivatedAt: new Date() }).where(eq(customerUsers.email, DEMO_USERS.victor));
      expect((await call('GET', '/closed-networks', { key: victor.key })).status).toBe(401);
      expect((await call('GET', '/closed-networks', { key: aliceKey })).status).toBe(200);
      await copy.db.update(customers).set({ deactivatedAt: new Date() }).where(eq(customers.id, acmeId));
      expect((await call('GET', '/closed-networks', { key: aliceKey })).status).toBe(401);
    } finally {
      apiHarness.db = demo.db;
      await copy.close();
    }
  });

  it('another customer\'s id is a 404, exactly like an id that does not exist, and a malformed id too', async () => {
    const other = await call('GET', `/closed-networks/${globexNetworkId}`, { key: aliceKey });
    const missing = await call('GET', '/closed-networks/00000000-0000-4000-8000-000000000000', { key: aliceKey });
    const malformed = await call('GET', '/closed-networks/x%27%3B--', { key: aliceKey });
    for (const reply of [other, missing, malformed]) {
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ status: 404, code: 'not_found', title: 'Not found' });
    }
    expect(other.body.detail).toBe(missing.body.detail);
  });
});

describe('problems', () => {
  it('are translated by Accept-Language', async () => {
    const ja = await call('GET', '/closed-networks/00000000-0000-4000-8000-000000000000', { key: aliceKey, language: 'ja,en;q=0.5' });
    expect(ja.body.title).toBe('見つかりません');
    expect(ja.body.detail).toContain('何も変更していません');
  });

  it('an unknown path is a 404 and a known one with another method a 405 with Allow', async () => {
    expect((await client('GET', '/nothing-here', { key: aliceKey })).status).toBe(404);
    const wrong = await client('DELETE', '/closed-networks', { key: aliceKey });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(wrong.body.code).toBe('method_not_allowed');
  });

  it('a bad query is a 400 naming the field, and nothing else is told', async () => {
    const reply = await call('GET', '/closed-networks?limit=0', { key: aliceKey });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'invalid_request', errors: { limit: expect.any(String) } });
    const cursor = await call('GET', '/closed-networks?cursor=garbage', { key: aliceKey });
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toHaveProperty('cursor');
  });
});

describe('pagination', () => {
  it('walks every closed network once by cursor, newest first', async () => {
    const copy = await demo.clone();
    apiHarness.db = copy.db;
    try {
      const aliceKey = (await makeKey(copy.db, DEMO_USERS.alice)).key;
      const [pbb] = await copy.db.select().from(pbbContracts).where(eq(pbbContracts.customerId, acmeId));
      const base = Date.parse('2026-01-01T00:00:00Z');
      // Five share one creation time: the id breaks the tie.
      await copy.db.insert(closedNetworks).values(
        Array.from({ length: 12 }, (_, i) => ({
          customerId: acmeId,
          pbbContractId: pbb!.id,
          networkCode: `CN-PAGE-${i}`,
          name: `Page ${i}`,
          createdAt: new Date(base + (i < 5 ? 0 : i) * 60_000),
        })),
      );
      const all = await copy.db.select().from(closedNetworks).where(eq(closedNetworks.customerId, acmeId));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const reply = await call('GET', `/closed-networks?limit=5${cursor ? `&cursor=${cursor}` : ''}`, { key: aliceKey });
        expect(reply.status).toBe(200);
        expect(reply.body.data.length).toBeLessThanOrEqual(5);
        seen.push(...reply.body.data.map((n: { id: string }) => n.id));
        cursor = reply.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toHaveLength(all.length);
      expect(new Set(seen).size).toBe(all.length);
      const times = seen.map((id) => all.find((n) => n.id === id)!.createdAt.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    } finally {
      apiHarness.db = demo.db;
      await copy.close();
    }
  });
});

describe('limits', () => {
  it('beyond a key\'s burst: 429 with Retry-After; other keys are not affected', async () => {
    const limited = apiClient(createApiRouter(undefined, new KeyLimits(3, 1)));
    const call = async (method: string, path: string, opts: Parameters<typeof limited>[2]) => {
      const reply = await limited(method, path, opts);
      await expectMatchesSpec(method, path, { status: reply.status, headers: reply.headers, body: reply.body });
      return reply;
    };
    const other = (await makeKey(demo.db, DEMO_USERS.alice, { scope: 'read' })).key;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call('GET', '/closed-networks', { key: aliceKey }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(answers[3]!.body.code).toBe('rate_limited');
    expect((await call('GET', '/closed-networks', { key: other })).status).toBe(200);
  });
});
