// After `next build`: makes .next/standalone a folder that runs by itself — Next leaves out the
// static files and public/ (meant for a CDN); we add them, our server entry, the migration step
// with its migrations (and drizzle's migrator), and the message files the 503 page reads. Then: `node server.mjs` there.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = path.join(root, '.next', 'standalone');
if (!fs.existsSync(target)) {
  console.error('[smarthub] no .next/standalone (is `output: "standalone"` set in next.config.mjs?)');
  process.exit(1);
}
const copy = (from, to = from) => fs.cpSync(path.join(root, from), path.join(target, to), { recursive: true });
copy('.next/static');
copy('public');
copy('db/migrations');
copy('lib/i18n/messages');
copy('scripts/server.mjs', 'server.mjs');
copy('scripts/db-migrate.mjs', 'db-migrate.mjs');
// The migration step needs drizzle's migrator as a package (the app has it bundled into its chunks).
if (!fs.existsSync(path.join(target, 'node_modules', 'drizzle-orm'))) copy('node_modules/drizzle-orm');
console.log('[smarthub] .next/standalone is ready: copy the folder, then `node server.mjs` in it (DATABASE_URL, AUTH_SECRET, PORT)');
