// `npm run bench`: the portal's pages under load, as ratios to a floor measured in the same run.
//
// 1. Starts its own PostgreSQL (bench/postgres.ts), migrates it and loads the book (bench/book.ts).
// 2. Builds the app (unless BENCH_SKIP_BUILD=1) and starts `next start` against that database with
//    SMARTHUB_BENCH=1, the only way the floor page and the bare handler (app/bench/) exist.
// 3. Signs in as the scenarios' users through Auth.js's own credentials endpoint, then drives
//    load from this process (autocannon): every scenario in turn, in interleaved rounds, so that
//    machine noise hits them alike; then a soak of 20,000 requests in tenths, with the server's
//    resident memory read after each tenth.
// 4. Measures first-load JavaScript and Lighthouse scores, writes bench/results.json and prints
//    the same as a Markdown table, with each target of the issue checked.
//
// Knobs (environment): BENCH_DATABASE_URL, BENCH_PORT (the server's port; default a free one), BENCH_ROUNDS (3), BENCH_SECONDS (10 per scenario and
// round), BENCH_CONNECTIONS (16), BENCH_SOAK_REQUESTS (20000), BENCH_SKIP_BUILD, BENCH_SKIP_LIGHTHOUSE,
// BENCH_CPU_PROF=<dir> (the server writes a V8 CPU profile there on exit), BENCH_SMALL_BOOK=1
// (a tenth of the book, for trying the script), BENCH_ONLY=floor,contract-200 (some scenarios;
// `signin-burst` names the sign-in burst, bench/signin-burst.ts).
import autocannon from 'autocannon';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSync } from 'otplib';
import { openPostgres } from '../db/client';
import { BENCH_PASSWORD, BENCH_TOTP_SECRET, loadBook, type BookAccounts } from './book';
import { firstLoadJsKbGzip } from './first-load-js';
import { lighthouseScores } from './lighthouse';
import { benchDatabase, freePort } from './postgres';
import { cpuMsOfTree, percentile, rssOfTree } from './measure';
import { signInBurst, type SignInBurstResult } from './signin-burst';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = process.env;
// The book seals the support member's authenticator secret with it, and the server opens it.
env.TOTP_ENCRYPTION_KEY ??= crypto.randomBytes(32).toString('base64');
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 16);
const SOAK = Number(env.BENCH_SOAK_REQUESTS ?? 20_000);
const small = env.BENCH_SMALL_BOOK === '1';
const SIZE = small
  ? { customers: 1_000, contracts: 2_500, optionsPerContract: 6, auditRows: 100_000 }
  : { customers: 10_000, contracts: 25_000, optionsPerContract: 6, auditRows: 1_000_000 };
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Scenario {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  contentType?: string;
  cookie: string;
  /** Text the answer must contain, checked once before the load: a page that is not what we think fails the run. */
  expect: string;
}

interface ScenarioResult {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  ratioToFloor: number;
}

function commitOf(): string {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root }).toString().trim();
  return dirty ? `${head}+uncommitted` : head;
}

