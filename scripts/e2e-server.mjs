// The server the browser tests run against: `next start` on a fresh embedded database that the
// server migrates and loads with the demo data (lib/demo/seed.ts) on start. Nothing is left behind.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.E2E_PORT ?? '3210';
const dataDir = path.join(root, '.data', `e2e-${port}`);
// Mails without SMTP are filed here (lib/notify/mailer.ts), beside the database and removed with it.
const mailDir = `${dataDir}-mail`;
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}.lock`, { force: true });
fs.rmSync(mailDir, { recursive: true, force: true });

const env = {
  ...process.env,
  PGLITE_DIR: dataDir,
  AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  TOTP_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
  AUTH_TRUST_HOST: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  MAIL_DIR: mailDir,
  NOTIFY_POLL_MS: '500',
};
delete env.DATABASE_URL;

const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const seeded = spawnSync(process.execPath, [tsxCli, path.join(root, 'scripts', 'e2e-seed.ts')], { cwd: root, env, stdio: 'inherit' });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

// The production entry (scripts/server.mjs), as `npm start` runs it.
const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], { cwd: root, env: { ...env, PORT: port }, stdio: 'inherit' });
const stop = (signal) => server.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(mailDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
