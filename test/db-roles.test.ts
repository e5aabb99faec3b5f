// The deployment on PostgreSQL: `npm run db:migrate` as the owner, then the portal as the
// least-privilege role of db/roles.sql. That role is refused any change to the audit log beyond
// adding to it, and the portal's writes work as that role.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationsPendingError, openPostgres, type OpenDatabase } from '@/db/client';
import { auditLog, closedNetworks, customerUsers } from '@/db/schema';
import { applyForContract } from '@/lib/contracts/services';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { testDatabaseTargets } from './helpers/databases';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const onPostgres = (await testDatabaseTargets()).some((t) => t.name === 'postgres');
const NOW = new Date('2026-11-24T03:00:00Z');

function urlFor(database: string, user?: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = 'app-test-password';
  }
  return url.toString();
}

async function asAdmin<T>(database: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor(database) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe.each(onPostgres ? ['postgres'] : [])('least-privilege role on %s', () => {
  const suffix = crypto.randomBytes(5).toString('hex');
  const database = `smarthub_roles_${suffix}`;
  const role = `smarthub_app_${suffix}`;
  let app: OpenDatabase;

  beforeAll(async () => {
    await asAdmin('postgres', (c) => c.query(`CREATE DATABASE ${database}`));
    await asAdmin('postgres', (c) => c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'app-test-password'`));
  });
  afterAll(async () => {
    await app?.close();
    await asAdmin('postgres', async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${role}`);
    });
  });

  it('the portal refuses an unmigrated database; db:migrate migrates it; the app role works and cannot touch the audit log', async () => {
    // Before the migration step the portal does not start, and says what to do.
    const early = await openPostgres(urlFor(database), 1, { migrate: false }).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(MigrationsPendingError);
    expect((early as Error).message).toContain('npm run db:migrate');

    const migrated = spawnSync(process.execPath, [path.join('scripts', 'db-migrate.mjs')], { env: { ...process.env, DATABASE_URL: urlFor(database) }, encoding: 'utf8' });
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('database migrated');

    // Demo data as the owner, then the grants of db/roles.sql (psql's :"app_role" filled in).
    const owner = await openPostgres(urlFor(database), 2, { migrate: false });
    await seedDemoData(owner.db, NOW);
    await owner.close();
    const grants = fs.readFileSync(path.join('db', 'roles.sql'), 'utf8').replaceAll(':"app_role"', `"${role}"`);
    await asAdmin(database, (c) => c.query(grants));

    app = await openPostgres(urlFor(database, role), 3, { migrate: false });
    const db = app.db;

    // Refused: anything but adding to the audit log, and any change of the schema.
    const refused = async (statement: string) => {
      const error = await db.execute(statement as never).catch((e: unknown) => e as { cause?: { code?: string } });
      return (error as { cause?: { code?: string } })?.cause?.code;
    };
    expect(await refused('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete')).toBe('42501');
    expect(await refused('ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe('42501');
    expect(await refused('TRUNCATE audit_log')).toBe('42501');
    expect(await refused('DELETE FROM audit_log')).toBe('42501');
    expect(await refused('UPDATE audit_log SET at = now()')).toBe('42501');
    expect(await refused('DROP TABLE customers')).toBe('42501');
    expect(await refused('CREATE TABLE scratch (id int)')).toBe('42501');

    // The portal's write path as that role: a customer applies for a contract (writes + audit).
    const [before] = await db.select({ n: count() }).from(auditLog);
    const [u] = await db.select().from(customerUsers).where(eq(customerUsers.email, DEMO_USERS.alice));
    const alice = { kind: 'customer' as const, userId: u!.id, customerId: u!.customerId, role: u!.role, name: u!.name, email: u!.email, canWrite: true };
    const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
    const order = { option: { kind: 'onprem_port' as const, line: 'optical' as const, speed: '1G' as const }, dataCentre: 'Osaka DC2', rack: 'B01' };
    const done = await applyForContract(db, alice, { closedNetworkId: plants!.id, orders: [order], idempotencyKey: `roles-${suffix}` }, { now: NOW, mode: 'confirm' });
    expect(done).toMatchObject({ ok: true });
    const [after] = await db.select({ n: count() }).from(auditLog);
    expect(after!.n).toBeGreaterThan(before!.n);
    // A once-only job (the cancellation settlement's key) runs in one instance at a time: a second
    // instance on the same database skips it while the first runs it, and runs it afterwards.
    const other = await openPostgres(urlFor(database, role), 2, { migrate: false });
    try {
      let started!: () => void;
      let finish!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const held = new Promise<void>((resolve) => (finish = resolve));
      const first = app.runExclusive(727002, async () => {
        started();
        await held;
      });
      await running;
      expect(await other.runExclusive(727002, async () => {})).toBe('skipped');
      finish();
      expect(await first).toBe('ran');
      expect(await other.runExclusive(727002, async () => {})).toBe('ran');
    } finally {
      await other.close();
    }
  }, 120_000);
});