async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/login`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the server did not answer within 2 minutes');
}

/** The Set-Cookie values of a response as one Cookie header (name=value pairs). */
function cookiesOf(res: Response, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => c.split('=') as [string, string]).map(([k, ...v]) => [k, v.join('=')]));
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Signs in through Auth.js's credentials endpoint, as the login form does; returns the session cookie. */
async function signIn(base: string, email: string, totp?: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookie = cookiesOf(csrf);
  const form = new URLSearchParams({ email, password: BENCH_PASSWORD, csrfToken, callbackUrl: `${base}/` });
  if (totp) form.set('totp', totp);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    redirect: 'manual',
  });
  cookie = cookiesOf(res, cookie);
  // `__Secure-authjs.session-token` from a production server (lib/auth/config.ts useSecureCookies).
  const session = cookie.split('; ').find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`bench: sign-in as ${email} failed (HTTP ${res.status})`);
  return session;
}

/** Checks a scenario's answer once; returns its size in bytes (for a page: the HTML with its inline RSC payload). */
async function checkScenario(base: string, s: Scenario): Promise<number> {
  const res = await fetch(`${base}${s.path}`, {
    method: s.method ?? 'GET',
    body: s.body,
    headers: { cookie: s.cookie, ...(s.contentType ? { 'content-type': s.contentType } : {}) },
    redirect: 'manual',
  });
  const text = await res.text();
  if (res.status !== 200 || !text.includes(s.expect)) {
    throw new Error(`bench: ${s.name} (${s.path}) answered ${res.status} without "${s.expect}": ${text.slice(0, 300)}`);
  }
  return Buffer.byteLength(text);
}

interface Sample {
  latencies: number[];
  requests: number;
  seconds: number;
  errors: number;
  non2xx: number;
  /** CPU time the server's process tree used during the load (ms). */
  serverCpuMs: number;
}

function requestOf(s: Scenario) {
  return {
    method: s.method ?? 'GET',
    path: s.path,
    body: s.body,
    headers: { cookie: s.cookie, ...(s.contentType ? { 'content-type': s.contentType } : {}) },
  };
}

/** One autocannon run against one or more scenarios (cycled per connection); every response's latency is kept. */
async function load(base: string, serverPid: number, scenarios: Scenario[], limit: { seconds: number } | { amount: number }): Promise<Sample> {
  const latencies: number[] = [];
  const cpuBefore = cpuMsOfTree(serverPid);
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        ...('seconds' in limit ? { duration: limit.seconds } : { amount: limit.amount }),
        requests: scenarios.map(requestOf),
        timeout: 30,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    latencies,
    requests: result.requests.total,
    seconds: (performance.now() - started) / 1000,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverCpuMs: cpuMsOfTree(serverPid) - cpuBefore,
  };
}

function summarise(name: string, samples: Sample[]): Omit<ScenarioResult, 'ratioToFloor'> {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const requests = samples.reduce((n, s) => n + s.requests, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  return {
    name,
    rps: Math.round((requests / seconds) * 10) / 10,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    errors: samples.reduce((n, s) => n + s.errors, 0),
    non2xx: samples.reduce((n, s) => n + s.non2xx, 0),
  };
}

async function main() {
  const startedAt = Date.now();
  const commit = commitOf();
  const database = await benchDatabase();
  let server: ChildProcess | undefined;
  try {
    log(`database: ${database.describe}`);
    const loadStarted = Date.now();
    const open = await openPostgres(database.url, 4);
    const { accounts, counts } = await loadBook(open.db, SIZE);
    await open.close();
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    log(
      `loaded ${counts.customers} customers, ${counts.contracts} contracts, ${counts.options} options, ${counts.auditRows} audit rows in ${loadSeconds.toFixed(1)} s (migrations included)`,
    );

    if (env.BENCH_SKIP_BUILD !== '1') {
      log('next build …');
      const built = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
      if (built.status !== 0) throw new Error('next build failed');
    }

    const port = env.BENCH_PORT ? Number(env.BENCH_PORT) : await freePort();
    const base = `http://127.0.0.1:${port}`;
    const profileDir = env.BENCH_CPU_PROF ? path.resolve(env.BENCH_CPU_PROF) : null;
    server = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...env,
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
        AUTH_TRUST_HOST: 'true',
        SMARTHUB_BENCH: '1',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    });
    await waitForServer(base, server);
    log(`server on ${base} (pid ${server.pid})`);

    const cookies = {
      small: await signIn(base, accounts.small.email),
      large: await signIn(base, accounts.large.email),
      support: await signIn(base, accounts.support.email, generateSync({ secret: BENCH_TOTP_SECRET, epoch: Math.floor(Date.now() / 1000) })),
    };
    const scenarios = scenariosFor(accounts, cookies);
    const bytes = new Map<string, number>();
    for (const s of scenarios) bytes.set(s.name, await checkScenario(base, s));
    const only = env.BENCH_ONLY?.split(',');
    const measured = only ? scenarios.filter((s) => s.name === 'floor' || only.includes(s.name)) : scenarios;

    log('warm-up …');
    for (const s of measured) await load(base, server.pid!, [s], { seconds: 3 });
    const samples = new Map<string, Sample[]>(measured.map((s) => [s.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const s of measured) {
        const sample = await load(base, server.pid!, [s], { seconds: SECONDS });
        samples.get(s.name)!.push(sample);
        log(`round ${round}/${ROUNDS} ${s.name}: ${(sample.requests / sample.seconds).toFixed(1)} req/s, server CPU ${(sample.serverCpuMs / sample.requests).toFixed(2)} ms/request`);
      }
    }
    const summaries = measured.map((s) => summarise(s.name, samples.get(s.name)!));
    // The server's own CPU per request (ms): steadier than req/s on a busy machine, shown beside it.
    const cpuPerRequest = new Map(
      measured.map((s) => {
        const all = samples.get(s.name)!;
        return [s.name, all.reduce((n, x) => n + x.serverCpuMs, 0) / all.reduce((n, x) => n + x.requests, 0)] as const;
      }),
    );
    const floor = summaries.find((s) => s.name === 'floor')!;
    const results: ScenarioResult[] = summaries.map((s) => ({ ...s, ratioToFloor: Math.round((s.rps / floor.rps) * 100) / 100 }));

    // Last of the loads that sign in: the burst's failures throttle its address for 15 minutes.
    let burst: SignInBurstResult | null = null;
    if (!only || only.includes('signin-burst')) {
      log('signin-burst: the dashboard alone, then during 100 concurrent wrong-password sign-ins …');
      const dashboard = scenarios.find((s) => s.name === 'dashboard')!;
      burst = await signInBurst(base, requestOf(dashboard), CONNECTIONS);
      log(`signin-burst: dashboard p95 ${burst.p95AloneMs} ms alone, ${burst.p95DuringBurstMs} ms during the burst (× ${burst.ratio}); ${JSON.stringify(burst.answers)} in ${burst.burstMs} ms`);
    }

    log(`soak: ${SOAK} requests …`);
    const soakMix = scenarios.filter((s) => ['dashboard', 'dashboard-200', 'contract', 'contract-200', 'statement', 'sla', 'preview', 'search'].includes(s.name));
    const tenths: { p95: number; rssMiB: number }[] = [];
    for (let tenth = 0; tenth < 10; tenth++) {
      const sample = await load(base, server.pid!, soakMix, { amount: Math.round(SOAK / 10) });
      tenths.push({ p95: percentile([...sample.latencies].sort((a, b) => a - b), 95), rssMiB: rssOfTree(server.pid!) / 2 ** 20 });
      log(`soak ${tenth + 1}/10: p95 ${tenths.at(-1)!.p95.toFixed(0)} ms, rss ${tenths.at(-1)!.rssMiB.toFixed(0)} MiB`);
    }
    const soak = {
      requests: SOAK,
      rssAfterWarmupMiB: Math.round(tenths[0]!.rssMiB),
      rssEndMiB: Math.round(tenths.at(-1)!.rssMiB),
      p95FirstTenthMs: Math.round(tenths[0]!.p95),
      p95LastTenthMs: Math.round(tenths.at(-1)!.p95),
    };

    const pages = {
      '/': cookies.small,
      '/contracts/[id]': cookies.small,
      '/contracts/[id]/cancel': cookies.small,
      '/options/[id]/cancel': cookies.small,
      '/options/[id]/change': cookies.small,
      '/contracts/[id]/options/new': cookies.small,
      '/activity': cookies.small,
      '/prices': cookies.small,
      '/support-access': cookies.small,
    };
    const concrete = (route: string) =>
      route.replace('/contracts/[id]', `/contracts/${accounts.small.contractId}`).replace('/options/[id]', `/options/${accounts.small.optionIds[1]}`);
    const firstLoadJs: Record<string, number> = {};
    for (const [route, cookie] of Object.entries(pages)) {
      const [kb] = Object.values(await firstLoadJsKbGzip(base, [concrete(route)], cookie));
      firstLoadJs[route] = kb ?? NaN;
    }
    firstLoadJs['/login'] = Object.values(await firstLoadJsKbGzip(base, ['/login'], ''))[0] ?? NaN;

    const lighthouse: Record<string, { performance: number; accessibility: number; bestPractices: number }> = {};
    if (env.BENCH_SKIP_LIGHTHOUSE !== '1') {
      log('lighthouse …');
      const routes = ['/', '/contracts/[id]', '/options/[id]/cancel'];
      const scores = await lighthouseScores(base, routes.map(concrete), cookies.small);
      for (const route of routes) {
        const score = scores[concrete(route)];
        if (!score) continue;
        lighthouse[`${route} (desktop)`] = score.desktop;
        lighthouse[`${route} (mobile)`] = score.mobile;
      }
    }

    const cpu = os.cpus();
    const output = {
      commit,
      machine: `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${database.describe.replace(/ on port \d+/, '')}`,
      connections: CONNECTIONS,
      scenarios: results,
      firstLoadJsKbGzip: firstLoadJs,
      soak,
      signinBurst: burst,
      lighthouse,
    };
    const file = path.join(root, 'bench', only ? 'results.partial.json' : 'results.json');
    fs.writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`\n${markdown(output, loadSeconds, bytes, cpuPerRequest)}`);
    log(`wrote ${path.relative(root, file)} in ${((Date.now() - startedAt) / 60_000).toFixed(1)} min`);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGINT');
      await new Promise((r) => server!.once('exit', r));
    }
    await database.drop();
  }
}

