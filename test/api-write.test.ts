// Issue 15: the API's changes: preview and submit through the one write pipeline, Idempotency-Key,
// rule refusals as 422 problem+json with the rule ID and article, scopes, other customers' ids,
// and every answer as the OpenAPI document says.
import './helpers/api-mocks';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { applications, auditLog, cancellationNotices, closedNetworks, customerUsers, options } from '@/db/schema';
import { apiEndpoints } from '@/lib/api/endpoints';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { apiClient, apiHarness, makeKey, type ApiReply, type CallOptions } from './helpers/api-harness';
import { demoDatabase, tablesDigest, changedTables as tablesChanged } from './helpers/action-harness';
import { expectMatchesSpec } from './helpers/openapi-validate';

let demo: Awaited<ReturnType<typeof demoDatabase>>;
const client = apiClient();

/** A call whose answer must be one the OpenAPI document lists. */
const callDocumented = (method: string, path: string, opts: CallOptions = {}) => call(method, path, opts);
async function call(method: string, path: string, opts: CallOptions = {}): Promise<ApiReply> {
  const reply = await client(method, path, opts);
  await expectMatchesSpec(method, path, { status: reply.status, headers: reply.headers, body: reply.body });
  return reply;
}

/** Runs `check` on its own copy of the demo, with keys of Alice (read-write and read) and Grace. */
async function onCopy(check: (ctx: { db: Db; write: string; read: string; grace: string; option: (code: string) => Promise<string> }) => Promise<void>) {
  const copy = await demo.clone();
  apiHarness.db = copy.db;
  try {
    const write = (await makeKey(copy.db, DEMO_USERS.alice, { name: 'deploy pipeline' })).key;
    const read = (await makeKey(copy.db, DEMO_USERS.alice, { scope: 'read' })).key;
    const grace = (await makeKey(copy.db, DEMO_USERS.grace)).key;
    const option = async (code: string) => (await copy.db.select({ id: options.id }).from(options).where(eq(options.code, code)))[0]!.id;
    await check({ db: copy.db, write, read, grace, option });
  } finally {
    apiHarness.db = demo.db;
    await copy.close();
  }
}

/** The tables a call changed, but for its key's last use (noted at most once a minute, on any call). */
const changedTables = (before: Record<string, string>, after: Record<string, string>) => tablesChanged(before, after).filter((t) => t !== 'api_keys');

const notices = async (db: Db) => (await db.select({ n: count() }).from(cancellationNotices))[0]!.n;

beforeAll(async () => {
  demo = await demoDatabase((db) => seedDemoData(db));
}, 120_000);
afterAll(async () => demo?.close());

