// Lighthouse scores (0–100) per route, desktop (--preset=desktop) and mobile (the default:
// throttled phone), from the lighthouse CLI (devDependency) run as a child process, one run at a
// time. The session cookie goes with every request through --extra-headers. Chromium is
// CHROME_PATH, else /usr/lib/chromium/chromium when it exists (else Lighthouse finds one).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export type LighthouseScores = { performance: number; accessibility: number; bestPractices: number };
export type FormFactor = 'desktop' | 'mobile';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');

const run = promisify(execFile);

function chromePath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return fs.existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : undefined;
}

type Report = {
  categories: Record<'performance' | 'accessibility' | 'best-practices', { score: number | null }>;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
};

/** One Lighthouse run; the whole JSON report (for the audits behind a score). */
export async function lighthouseReport(url: string, formFactor: FormFactor, cookie: string): Promise<Report> {
  const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
  try {
    const headers = path.join(dir, 'headers.json');
    fs.writeFileSync(headers, JSON.stringify({ Cookie: cookie }), { mode: 0o600 });
    const output = path.join(dir, 'report.json');
    const chrome = chromePath();
    await run(
      process.execPath,
      [
        cli,
        url,
        ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
        '--only-categories=performance,accessibility,best-practices',
        '--output=json',
        `--output-path=${output}`,
        `--extra-headers=${headers}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        '--quiet',
      ],
      { env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
    );
    const report = JSON.parse(fs.readFileSync(output, 'utf8')) as Report;
    if (report.runtimeError) throw new Error(`Lighthouse on ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
    return report;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const score = (category: { score: number | null }) => Math.round((category.score ?? 0) * 100);

/** Performance, accessibility and best-practices scores (0–100) per route, desktop and mobile. */
export async function lighthouseScores(
  baseUrl: string,
  routes: string[],
  cookie: string,
): Promise<Record<string, Record<FormFactor, LighthouseScores>>> {
  const result: Record<string, Record<FormFactor, LighthouseScores>> = {};
  for (const route of routes) {
    const url = new URL(route, baseUrl).href;
    const scores = {} as Record<FormFactor, LighthouseScores>;
    for (const formFactor of ['desktop', 'mobile'] as const) {
      const { categories } = await lighthouseReport(url, formFactor, cookie);
      scores[formFactor] = {
        performance: score(categories.performance),
        accessibility: score(categories.accessibility),
        bestPractices: score(categories['best-practices']),
      };
    }
    result[route] = scores;
  }
  return result;
}
