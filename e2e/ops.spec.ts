// Running it for real: the production server entry (scripts/server.mjs) as processes of their own,
// on the two ports after E2E_PORT. No browser: plain HTTP, as a load balancer or a proxy sees it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import {
  extraPorts,
  haveNginx,
  havePostgresBinaries,
  migrate,
  proxyPort,
  readmeNginxConfig,
  root,
  startCluster,
  startNginx,
  startServer,
  stopServer,
  TOTP_KEY,
  tempDir,
  waitReady,
  type Server,
} from './ops-servers';

test.describe.configure({ mode: 'serial' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The fields of the page's first form as a browser without JavaScript sends them (Next's hidden action fields included). */
async function formOf(port: number, page: string, fill: Record<string, string>): Promise<FormData> {
  const html = await (await fetch(`http://127.0.0.1:${port}${page}`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const data = new FormData();
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const input of form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) data.append(decode(name), decode(/value="([^"]*)"/.exec(input)?.[1] ?? ''));
  }
  for (const [name, value] of Object.entries(fill)) data.append(name, value);
  return data;
}

/** Sends a POST whose body arrives in two halves, `gap` apart; resolves with the status and body. */
function slowPost(port: number, page: string, body: Buffer, contentType: string, halfSent: () => void, gap: Promise<void>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: page, method: 'POST', headers: { 'content-type': contentType, 'content-length': body.length } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.write(body.subarray(0, body.length >> 1));
    halfSent();
    void gap.then(() => request.end(body.subarray(body.length >> 1)));
  });
}