describe('cancel an option through the API', () => {
  it('the preview shows the review and changes nothing; the submit cancels once per Idempotency-Key, audited via the key', async () => {
    await onCopy(async ({ db, write, option }) => {
      const id = await option('SH-O-000101');
      const before = await tablesDigest(db);
      const preview = await call('POST', `/options/${id}/cancellation/preview`, { key: write, body: {} });
      expect(preview.status).toBe(200);
      expect(preview.body.preview.ending.map((o: { optionId: string }) => o.optionId)).toContain(id);
      expect(preview.body.preview.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(preview.body.amountsDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(changedTables(before, await tablesDigest(db))).toEqual([]);

      const body = { expectedAmounts: preview.body.amountsDigest };
      const first = await call('POST', `/options/${id}/cancellation`, { key: write, body, idempotencyKey: 'cancel-onprem-1' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ kind: 'cancellation', href: `/api/v1/cancellations/${first.body.id}` });
      expect(first.headers.get('location')).toBe(first.body.href);
      const again = await call('POST', `/options/${id}/cancellation`, { key: write, body, idempotencyKey: 'cancel-onprem-1' });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await notices(db)).toBe(1);

      const rows = await db.select().from(auditLog).where(sql`${auditLog.detail}->>'via' = 'api_key'`);
      expect(rows).toHaveLength(1);
      const row = rows[0];
      expect(row?.detail).toMatchObject({ via: 'api_key', apiKeyName: 'deploy pipeline' });
      const [alice] = await db.select().from(customerUsers).where(eq(customerUsers.email, DEMO_USERS.alice));
      expect(row).toMatchObject({ actorType: 'customer_user', actorId: alice!.id });
    });
  });

  it('the same key with another body: 422 idempotency_mismatch, nothing more changed', async () => {
    await onCopy(async ({ db, write, option }) => {
      const id = await option('SH-O-000101');
      expect((await call('POST', `/options/${id}/cancellation`, { key: write, body: {}, idempotencyKey: 'k-1' })).status).toBe(201);
      const before = await tablesDigest(db);
      const other = await call('POST', `/options/${id}/cancellation`, { key: write, body: { requestedDate: '2027-06-30' }, idempotencyKey: 'k-1' });
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ code: 'idempotency_mismatch', status: 422 });
      expect(changedTables(before, await tablesDigest(db))).toEqual([]);
    });
  });

  it('a rule refusal is a 422 problem with the rule ID, its article and the translated rule', async () => {
    await onCopy(async ({ db, write, option }) => {
      const id = await option('SH-O-000101');
      expect((await call('POST', `/options/${id}/cancellation`, { key: write, body: {}, idempotencyKey: 'first' })).status).toBe(201);
      const before = await tablesDigest(db);
      const twice = await call('POST', `/options/${id}/cancellation`, { key: write, body: {}, idempotencyKey: 'second', language: 'ja' });
      expect(twice.status).toBe(422);
      expect(twice.contentType).toMatch(/^application\/problem\+json/);
      expect(twice.body.code).toBe('rule_violation');
      expect(twice.body.rules).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'R-ALREADY-ENDING', article: 'Art. 4.6, Art. 6.1' })]));
      expect(twice.body.title).toBe('契約約款上できない変更です');
      expect(changedTables(before, await tablesDigest(db))).toEqual([]);
      // A refusal changed nothing, so its key is free: the same key is judged again (and refused again).
      expect((await call('POST', `/options/${id}/cancellation`, { key: write, body: {}, idempotencyKey: 'second' })).status).toBe(422);
    });
  });

  it('a portal refusal (a date too far ahead) is a 422 with its reason; a date that does not exist is a 400 naming the field', async () => {
    await onCopy(async ({ db, write, option }) => {
      const id = await option('SH-O-000101');
      const before = await tablesDigest(db);
      const far = await call('POST', `/options/${id}/cancellation/preview`, { key: write, body: { requestedDate: '2099-01-31' } });
      expect(far.status).toBe(422);
      expect(far.body).toMatchObject({ code: 'refused', reason: 'date_too_far' });
      expect(far.body.detail).toContain('365');
      const impossible = await call('POST', `/options/${id}/cancellation`, { key: write, body: { requestedDate: '2027-02-30' }, idempotencyKey: 'bad-date' });
      expect(impossible.status).toBe(400);
      expect(impossible.body.errors).toHaveProperty('requestedDate');
      expect(changedTables(before, await tablesDigest(db))).toEqual([]);
    });
  });

  it('amounts other than the preview showed: 409 prices_changed; a submit without an Idempotency-Key: 400', async () => {
    await onCopy(async ({ db, write, option }) => {
      const id = await option('SH-O-000101');
      const before = await tablesDigest(db);
      const stale = await call('POST', `/options/${id}/cancellation`, { key: write, body: { expectedAmounts: '0'.repeat(64) }, idempotencyKey: 'stale' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('prices_changed');
      const unkeyed = await call('POST', `/options/${id}/cancellation`, { key: write, body: {} });
      expect(unkeyed.status).toBe(400);
      expect(unkeyed.body.code).toBe('idempotency_key_required');
      expect(changedTables(before, await tablesDigest(db))).toEqual([]);
    });
  });

  it('a read-write key whose creator is no longer an admin may not change anything (403 read_only)', async () => {
    await onCopy(async ({ db, write, option }) => {
      await db.update(customerUsers).set({ role: 'viewer' }).where(eq(customerUsers.email, DEMO_USERS.alice));
      const before = await tablesDigest(db);
      const reply = await call('POST', `/options/${await option('SH-O-000101')}/cancellation`, { key: write, body: {}, idempotencyKey: 'demoted' });
      expect(reply.status).toBe(403);
      expect(reply.body.code).toBe('read_only');
      expect(changedTables(before, await tablesDigest(db))).toEqual([]);
    });
  });
});

/** A path of an endpoint with its parameters filled with `id`. */
const filled = (path: string, id: string) => path.replace(/\{\w+\}/g, id);
const writes = apiEndpoints.filter((e) => e.access === 'write');

