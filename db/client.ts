import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
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

/** Connects to a PostgreSQL server and migrates it (one migrator at a time, by advisory lock). */
export async function openPostgres(url: string, poolSize = 10): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server closes must not bring the process down; the next
  // query gets a fresh connection.
  // (db/ does not import lib/, so this goes to Node's warning channel rather than lib/log.ts.)
  pool.on('error', (error) => process.emitWarning(`idle connection closed: ${error.message}`, 'SmartHubDatabase'));
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock(727001)');
    await migratePg(drizzlePg(lockClient, { schema }), { migrationsFolder });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(727001)').catch(() => {});
    lockClient.release();
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => pool.end() };
}

/** One code path picks the database: DATABASE_URL → PostgreSQL, otherwise embedded PGlite. */
export async function openConfiguredDatabase(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(defaultPgliteDir());
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
