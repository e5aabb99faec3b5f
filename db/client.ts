import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireLock } from './lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** Either driver's database: code takes this and never asks which one it is. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or a transaction: what query functions take first. */
export type DbOrTx = Db | Tx;

export interface OpenDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Runs `job` unless another process is running the job with the same `key` right now (then
   * answers 'skipped'): a PostgreSQL session advisory lock held on a connection of its own, so
   * several instances on one database run a once-only job once. The embedded database has one
   * process by its lock file, so the job simply runs.
   */
  runExclusive(key: number, job: () => Promise<void>): Promise<'ran' | 'skipped'>;
}

async function runAlone(job: () => Promise<void>): Promise<'ran'> {
  await job();
  return 'ran';
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export const defaultPgliteDir = () => process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');

/** Opens (creating if needed) an embedded PGlite database and migrates it. No dir: in memory. */
export async function openPglite(dataDir?: string): Promise<OpenDatabase> {
  const release = dataDir ? acquireLock(dataDir) : () => {};
  try {
    const client = dataDir ? new PGlite(dataDir) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      runExclusive: (_key, job) => runAlone(job),
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Connects to a PostgreSQL server and migrates it (one migrator at a time, by advisory lock): tests, benchmarks. */
export async function openPostgres(url: string, poolSize = 10, options: { migrate?: boolean } = {}): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server closes must not bring the process down; the next
  // query gets a fresh connection.
  // (db/ does not import lib/, so this goes to Node's warning channel rather than lib/log.ts.)
  pool.on('error', (error) => process.emitWarning(`idle connection closed: ${error.message}`, 'SmartHubDatabase'));
  try {
    if (options.migrate ?? true) await migratePostgres(pool);
    else await assertMigrated(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  async function runExclusive(key: number, job: () => Promise<void>): Promise<'ran' | 'skipped'> {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [key]);
      if (!rows[0]?.got) return 'skipped';
      try {
        await job();
        return 'ran';
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  }
  return { db, kind: 'postgres', close: () => pool.end(), runExclusive };
}

/** Applies the shipped migrations (`npm run db:migrate`; needs a role that may change the schema). */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock(727001)');
    await migratePg(drizzlePg(lockClient, { schema }), { migrationsFolder });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(727001)').catch(() => {});
    lockClient.release();
  }
}

export class MigrationsPendingError extends Error {
  constructor(applied: number, shipped: number) {
    super(
      `The database (DATABASE_URL) has ${applied} of the ${shipped} migrations this version ships. ` +
        'Apply them first with `npm run db:migrate` (DATABASE_URL set to a role that may change the schema); ' +
        'the portal itself does not change the schema.',
    );
    this.name = 'MigrationsPendingError';
  }
}

/** Refuses a database whose schema is not the one this build ships (the running app has no DDL rights). */
async function assertMigrated(pool: pg.Pool): Promise<void> {
  const shipped = readMigrationFiles({ migrationsFolder });
  let applied: { hash: string }[] = [];
  try {
    applied = (await pool.query<{ hash: string }>('SELECT hash FROM drizzle.__drizzle_migrations')).rows;
  } catch (error) {
    if ((error as { code?: string }).code !== '42P01' && (error as { code?: string }).code !== '3F000') throw error; // no table yet: nothing applied
  }
  const hashes = new Set(applied.map((row) => row.hash));
  const missing = shipped.filter((migration) => !hashes.has(migration.hash));
  if (missing.length) throw new MigrationsPendingError(shipped.length - missing.length, shipped.length);
}

/** One code path picks the database: DATABASE_URL → PostgreSQL, otherwise embedded PGlite. */
export async function openConfiguredDatabase(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  // PostgreSQL is migrated by `npm run db:migrate` beforehand; the embedded database migrates itself.
  return url ? openPostgres(url, 10, { migrate: false }) : openPglite(defaultPgliteDir());
}

type Holder = { promise?: Promise<OpenDatabase> };
// Kept on globalThis: one `next start` process loads this module in more than one bundle,
// and two PGlite instances on one directory lose writes.
const holder = ((globalThis as { __smarthubDb?: Holder }).__smarthubDb ??= {});

/** The app's database, opened and migrated on first use (never at import: builds must not open it). */
export function getOpenDatabase(): Promise<OpenDatabase> {
  // The demo data is loaded by the server's start (lib/startup.ts), not here: db/ imports nothing of lib/.
  holder.promise ??= openConfiguredDatabase().catch((error: unknown) => {
    holder.promise = undefined;
    throw error;
  });
  return holder.promise;
}

export async function getDb(): Promise<Db> {
  return (await getOpenDatabase()).db;
}
