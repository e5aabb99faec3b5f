// Helpers of e2e/ops.spec.ts: the production server entry (scripts/server.mjs) started as a process
// of its own on the ports after E2E_PORT, and a PostgreSQL cluster of its own (initdb + pg_ctl) that
// the test can stop and start again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const root = process.cwd();
const base = Number(process.env.E2E_PORT ?? 3210);
/** The two extra ports of this run (E2E_PORT + 1, + 2). */
export const extraPorts = [base + 1, base + 2] as const;

export interface Server {
  port: number;
  child: ChildProcess;
  /** Every JSON line the server wrote. */
  lines: () => Record<string, unknown>[];
  exited: Promise<number | null>;
}

/** One authenticator-secret key for every server and seed of a run (they share databases). */
export const TOTP_KEY = crypto.randomBytes(32).toString('base64');

export function startServer(port: number, env: Record<string, string>): Server {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), AUTH_SECRET: crypto.randomBytes(32).toString('base64url'), AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1', TOTP_ENCRYPTION_KEY: TOTP_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { port, child, lines, exited };
}

export async function waitReady(server: Server, path = '/healthz', timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`server on ${server.port} exited: ${JSON.stringify(server.lines().slice(-5))}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server on ${server.port} not ready`);
}

export async function stopServer(server: Server) {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

export function tempDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const havePostgresBinaries = fs.existsSync(path.join(PG_BIN, 'initdb'));

/** A PostgreSQL cluster of the test's own (as the postgres user when run as root). */
export async function startCluster() {
  const dir = tempDir('smarthub-pg-');
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asPostgres = process.getuid?.() === 0;
  if (asPostgres) spawnSync('chown', ['-R', 'postgres', dir]);
  const run = (bin: string, args: string[]) => {
    const command = path.join(PG_BIN, bin);
    const result = asPostgres ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${bin}: ${result.stderr}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    remove() {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `npm run db:migrate` against `url`. */
export function migrate(url: string) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'db-migrate.mjs')], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

// ── nginx in front (the README's example configuration) ─────────────────────

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
export const haveNginx = Boolean(NGINX);
/** The port nginx listens on in this run (E2E_PORT + 3). */
export const proxyPort = base + 3;

/**
 * The nginx configuration from the README's "Deployment" section, as written there, with only
 * what a test must change: its upstream servers are ours, it listens on a local port without
 * TLS, and its files live in `dir`.
 */
export function readmeNginxConfig(dir: string, upstreams: number[]): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no nginx example');
  const site = block
    .replace(/^\s*server \d+\.\d+\.\d+\.\d+:\d+[^;]*;\n/gm, '')
    .replace(/upstream smarthub \{\n/, `upstream smarthub {\n${upstreams.map((p) => `  server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;\n`).join('')}`)
    .replace(/listen 443 ssl;/, `listen 127.0.0.1:${proxyPort};`);
  return [
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'events {}',
    'http {',
    `  access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    site,
    '}',
  ].join('\n');
}

/** Starts nginx on `config` (checked with `nginx -t` first); returns a stop function. */
export function startNginx(dir: string, config: string): () => void {
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, config);
  const check = spawnSync(NGINX!, ['-t', '-c', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
  const child = spawn(NGINX!, ['-c', file, '-g', 'daemon off;'], { stdio: 'ignore' });
  return () => child.kill('SIGQUIT');
}