test('server entry: a fresh request id on every response; SIGTERM finishes requests in flight, refuses new ones, closes the database, exits 0', async () => {
  test.setTimeout(240_000);
  const dir = tempDir('smarthub-ops-');
  const dataDir = path.join(dir, 'pglite');
  let release = () => {};
  const server = startServer(extraPorts[0], { PGLITE_DIR: dataDir, MAIL_DIR: path.join(dir, 'mail'), NOTIFY_WORKER: '0' });
  try {
    await waitReady(server, '/login');
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);

    // The request id: fresh, never the client's, echoed, and on the access log line with the socket's address as the peer.
    const response = await fetch(`http://127.0.0.1:${server.port}/login`, { headers: { 'x-request-id': 'client-chosen', 'x-smarthub-peer': '203.0.113.9', 'x-forwarded-for': '198.51.100.7' } });
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(UUID);
    const again = (await fetch(`http://127.0.0.1:${server.port}/healthz`)).headers.get('x-request-id');
    expect(again).toMatch(UUID);
    expect(again).not.toBe(id);
    await expect.poll(() => server.lines().find((l) => l.reqId === id && l.msg === 'request')).toMatchObject({ status: 200, peer: expect.stringMatching(/127\.0\.0\.1$/), forwardedFor: '198.51.100.7' });

    // Three sign-ins whose bodies are still arriving when SIGTERM comes.
    const form = await formOf(server.port, '/login', { email: 'nobody@example.com', password: 'not-the-password' });
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const contentType = encoded.headers.get('content-type') ?? '';
    const gap = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const inFlight = [0, 1, 2].map(() => slowPost(server.port, '/login', body, contentType, () => started++, gap));
    await new Promise((r) => setTimeout(r, 1000));
    expect(started).toBe(3);
    server.child.kill('SIGTERM');
    // New connections are refused once the server stops listening.
    await expect.poll(() => fetch(`http://127.0.0.1:${server.port}/healthz`).then(() => 'answered', (e: Error) => String((e.cause as { code?: string })?.code)), { timeout: 10_000 }).toBe('ECONNREFUSED');
    release();
    for (const answer of await Promise.all(inFlight)) {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('<html');
    }
    expect(await server.exited).toBe(0);
    // The embedded database was closed: its lock is gone.
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
    expect(server.lines().some((l) => l.msg === 'database closed; stopped')).toBe(true);
  } finally {
    release();
    await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('on a PostgreSQL cluster of its own', () => {
  // PostgreSQL 15 is on every developer's and CI machine: its binaries missing is a failure, never a skip.
  test.beforeAll(() => {
    expect(havePostgresBinaries, `PostgreSQL server binaries (initdb, pg_ctl) are not installed (PG_BIN)`).toBe(true);
  });

  test('database down: a page answers 503 with Retry-After and the translated text, /readyz 503, /healthz 200; back up: 200', async () => {
    test.setTimeout(240_000);
    const cluster = await startCluster();
    const dir = tempDir('smarthub-ops-');
    let server: Server | undefined;
    try {
      migrate(cluster.url);
      server = startServer(extraPorts[0], { DATABASE_URL: cluster.url, MAIL_DIR: path.join(dir, 'mail'), NOTIFY_WORKER: '0' });
      await waitReady(server, '/readyz');
      const page = `http://127.0.0.1:${server.port}/reset-password/${'a'.repeat(32)}` // a well-formed link: the page looks it up;
      expect((await fetch(page)).status).toBe(200);

      cluster.stop();
      const en = await fetch(page, { headers: { 'accept-language': 'en' } });
      expect(en.status).toBe(503);
      expect(en.headers.get('retry-after')).toBe('5');
      const text = await en.text();
      expect(text).toContain('Nothing was changed');
      expect(text).toContain(en.headers.get('x-request-id') ?? 'no id');
      const ja = await fetch(page, { headers: { 'accept-language': 'ja' } });
      expect(ja.status).toBe(503);
      expect(await ja.text()).toContain('何も変更していません');
      const readyz = await fetch(`http://127.0.0.1:${server.port}/readyz`);
      expect(readyz.status).toBe(503);
      expect(readyz.headers.get('retry-after')).toBeTruthy();
      expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);

      cluster.start();
      await expect.poll(async () => (await fetch(page)).status, { timeout: 30_000 }).toBe(200);
      expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(200);
    } catch (error) {
      console.log(JSON.stringify(server?.lines().slice(-8), null, 1));
      throw error;
    } finally {
      if (server) await stopServer(server);
      cluster.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two instances on one database: a due cancellation is settled once, a notice is mailed once', async () => {
    test.setTimeout(300_000);
    const cluster = await startCluster();
    const dir = tempDir('smarthub-ops-');
    const mailDir = path.join(dir, 'mail');
    const servers: Server[] = [];
    const client = new pg.Client({ connectionString: cluster.url });
    try {
      migrate(cluster.url);
      const seeded = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'test', 'fixtures', 'ops-seed.ts')], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: cluster.url, TOTP_ENCRYPTION_KEY: TOTP_KEY },
        encoding: 'utf8',
      });
      expect(seeded.status, seeded.stderr).toBe(0);
      await client.connect();
      const due = Number((await client.query(`SELECT count(*) AS n FROM cancellation_notices WHERE status = 'pending' AND effective_date < CURRENT_DATE`)).rows[0].n);
      expect(due).toBeGreaterThan(0);

      // Both start at once; each settles at startup and runs the notification worker.
      const env = { DATABASE_URL: cluster.url, MAIL_DIR: mailDir, NOTIFY_POLL_MS: '300' };
      servers.push(startServer(extraPorts[0], env), startServer(extraPorts[1], env));
      await Promise.all(servers.map((s) => waitReady(s, '/readyz')));

      const settled = await client.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'cancellation.effective'`);
      expect(Number(settled.rows[0].n)).toBe(due);
      expect(Number((await client.query(`SELECT count(*) AS n FROM cancellation_notices WHERE status = 'pending' AND effective_date < CURRENT_DATE`)).rows[0].n)).toBe(0);

      // A notice through either instance: a password reset requested on the first.
      const form = await formOf(servers[0]!.port, '/reset-password', { email: 'alice@acme.example' });
      const answer = await fetch(`http://127.0.0.1:${servers[0]!.port}/reset-password`, { method: 'POST', body: form });
      expect(answer.status).toBe(200);
      const mails = () => (fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')) : []);
      await expect.poll(() => mails().length, { timeout: 30_000 }).toBeGreaterThan(0);
      const count = async (where: string) => Number((await client.query(`SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'email' AND ${where}`)).rows[0].n);
      await expect.poll(() => count(`status <> 'sent'`), { timeout: 30_000 }).toBe(0);
      await new Promise((r) => setTimeout(r, 2000)); // both workers polled several times since
      // One file per e-mail delivery, though both workers ran over the same rows.
      const sent = await count(`status = 'sent'`);
      expect(sent).toBeGreaterThan(0);
      expect(mails()).toHaveLength(sent);
    } finally {
      await client.end().catch(() => {});
      for (const s of servers) await stopServer(s);
      cluster.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("behind nginx with the README's configuration: both instances serve, the client's own X-Forwarded-For is replaced", async () => {
    expect(haveNginx, 'nginx is not installed: `apt-get install nginx-light` (.ci/run does)').toBe(true);
    test.setTimeout(300_000);
    const cluster = await startCluster();
    const dir = tempDir('smarthub-nginx-');
    const servers: Server[] = [];
    let stopNginx = () => {};
    try {
      migrate(cluster.url);
      const env = { DATABASE_URL: cluster.url, MAIL_DIR: path.join(dir, 'mail'), NOTIFY_WORKER: '0', TRUSTED_PROXY_HOPS: '1' };
      servers.push(startServer(extraPorts[0], env), startServer(extraPorts[1], env));
      await Promise.all(servers.map((s) => waitReady(s, '/readyz')));
      stopNginx = startNginx(dir, readmeNginxConfig(dir, [...extraPorts]));

      const through = async (pathname: string) => {
        for (let tries = 0; ; tries += 1) {
          try {
            return await fetch(`http://127.0.0.1:${proxyPort}${pathname}`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
          } catch (error) {
            if (tries > 50) throw error; // nginx still starting
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      };
      for (let i = 0; i < 6; i += 1) {
        const answer = await through('/login');
        expect(answer.status).toBe(200);
        expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
      // Round robin over both instances; each saw nginx's own X-Forwarded-For, never the client's.
      const logged = () => servers.map((s) => s.lines().filter((l) => l.msg === 'request' && l.url === '/login'));
      await expect.poll(() => logged().flat().length, { timeout: 10_000 }).toBe(6); // the access log is written as each answer finishes
      const seen = logged();
      for (const lines of seen) {
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(line.forwardedFor).toBe('127.0.0.1');
      }
    } finally {
      stopNginx();
      for (const s of servers) await stopServer(s);
      cluster.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
