import crypto from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type OpenDatabase } from '@/db/client';

/**
 * The databases integration tests run on: always an in-memory PGlite with the real migrations,
 * and, when a PostgreSQL server is reachable (TEST_DATABASE_URL, default the local server),
 * a throwaway database created on it and dropped afterwards.
 * With REQUIRE_POSTGRES=1 (CI) an unreachable server fails the run instead of being left out.
 */
export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<OpenDatabase>;
}

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database host: ${host}`);
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function openThrowawayPostgres(): Promise<OpenDatabase> {
  assertLocal(adminUrl);
  const name = `smarthub_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const open = await openPostgres(url.toString(), 25);
  return {
    ...open,
    async close() {
      await open.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function testDatabaseTargets(): Promise<TestDatabaseTarget[]> {
  const targets: TestDatabaseTarget[] = [{ name: 'pglite', open: () => openPglite() }];
  if (await postgresReachable()) {
    targets.push({ name: 'postgres', open: openThrowawayPostgres });
  } else if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(`REQUIRE_POSTGRES=1 but no PostgreSQL server answers at ${adminUrl}`);
  } else {
    console.warn(`[tests] no PostgreSQL server at ${adminUrl}: integration tests run on PGlite only`);
  }
  return targets;
}