/** Rows of the size ladder's scenarios (about 0.9 kB each). */
const LADDER = [10, 30, 90];

function scenariosFor(accounts: BookAccounts, cookies: { small: string; large: string; support: string }): Scenario[] {
  const form = 'application/x-www-form-urlencoded';
  return [
    { name: 'floor', path: '/bench/floor', cookie: cookies.small, expect: 'Bench Small KK' },
    { name: 'handler', path: '/bench/handler', cookie: cookies.small, expect: 'Bench Small KK' },
    // The size ladder: the floor with static rows (no reads), so each run shows what size of page
    // a ratio allows on this machine (app/bench/floor/page.tsx).
    ...LADDER.map((rows) => ({ name: `floor+${rows}rows`, path: `/bench/floor?rows=${rows}`, cookie: cookies.small, expect: `SH-O-LADDER${rows - 1}` })),
    { name: 'dashboard', path: '/', cookie: cookies.small, expect: 'SH-BENCH-SMALL' },
    { name: 'dashboard-200', path: '/', cookie: cookies.large, expect: 'SH-BENCH-LARGE' },
    { name: 'contract', path: `/contracts/${accounts.small.contractId}`, cookie: cookies.small, expect: 'SH-O-SM001' },
    { name: 'contract-200', path: `/contracts/${accounts.large.contractId}`, cookie: cookies.large, expect: 'SH-O-LG001' },
    // Issue 12: what the customer pays (this month's statement, every line) and the SLA page.
    { name: 'statement', path: '/statements', cookie: cookies.small, expect: 'SH-BENCH-SMALL' },
    { name: 'statement-200', path: '/statements', cookie: cookies.large, expect: 'SH-O-LG001' },
    { name: 'sla', path: `/contracts/${accounts.small.contractId}/sla`, cookie: cookies.small, expect: 'SH-BENCH-SMALL' },
    {
      name: 'preview',
      path: '/api/preview/cancelOption',
      method: 'POST',
      body: new URLSearchParams({ optionId: accounts.small.optionIds[0]!, requestedDate: '' }).toString(),
      contentType: form,
      cookie: cookies.small,
      expect: '"outcome"',
    },
    { name: 'search', path: '/api/staff/search?q=hooli%2012', cookie: cookies.support, expect: '"hits"' },
  ];
}