describe('every change endpoint', () => {
  it.each(writes.map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))('%s: no key, a revoked or an expired key 401, a read-only key 403, another customer\'s ids 404 — nothing changed', async (_, endpoint) => {
    await onCopy(async ({ db, read, grace, option }) => {
      const acmeId = await option('SH-O-000101');
      const before = await tablesDigest(db);
      const path = filled(endpoint.path, acmeId);
      const method = endpoint.method.toUpperCase();
      const idempotencyKey = endpoint.idempotent ? 'matrix' : undefined;
      expect((await call(method, path, { body: {}, idempotencyKey })).status).toBe(401);
      const revoked = await makeKey(db, DEMO_USERS.alice, { revokedAt: new Date() });
      const expired = await makeKey(db, DEMO_USERS.alice, { expiresAt: new Date(Date.now() - 1000) });
      for (const gone of [revoked.key, expired.key]) expect((await call(method, path, { key: gone, body: {}, idempotencyKey })).status).toBe(401);
      const scoped = await call(method, path, { key: read, body: {}, idempotencyKey });
      expect(scoped.status).toBe(403);
      expect(scoped.body.code).toBe('insufficient_scope');
      if (endpoint.path.includes('{')) {
        // Grace (Globex) names Acme's option in every id of the path: to her it does not exist.
        const other = await call(method, path, { key: grace, body: { to: '1G', cloudAccountId: 'a', cloudConnectionKey: 'b', order: { kind: 'napt', sessions: 1 } }, idempotencyKey });
        expect(other.status, JSON.stringify(other.body)).toBe(404);
      }
      expect(changedTables(before, await tablesDigest(db))).toEqual([]);
    });
  });
});

describe('each change, end to end, for its rightful key', () => {
  it('apply, add, upgrade, withdraw, cloud information and a whole-contract preview: as the forms do; each submit sent twice changes once', async () => {
    await onCopy(async ({ db, write, option }) => {
      // Every submit is sent twice with its key: the second answers the same, replayed, and changes nothing.
      const call = async (method: string, path: string, opts: CallOptions = {}): Promise<ApiReply> => {
        const first = await callDocumented(method, path, opts);
        if (!opts.idempotencyKey || first.status !== 201) return first;
        const before = await tablesDigest(db);
        const again = await callDocumented(method, path, opts);
        expect(again.status).toBe(201);
        expect(again.body).toEqual(first.body);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(changedTables(before, await tablesDigest(db))).toEqual([]);
        return first;
      };
      const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
      const port = { kind: 'onprem_port', line: 'optical', speed: '1G', dataCentre: 'Tokyo DC1', rack: 'R-12' };
      const applyPreview = await call('POST', '/contracts/preview', { key: write, body: { closedNetworkId: plants!.id, order: port } });
      expect(applyPreview.status, JSON.stringify(applyPreview.body)).toBe(200);
      expect(applyPreview.body.preview.totalMonthlyYen).toBeGreaterThan(0);
      const applied = await call('POST', '/contracts', { key: write, body: { closedNetworkId: plants!.id, order: port }, idempotencyKey: 'apply-1' });
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      expect(applied.body.kind).toBe('application');

      const m2 = await option('SH-O-000102');
      const upgrade = await call('POST', `/options/${m2}/change/preview`, { key: write, body: { to: '1G' } });
      expect(upgrade.status, JSON.stringify(upgrade.body)).toBe(200);
      expect(upgrade.body.preview).toMatchObject({ type: 'change_speed', to: '1G' });
      const changed = await call('POST', `/options/${m2}/change`, { key: write, body: { to: '1G' }, idempotencyKey: 'upgrade-1' });
      expect(changed.status, JSON.stringify(changed.body)).toBe(201);
      expect(changed.body.kind).toBe('change_request');
      const withdrawn = await call('POST', `/change-requests/${changed.body.id}/withdrawal`, { key: write, body: {}, idempotencyKey: 'withdraw-1' });
      expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(201);

      const added = await call('POST', `/contracts/${changed.body.contractId}/options`, { key: write, body: { order: { kind: 'napt', sessions: 30_000, portId: m2 } }, idempotencyKey: 'add-1' });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(added.body.kind).toBe('option');
      const [application] = await db.select().from(applications).where(eq(applications.idempotencyKey, 'api:add-1'));
      const dropped = await call('POST', `/applications/${application!.id}/withdrawal`, { key: write, body: {}, idempotencyKey: 'withdraw-2' });
      expect(dropped.status, JSON.stringify(dropped.body)).toBe(201);

      const cloud = await call('POST', `/options/${m2}/cloud-information`, { key: write, body: { cloudAccountId: '123456789012', cloudConnectionKey: 'dxcon-new-key' }, idempotencyKey: 'cloud-1' });
      expect(cloud.status, JSON.stringify(cloud.body)).toBe(201);
      const [saved] = await db.select().from(options).where(eq(options.id, m2));
      expect(saved!.attributes.cloudAccountId).toBe('123456789012');

      const whole = await call('POST', `/contracts/${changed.body.contractId}/cancellation/preview`, { key: write, body: { requestedDate: '2027-06-30' } });
      expect(whole.status, JSON.stringify(whole.body)).toBe(200);
      expect(whole.body.preview.ending.length).toBeGreaterThan(1);
    });
  });
});
