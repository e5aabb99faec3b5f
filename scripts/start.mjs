// `npm start`: builds the app if there is no current build, prepares the secret, and serves
// the portal. Without DATABASE_URL it uses the embedded PGlite database under .data/
// (created, migrated and loaded with demo data on first start by the server itself).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const env = { ...process.env, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true' };

function fail(message) {
  console.error(`\n[smarthub] ${message}\n`);
  process.exit(1);
}

// 1. Secret: from the environment, or generated once and kept beside the embedded data.
if (!env.AUTH_SECRET) {
  if (env.DATABASE_URL) fail('DATABASE_URL is set, so AUTH_SECRET must be set too (e.g. `openssl rand -base64 32`).');
  const secretFile = path.join(root, '.data', 'auth-secret');
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
    console.log('[smarthub] generated a sign-in secret in .data/auth-secret');
  }
  env.AUTH_SECRET = fs.readFileSync(secretFile, 'utf8').trim();
}

// 1b. The key that seals authenticator secrets (lib/auth/secret-box.ts), like the secret above.
prepareTotpEncryptionKey();

// 2. Refuse early when another process holds the embedded database.
if (!env.DATABASE_URL) {
  const dataDir = path.resolve(env.PGLITE_DIR ?? path.join(root, '.data', 'pglite'));
  try {
    const pid = Number.parseInt(fs.readFileSync(`${dataDir}.lock`, 'utf8'), 10);
    process.kill(pid, 0);
    fail(
      `The embedded database at ${dataDir} is already in use by another process (PID ${pid}). ` +
        'Stop the other `npm start` first, or set DATABASE_URL to use a PostgreSQL server.',
    );
  } catch (error) {
    if (error?.code === 'EPERM') fail(`The embedded database at ${dataDir} is in use by another process.`);
    // no lock file, or its process is gone: free
  }
}

// 3. Build when there is no build or the sources are newer than it.
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = ['app', 'components', 'lib', 'db', 'public'].map((d) => newestMtime(path.join(root, d)));
const configs = ['next.config.mjs', 'proxy.ts', 'instrumentation.ts', 'package-lock.json']
  .map((f) => path.join(root, f))
  .filter((f) => fs.existsSync(f))
  .map((f) => fs.statSync(f).mtimeMs);
const dev = process.argv.includes('--dev');
const stale = !dev && (!fs.existsSync(buildId) || Math.max(...sources, ...configs) > fs.statSync(buildId).mtimeMs);
if (stale) {
  console.log('[smarthub] building the portal (first start or changed sources)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) fail('The build failed; see the output above.');
}

// 4. Serve. Signals are passed on so the server closes the database cleanly.
const port = env.PORT ?? '3000';
// Production: scripts/server.mjs (peer address, request id, 503 while the database is down, a
// graceful stop on SIGTERM) instead of `next start`.
const serverArgs = dev ? [nextBin, 'dev', '-p', port] : [path.join(root, 'scripts', 'server.mjs')];
const server = spawn(process.execPath, serverArgs, { cwd: root, env: { ...env, PORT: port }, stdio: 'inherit' });
console.log(`[smarthub] portal at http://localhost:${port} (sign-in page: /login)`);
if (!env.DATABASE_URL) {
  // The demo's passwords are published: say plainly that this database is not for real users.
  console.log('[smarthub] embedded database with demo accounts: for trying the portal, not for production (set DATABASE_URL)');
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/**
 * TOTP_ENCRYPTION_KEY (32 bytes, base64) from the environment; on the embedded default generated
 * once and kept beside the data (.data/totp-key), since the secrets it seals live there too.
 * With DATABASE_URL and no key: refuse to start.
 */
function prepareTotpEncryptionKey() {
  if (env.TOTP_ENCRYPTION_KEY) return;
  if (env.DATABASE_URL) fail('DATABASE_URL is set, so TOTP_ENCRYPTION_KEY must be set too (32 random bytes in base64, e.g. `openssl rand -base64 32`).');
  const keyFile = path.join(root, '.data', 'totp-key');
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
    console.log('[smarthub] generated the authenticator-secret key in .data/totp-key');
  }
  env.TOTP_ENCRYPTION_KEY = fs.readFileSync(keyFile, 'utf8').trim();
}