const TARGETS: Record<string, (r: Map<string, ScenarioResult>, floorP95: number) => boolean | null> = {
  'dashboard ≥ 0.9 × floor': (r) => (r.get('dashboard')?.ratioToFloor ?? NaN) >= 0.9,
  'contract ≥ 0.8 × floor': (r) => (r.get('contract')?.ratioToFloor ?? NaN) >= 0.8,
  'dashboard-200 ≥ 0.6 × floor': (r) => (r.get('dashboard-200')?.ratioToFloor ?? NaN) >= 0.6,
  'contract-200 ≥ 0.5 × floor': (r) => (r.get('contract-200')?.ratioToFloor ?? NaN) >= 0.5,
  // The statement and SLA pages with the contract page's targets (issue 12).
  'statement ≥ 0.8 × floor': (r) => (r.get('statement')?.ratioToFloor ?? NaN) >= 0.8,
  'statement-200 ≥ 0.5 × floor': (r) => (r.get('statement-200')?.ratioToFloor ?? NaN) >= 0.5,
  'sla ≥ 0.8 × floor': (r) => (r.get('sla')?.ratioToFloor ?? NaN) >= 0.8,
  'preview ≥ 1.5 × floor': (r) => (r.get('preview')?.ratioToFloor ?? NaN) >= 1.5,
  'search ≥ 2.5 × floor': (r) => (r.get('search')?.ratioToFloor ?? NaN) >= 2.5,
  'every p95 ≤ 2 × floor p95': (r, floorP95) => [...r.values()].filter((s) => !s.name.startsWith('floor+')).every((s) => s.p95 <= 2 * floorP95),
};

