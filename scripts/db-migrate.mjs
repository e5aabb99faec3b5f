// `npm run db:migrate`: applies the shipped migrations (db/migrations) to DATABASE_URL, as its own
// deployment step, so the running portal can connect as a role without DDL rights (db/roles.sql).
// One migrator at a time (the same advisory lock as db/client.ts). Plain Node: it also runs from a
// standalone folder (`node db-migrate.mjs` there), where no dev tools are installed.
import fs from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = fs.existsSync(path.join(here, 'db', 'migrations')) ? here : path.resolve(here, '..');
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('[smarthub] DATABASE_URL is not set. (The embedded database migrates itself when the portal starts.)');
  process.exit(1);
}
const client = new pg.Client({ connectionString: url });
try {
  await client.connect();
  await client.query('SELECT pg_advisory_lock(727001)');
  await migrate(drizzle(client), { migrationsFolder: path.join(root, 'db', 'migrations') });
  const { rows } = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  console.log(`[smarthub] database migrated: ${rows[0].n} migrations applied`);
} catch (error) {
  console.error(`[smarthub] migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.query('SELECT pg_advisory_unlock(727001)').catch(() => {});
  await client.end().catch(() => {});
}
