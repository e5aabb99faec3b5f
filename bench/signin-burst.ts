// The `signin-burst` scenario (issue 14, point 3): the dashboard's p95 under load alone, then
// under the same load while 100 wrong-password sign-ins arrive at once. Sign-in hashes with
// argon2 (a deliberately slow hash); the burst must not stall the pages (p95 at most 2× alone).
import autocannon from 'autocannon';
import { percentile } from './measure';

export interface SignInBurstResult {
  p95AloneMs: number;
  p95DuringBurstMs: number;
  ratio: number;
  /** Dashboard responses that started while the burst was in flight (what p95DuringBurstMs is of). */
  samplesDuringBurst: number;
  /** How the 100 sign-ins were answered (the page Auth.js redirects to, by its `error`/`code`). */
  answers: Record<string, number>;
  /** From the first sign-in sent to the last answer. */
  burstMs: number;
}

const BURST = 100;
const SECONDS = 8;

type Request = autocannon.Request;

/** Runs autocannon for `seconds`; each response's start time and latency are kept. */
function loadWithTimes(base: string, request: Request, connections: number, seconds: number): Promise<{ start: number; ms: number }[]> {
  const samples: { start: number; ms: number }[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, requests: [request], timeout: 30 }, (error) =>
      error ? reject(error) : resolve(samples),
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      const end = performance.now();
      samples.push({ start: end - ms, ms });
    });
  });
}

/** One wrong-password sign-in through Auth.js's credentials endpoint, as the login form posts it; returns how it was answered. */
async function wrongSignIn(base: string, csrf: { token: string; cookie: string }, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'wrong-password-for-the-burst', csrfToken: csrf.token, callbackUrl: `${base}/` }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
    redirect: 'manual',
  });
  await res.arrayBuffer();
  const location = res.headers.get('location') ?? '';
  const code = /[?&]code=([^&]+)/.exec(location)?.[1] ?? /[?&]error=([^&]+)/.exec(location)?.[1];
  return code ? decodeURIComponent(code) : `HTTP ${res.status}`;
}

async function csrfOf(base: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { token: csrfToken, cookie };
}

const p95 = (values: number[]) => Math.round(percentile([...values].sort((a, b) => a - b), 95));

export async function signInBurst(base: string, dashboard: Request, connections: number): Promise<SignInBurstResult> {
  const alone = await loadWithTimes(base, dashboard, connections, SECONDS);
  const csrf = await csrfOf(base);
  const during = loadWithTimes(base, dashboard, connections, SECONDS);
  // The burst starts a second into the load, so the load is at its pace when it arrives.
  await new Promise((r) => setTimeout(r, 1000));
  const burstStart = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: BURST }, (_, i) => wrongSignIn(base, csrf, `burst-${i}@bench.example`).catch(() => 'network error')),
  );
  const burstEnd = performance.now();
  const samples = await during;
  const inBurst = samples.filter((s) => s.start >= burstStart && s.start <= burstEnd).map((s) => s.ms);
  const answers: Record<string, number> = {};
  for (const outcome of outcomes) answers[outcome] = (answers[outcome] ?? 0) + 1;
  const p95Alone = p95(alone.map((s) => s.ms));
  const p95During = p95(inBurst);
  return {
    p95AloneMs: p95Alone,
    p95DuringBurstMs: p95During,
    ratio: Math.round((p95During / p95Alone) * 100) / 100,
    samplesDuringBurst: inBurst.length,
    answers,
    burstMs: Math.round(burstEnd - burstStart),
  };
}