function markdown(output: {
  commit: string;
  machine: string;
  connections: number;
  scenarios: ScenarioResult[];
  firstLoadJsKbGzip: Record<string, number>;
  soak: { requests: number; rssAfterWarmupMiB: number; rssEndMiB: number; p95FirstTenthMs: number; p95LastTenthMs: number };
  signinBurst: SignInBurstResult | null;
  lighthouse: Record<string, { performance: number; accessibility: number; bestPractices: number }>;
}, loadSeconds: number, bytes: Map<string, number>, cpuPerRequest: Map<string, number>): string {
  const byName = new Map(output.scenarios.map((s) => [s.name, s]));
  const floorP95 = byName.get('floor')?.p95 ?? NaN;
  const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? 'met' : 'MISSED');
  const lines = [
    `Commit ${output.commit} · ${output.machine} · ${output.connections} connections · book loaded in ${loadSeconds.toFixed(0)} s`,
    '',
    '| scenario | answer kB | server CPU ms/req | req/s | of the floor | p50 ms | p95 ms | p99 ms | errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...output.scenarios.map(
      (s) =>
        `| ${s.name} | ${((bytes.get(s.name) ?? NaN) / 1024).toFixed(1)} | ${(cpuPerRequest.get(s.name) ?? NaN).toFixed(2)} | ${s.rps} | ${s.ratioToFloor.toFixed(2)} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.errors} | ${s.non2xx} |`,
    ),
    '',
    '| target | |',
    '|---|---|',
    ...Object.entries(TARGETS).map(([name, check]) => `| ${name} | ${mark(check(byName, floorP95))} |`),
    `| soak: rss end ≤ 1.25 × after the first tenth (${output.soak.rssAfterWarmupMiB} → ${output.soak.rssEndMiB} MiB) | ${mark(output.soak.rssEndMiB <= 1.25 * output.soak.rssAfterWarmupMiB)} |`,
    `| soak: p95 last tenth ≤ first (${output.soak.p95FirstTenthMs} → ${output.soak.p95LastTenthMs} ms) | ${mark(output.soak.p95LastTenthMs <= output.soak.p95FirstTenthMs)} |`,
    ...(output.signinBurst
      ? [
          `| dashboard p95 during 100 wrong-password sign-ins ≤ 2 × alone (${output.signinBurst.p95AloneMs} → ${output.signinBurst.p95DuringBurstMs} ms, × ${output.signinBurst.ratio}) | ${mark(output.signinBurst.ratio <= 2)} |`,
        ]
      : []),
    `| first-load JS ≤ 140 kB gzip on every customer route | ${mark(Object.entries(output.firstLoadJsKbGzip).every(([route, kb]) => route === '/login' || kb <= 140))} |`,
    '',
    '| route | first-load JS, kB gzip |',
    '|---|---|',
    ...Object.entries(output.firstLoadJsKbGzip).map(([route, kb]) => `| ${route} | ${kb.toFixed(1)} |`),
  ];
  const lh = Object.entries(output.lighthouse);
  if (lh.length) {
    lines.push('', '| Lighthouse | performance | accessibility | best practices |', '|---|---|---|---|');
    lines.push(...lh.map(([route, s]) => `| ${route} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} |`));
  }
  return lines.join('\n');
}

await main();
