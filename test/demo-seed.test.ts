import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPglite, type OpenDatabase } from '@/db/client';
import { customers, customerUsers, staffUsers } from '@/db/schema';
import { DEMO_USERS } from '@/lib/demo/seed';
import { SEED_REFUSALS, seedDemoOnRequest } from '@/lib/demo/seed-command';
import { testDatabaseTargets } from './helpers/databases';

// `npm run db:seed` must never put the demo accounts (published passwords) beside real accounts
// or on a production deployment by accident.

const targets = await testDatabaseTargets();
const NOW = new Date('2026-11-24T03:00:00Z');

describe.each(targets)('db:seed on $name', (target) => {
  const opened: OpenDatabase[] = [];
  const fresh = async () => {
    const open = await target.open();
    opened.push(open);
    return open.db;
  };
  afterEach(async () => {
    for (const open of opened.splice(0)) await open.close();
  });

  const countOf = async (db: OpenDatabase['db']) => ({
    customers: (await db.select().from(customers)).length,
    staff: (await db.select().from(staffUsers)).length,
  });

  it('db:seed: production is refused without --demo (nothing written); the demo loads once; then a real user is refused', async () => {
    const db = await fresh();
    expect(await seedDemoOnRequest(db, { production: true, demo: false, now: NOW })).toMatchObject({ ok: false, kind: 'refused', reason: 'production' });
    expect(await countOf(db)).toEqual({ customers: 0, staff: 0 });
    expect(await seedDemoOnRequest(db, { production: true, demo: true, now: NOW })).toEqual({ ok: true, loaded: true });
    expect(await countOf(db)).toEqual({ customers: 2, staff: 2 });
    expect(await seedDemoOnRequest(db, { production: false, demo: false, now: NOW })).toEqual({ ok: true, loaded: false });
    expect(await countOf(db)).toEqual({ customers: 2, staff: 2 });
    // One real user on a demo customer makes it a real database.
    const [acme] = await db.select().from(customers).where(eq(customers.code, 'C-000101'));
    await db.insert(customerUsers).values({ customerId: acme!.id, email: 'bob@acme.co.jp', name: 'Bob', role: 'admin', passwordHash: 'x' });
    expect(await seedDemoOnRequest(db, { production: false, demo: false, now: NOW })).toMatchObject({ ok: false, reason: 'real_data' });
  });

  it('db:seed: a database with a real customer is refused, even with --demo', async () => {
    const db = await fresh();
    await db.insert(customers).values({ code: 'C-123456', name: 'Real Customer KK' });
    for (const production of [false, true]) {
      expect(await seedDemoOnRequest(db, { production, demo: true, now: NOW })).toMatchObject({ ok: false, kind: 'refused', reason: 'real_data' });
    }
    expect(await db.select().from(customerUsers).where(eq(customerUsers.email, DEMO_USERS.alice))).toEqual([]);
    expect(await countOf(db)).toEqual({ customers: 1, staff: 0 });
  });

  it('db:seed: a database with real staff only is refused', async () => {
    const db = await fresh();
    await db.insert(staffUsers).values({ email: 'ops@iij.example', name: 'Real Operator', role: 'operator', passwordHash: 'x' });
    expect(await seedDemoOnRequest(db, { production: false, demo: false, now: NOW })).toMatchObject({ ok: false, reason: 'real_data' });
    expect(await countOf(db)).toEqual({ customers: 0, staff: 1 });
  });
});

describe('npm run db:seed (the command)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smarthub-seed-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const root = path.resolve(import.meta.dirname, '..');
  const run = (env: { NODE_ENV?: 'production'; PGLITE_DIR: string }, args: string[] = []) =>
    spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/db-seed.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      // A clean environment: no DATABASE_URL of the machine's, only the embedded directory given.
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
      timeout: 60_000,
    });

  it('db:seed: NODE_ENV=production says why it refuses, exits 1 and opens no database', () => {
    const dir = path.join(tmp, 'production');
    const result = run({ NODE_ENV: 'production', PGLITE_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(SEED_REFUSALS.production);
    expect(result.stderr).toContain('--demo');
    expect(fs.existsSync(dir)).toBe(false);
  }, 60_000);

  it('db:seed: a database with real customers is refused with a message, and keeps only its own data', async () => {
    const dir = path.join(tmp, 'real');
    const open = await openPglite(dir);
    try {
      await open.db.insert(customers).values({ code: 'C-654321', name: 'Real Trading KK' });
    } finally {
      await open.close();
    }
    const result = run({ PGLITE_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(SEED_REFUSALS.real_data);
    const reopened = await openPglite(dir);
    try {
      expect((await reopened.db.select().from(customers)).map((c) => c.code)).toEqual(['C-654321']);
    } finally {
      await reopened.close();
    }
  }, 120_000); // two processes open an embedded database on disk: slow on a busy machine
});
