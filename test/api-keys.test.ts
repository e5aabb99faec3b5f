import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { apiKeys, auditLog, customerUsers } from '@/db/schema';
import { apiKeyExpiry, apiKeysRefusal, createApiKey, revokeApiKey } from '@/lib/api-keys/manage';
import { auditedApiKey, listApiKeys } from '@/lib/api-keys/queries';
import { apiKeyIdSchema, createApiKeySchema } from '@/lib/api-keys/schemas';
import { apiKeyStatus } from '@/lib/api-keys/types';
import { authenticateApiKey } from '@/lib/api/auth';
import { hashApiKey } from '@/lib/api/key-format';
import { impersonatingActor, type CustomerActor } from '@/lib/auth/access';
import { fieldErrorsOf } from '@/lib/form-state';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { customerActor, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();
const NOW = new Date('2026-11-24T03:00:00Z');
const DAY = 86_400_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const OTHER_ID = '00000000-0000-4000-8000-000000000000';

describe.each(targets)('API keys on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let victor: CustomerActor;
  let bill: CustomerActor;
  let grace: CustomerActor;
  let support: CustomerActor;

  async function rowCounts() {
    const [keys] = await db.select({ n: count() }).from(apiKeys);
    const [audit] = await db.select({ n: count() }).from(auditLog);
    return { keys: keys?.n ?? 0, audit: audit?.n ?? 0 };
  }
  const bearer = (key: string) => `Bearer ${key}`;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, new Date(NOW.getTime() - DAY));
    alice = await customerActor(db, DEMO_USERS.alice);
    victor = await customerActor(db, DEMO_USERS.victor);
    bill = await customerActor(db, DEMO_USERS.bill);
    grace = await customerActor(db, DEMO_USERS.grace);
    const sam = await staffActor(db, DEMO_USERS.sam);
    // Support inside the customer's grant ("support may act for us"): still never keys.
    support = impersonatingActor(sam, {
      customerId: alice.customerId,
      sessionId: '00000000-0000-4000-8000-000000000001',
      staffUserId: sam.userId,
      staffName: sam.name,
      reason: 'asked',
      ticket: 'INC-1',
      startedAt: NOW,
      expiresAt: later(30 * 60_000),
      mayAct: true,
    });
  });
  afterAll(async () => {
    await open.close();
  });

  it('an admin creates a key: the whole key is answered once, only its hash and prefix are stored, the audit row names it without the key', async () => {
    const created = await createApiKey(db, alice, { name: 'Terraform production', scope: 'read_write', expiryDays: 90 }, NOW);
    expect(created).toMatchObject({ ok: true, name: 'Terraform production' });
    if (!created.ok) return;
    expect(created.key).toMatch(/^shk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);

    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({ customerId: alice.customerId, name: 'Terraform production', scope: 'read_write', prefix: created.prefix, createdBy: alice.userId, revokedAt: null, lastUsedAt: null });
    expect(row!.secretHash).toBe(hashApiKey(created.key));
    expect(row!.expiresAt).toEqual(later(90 * DAY));
    // The key itself is in no column.
    expect(JSON.stringify(row)).not.toContain(created.key.slice(-43));

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audit).toMatchObject({ action: 'api_key.created', actorType: 'customer_user', actorId: alice.userId, customerId: alice.customerId, targetType: 'api_key' });
    expect(audit!.detail).toMatchObject({ name: 'Terraform production', prefix: created.prefix, scope: 'read_write' });
    expect(JSON.stringify(audit!.detail)).not.toContain(created.key.slice(-43));
    expect(JSON.stringify(audit!.detail)).not.toContain(row!.secretHash);
    expect(auditedApiKey(audit!.action, audit!.detail)).toEqual({ name: 'Terraform production', prefix: created.prefix });

    // The key works with the API as the customer, with its scope, and its first use is recorded.
    const check = await authenticateApiKey(db, bearer(created.key), later(60_000));
    expect(check).toMatchObject({ ok: true, scope: 'read_write', actor: { customerId: alice.customerId, canWrite: true, apiKey: { id: created.id, name: 'Terraform production' } } });
    const listed = (await listApiKeys(db, alice.customerId, later(120_000))).find((k) => k.id === created.id);
    expect(listed).toMatchObject({ name: 'Terraform production', prefix: created.prefix, scope: 'read_write', createdByName: 'Alice Sato', status: 'active', lastUsedAt: later(60_000) });
    expect(Object.keys(listed!)).not.toContain('secretHash');
  });

  it('the form: a name of 1–80 characters (trimmed), a scope read or read_write, a lifetime of 30, 90, 180 or 365 days only', () => {
    const ok = createApiKeySchema.safeParse({ name: '  CI  ', scope: 'read', expiryDays: '365' });
    expect(ok.success && ok.data).toEqual({ name: 'CI', scope: 'read', expiryDays: 365 });
    const errors = (input: Record<string, string>) => {
      const parsed = createApiKeySchema.safeParse(input);
      return parsed.success ? {} : fieldErrorsOf(parsed.error);
    };
    expect(errors({ name: '   ', scope: 'read', expiryDays: '90' })).toEqual({ name: 'required' });
    expect(errors({ name: 'x'.repeat(81), scope: 'read', expiryDays: '90' })).toEqual({ name: 'tooLong' });
    expect(errors({ name: 'x'.repeat(80), scope: 'read', expiryDays: '90' })).toEqual({});
    expect(errors({ name: 'CI', scope: 'admin', expiryDays: '90' })).toEqual({ scope: 'invalid' });
    for (const days of ['366', '0', '-30', '91', 'forever', '']) expect(errors({ name: 'CI', scope: 'read', expiryDays: days })).toEqual({ expiryDays: 'invalid' });
    expect(apiKeyIdSchema.safeParse({ apiKeyId: 'not-a-uuid' }).success).toBe(false);
    expect(apiKeyExpiry(NOW, 365)).toEqual(later(365 * DAY));
  });

  it('a name is unique among the live keys of one customer, whatever its case; a revoked name may be used again, and another customer may use it', async () => {
    const first = await createApiKey(db, alice, { name: 'Monitoring', scope: 'read', expiryDays: 30 }, NOW);
    expect(first.ok).toBe(true);
    const before = await rowCounts();
    expect(await createApiKey(db, alice, { name: 'MONITORING', scope: 'read', expiryDays: 30 }, NOW)).toEqual({ ok: false, kind: 'refused', reason: 'name_taken' });
    expect(await rowCounts()).toEqual(before);
    expect(await createApiKey(db, grace, { name: 'Monitoring', scope: 'read', expiryDays: 30 }, NOW)).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(await revokeApiKey(db, alice, { apiKeyId: first.id }, NOW)).toEqual({ ok: true, id: first.id });
    expect(await createApiKey(db, alice, { name: 'Monitoring', scope: 'read', expiryDays: 30 }, NOW)).toMatchObject({ ok: true });
    // An expired key's name is free again too.
    expect(await createApiKey(db, alice, { name: 'Monitoring', scope: 'read', expiryDays: 30 }, later(31 * DAY))).toMatchObject({ ok: true });
  });

  it('viewers, billing users, support staff (even inside the grant) and a key itself are refused, and nothing changes', async () => {
    const [existing] = await db.select().from(apiKeys).where(eq(apiKeys.customerId, alice.customerId));
    const viaKey: CustomerActor = { ...alice, apiKey: { id: existing!.id, name: existing!.name } };
    expect(apiKeysRefusal(alice)).toBeNull();
    const before = await rowCounts();
    for (const [actor, reason] of [
      [victor, 'read_only'],
      [bill, 'read_only'],
      [support, 'not_during_support'],
      [viaKey, 'read_only'],
    ] as const) {
      expect(await createApiKey(db, actor, { name: 'Sneaky', scope: 'read_write', expiryDays: 365 }, NOW)).toEqual({ ok: false, kind: 'refused', reason });
      expect(await revokeApiKey(db, actor, { apiKeyId: existing!.id }, NOW)).toEqual({ ok: false, kind: 'refused', reason });
    }
    expect(await rowCounts()).toEqual(before);
    const [still] = await db.select().from(apiKeys).where(eq(apiKeys.id, existing!.id));
    expect(still!.revokedAt).toEqual(existing!.revokedAt);
  });

  it("an admin demoted a moment ago is refused under the lock, though their page still showed the controls", async () => {
    const [demoted] = await db
      .insert(customerUsers)
      .values({ customerId: alice.customerId, email: 'was-admin@acme.example', name: 'Was Admin', role: 'viewer', passwordHash: 'x' })
      .returning();
    const stale: CustomerActor = { ...alice, userId: demoted!.id, name: 'Was Admin', email: demoted!.email };
    const before = await rowCounts();
    expect(await createApiKey(db, stale, { name: 'Late', scope: 'read', expiryDays: 30 }, NOW)).toEqual({ ok: false, kind: 'refused', reason: 'read_only' });
    expect(await rowCounts()).toEqual(before);
  });

  it('revoking: effective at once, audited, once; another customer\'s key answers like a missing one', async () => {
    const created = await createApiKey(db, alice, { name: 'Deploy bot', scope: 'read_write', expiryDays: 180 }, NOW);
    if (!created.ok) throw new Error('not created');
    expect((await authenticateApiKey(db, bearer(created.key), NOW)).ok).toBe(true);

    const before = await rowCounts();
    expect(await revokeApiKey(db, grace, { apiKeyId: created.id }, NOW)).toEqual({ ok: false, kind: 'not_found' });
    expect(await revokeApiKey(db, alice, { apiKeyId: OTHER_ID }, NOW)).toEqual({ ok: false, kind: 'not_found' });
    expect(await rowCounts()).toEqual(before);

    expect(await revokeApiKey(db, alice, { apiKeyId: created.id }, later(1000))).toEqual({ ok: true, id: created.id });
    expect(await authenticateApiKey(db, bearer(created.key), later(2000))).toEqual({ ok: false, reason: 'invalid' });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({ revokedAt: later(1000), revokedBy: alice.userId });
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audit.map((a) => [a.action, a.detail])).toEqual([
      ['api_key.created', expect.objectContaining({ name: 'Deploy bot', prefix: created.prefix, scope: 'read_write' })],
      ['api_key.revoked', { name: 'Deploy bot', prefix: created.prefix, scope: 'read_write' }],
    ]);
    expect(await revokeApiKey(db, alice, { apiKeyId: created.id }, later(3000))).toEqual({ ok: false, kind: 'refused', reason: 'already_revoked' });
    expect((await listApiKeys(db, alice.customerId, later(3000))).find((k) => k.id === created.id)?.status).toBe('revoked');
  });

  it('the list is the customer\'s own, newest first, with each key\'s status: expired, creator deactivated', async () => {
    const globex = await listApiKeys(db, grace.customerId, NOW);
    expect(globex.map((k) => k.name)).toEqual(['Monitoring']);
    const acme = await listApiKeys(db, alice.customerId, NOW);
    expect(acme.some((k) => k.createdByName === grace.name)).toBe(false);
    expect(acme.map((k) => k.createdAt.getTime())).toEqual([...acme.map((k) => k.createdAt.getTime())].sort((a, b) => b - a));

    const short = await createApiKey(db, alice, { name: 'Short lived', scope: 'read', expiryDays: 30 }, NOW);
    if (!short.ok) throw new Error('not created');
    const statusAt = async (at: Date) => (await listApiKeys(db, alice.customerId, at)).find((k) => k.id === short.id)?.status;
    expect(await statusAt(later(30 * DAY - 1))).toBe('active');
    expect(await statusAt(later(30 * DAY))).toBe('expired');
    expect((await authenticateApiKey(db, bearer(short.key), later(30 * DAY))).ok).toBe(false);

    // A second admin's key stops while they are deactivated, and the list says why.
    const [second] = await db
      .insert(customerUsers)
      .values({ customerId: alice.customerId, email: 'second-admin@acme.example', name: 'Second Admin', role: 'admin', passwordHash: 'x' })
      .returning();
    const secondAdmin = await customerActor(db, second!.email);
    const theirs = await createApiKey(db, secondAdmin, { name: 'Their key', scope: 'read', expiryDays: 90 }, NOW);
    if (!theirs.ok) throw new Error('not created');
    await db.update(customerUsers).set({ deactivatedAt: NOW }).where(eq(customerUsers.id, second!.id));
    expect((await listApiKeys(db, alice.customerId, NOW)).find((k) => k.id === theirs.id)).toMatchObject({ status: 'creator_deactivated', createdByName: 'Second Admin' });
    expect((await authenticateApiKey(db, bearer(theirs.key), NOW)).ok).toBe(false);
    // Another admin may still revoke it (it would work again if they were reactivated).
    expect(await revokeApiKey(db, alice, { apiKeyId: theirs.id }, NOW)).toEqual({ ok: true, id: theirs.id });
  });

  it('a status reads revoked before expired before creator deactivated', () => {
    const past = new Date(NOW.getTime() - 1);
    expect(apiKeyStatus({ revokedAt: past, expiresAt: past, creatorDeactivatedAt: past }, NOW)).toBe('revoked');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: NOW, creatorDeactivatedAt: past }, NOW)).toBe('expired');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: later(1), creatorDeactivatedAt: past }, NOW)).toBe('creator_deactivated');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: later(1), creatorDeactivatedAt: null }, NOW)).toBe('active');
  });
});
