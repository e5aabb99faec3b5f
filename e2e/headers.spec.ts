import http from 'node:http';
import { test as base, type APIResponse, type Page } from '@playwright/test';
import { japanDate } from '../lib/rules';
import { asCustomer, asUser, expect, openContract, optionRow } from './fixtures';

// The browser's rules (lib/security-headers.ts, next.config.mjs headers()) on every kind of
// answer, and no page of the portal breaking them. The browser tests run a production build.

/** The project's default: no session. */
const signedOut = base;

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

type Headers = Record<string, string>;

/** The fixed headers every answer carries, whatever made it. */
function expectFixedHeaders(headers: Headers) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(headers['permissions-policy']).toContain(`${feature}=()`);
  // The browser tests run `next start` on a production build.
  expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
}

/** The policy of an answer that passed through the proxy; returns its nonce. */
function expectPolicy(headers: Headers): string {
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("form-action 'self'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  return policy.match(NONCE)![1]!;
}

/** An HTML page's answer: the policy's nonce is on every script of the page, and no script is without it. */
async function expectPageNonce(answer: APIResponse) {
  const headers = answer.headers();
  expect(headers['content-type']).toContain('text/html');
  expectFixedHeaders(headers);
  const nonce = expectPolicy(headers);
  const scripts = [...(await answer.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  return nonce;
}

signedOut('headers: a page, a route handler, a redirect, the proxy’s 404/411/413 and Auth.js’s answers all carry the security headers', async ({ request }) => {
  // A page: a fresh nonce per request, matching the one on its scripts.
  const first = await expectPageNonce(await request.get('/login'));
  const second = await expectPageNonce(await request.get('/login'));
  expect(first).not.toBe(second);

  // A route handler.
  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  expectFixedHeaders(health.headers());
  expectPolicy(health.headers());

  // A redirect to the sign-in page.
  const away = await request.get('/', { maxRedirects: 0 });
  expect(away.status()).toBe(307);
  expect(away.headers()['location']).toContain('/login');
  expectFixedHeaders(away.headers());
  expectPolicy(away.headers());

  // The proxy's own answers: a malformed URL, a body too large.
  const malformed = await request.get('/options/%ff%fe/cancel');
  expect(malformed.status()).toBe(404);
  expectFixedHeaders(malformed.headers());
  expectPolicy(malformed.headers());
  const large = await request.post('/login', { data: 'x'.repeat(300 * 1024), headers: { 'content-type': 'text/plain' } });
  expect(large.status()).toBe(413);
  expectFixedHeaders(large.headers());
  expectPolicy(large.headers());

  // Auth.js's endpoints.
  for (const path of ['/api/auth/csrf', '/api/auth/session']) {
    const answer = await request.get(path);
    expect(answer.status()).toBe(200);
    expectFixedHeaders(answer.headers());
    expectPolicy(answer.headers());
  }

  // A built file: the fixed headers (no policy needed for a picture).
  const icon = await request.get('/icon.svg');
  expect(icon.status()).toBe(200);
  expectFixedHeaders(icon.headers());
});

signedOut('headers: a body without a length (chunked) is refused with 411 and the headers, before any action runs', async ({ baseURL }) => {
  const answer = await new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
    const sent = http.request(new URL('/login', baseURL), { method: 'POST', headers: { 'content-type': 'text/plain' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Headers, text }));
    });
    sent.on('error', reject);
    // Written before end() without a Content-Length: Node sends it chunked.
    sent.write('x'.repeat(1024));
    sent.end();
  });
  expect(answer.status).toBe(411);
  expect(answer.text).toContain('Nothing was changed.');
  expectFixedHeaders(answer.headers);
  expectPolicy(answer.headers);
});

asUser('alice')('headers: signed in, a page, the CSV and PDF statements, and the 404 page carry them', async ({ page }) => {
  await expectPageNonce(await page.request.get('/'));
  const month = japanDate(new Date()).slice(0, 7);
  for (const kind of ['csv', 'pdf']) {
    const download = await page.request.get(`/statements/${month}/${kind}`);
    expect(download.status(), download.url()).toBe(200);
    expectFixedHeaders(download.headers());
    expectPolicy(download.headers());
  }
  const missing = await page.request.get('/contracts/00000000-0000-4000-8000-000000000000');
  expect(missing.status(), missing.url()).toBe(404);
  await expectPageNonce(missing);
  const unknown = await page.request.get('/no-such-page');
  expect(unknown.status(), unknown.url()).toBe(404);
  await expectPageNonce(unknown);
});

asUser('olivia')('headers: an error answer (403, page and route handler) carries them', async ({ page }) => {
  const forbiddenPage = await page.request.get('/staff/support');
  expect(forbiddenPage.status(), forbiddenPage.url()).toBe(403);
  await expectPageNonce(forbiddenPage);
  const forbiddenApi = await page.request.get('/api/staff/search?q=acme');
  expect(forbiddenApi.status()).toBe(403);
  expectFixedHeaders(forbiddenApi.headers());
  expectPolicy(forbiddenApi.headers());
});

// ---- No page breaks the policy -------------------------------------------------------------

/** Records every policy violation and console error of a page, from before its first script. */
async function watchPolicy(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return {
    /** The page's scripts ran (Next's runtime is there) and nothing was refused or failed. */
    async expectClean() {
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe('string');
      expect(problems).toEqual([]);
    },
  };
}

signedOut('policy: the sign-in page runs its scripts with no violation', async ({ page }) => {
  const watch = await watchPolicy(page);
  await page.goto('/login');
  await watch.expectClean();
});

asCustomer('Cheapest')('policy: dashboard, contract, cancel review and statement run with no violation', async ({ page, customer }) => {
  const watch = await watchPolicy(page);
  await page.goto('/');
  await watch.expectClean();
  await openContract(page, customer.contract);
  // A full load too: server-rendered attributes are what the policy judges (a client-side
  // navigation sets styles through the DOM, which it allows).
  await page.reload();
  await expect(page.getByTestId('hub-diagram')).toBeVisible();
  await watch.expectClean();
  await optionRow(page, customer.m2).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('review-step')).toBeVisible();
  await watch.expectClean();
  await page.goto('/statements');
  await expect(page.getByTestId('statement-csv')).toBeVisible();
  await watch.expectClean();
});

asUser('olivia')('policy: the operator’s pages run with no violation', async ({ page }) => {
  const watch = await watchPolicy(page);
  for (const path of ['/staff', '/staff/operations/customers', '/staff/operations/applications', '/staff/operations/outages']) {
    await page.goto(path);
    await watch.expectClean();
  }
});

asUser('sam')('policy: the support pages run with no violation', async ({ page }) => {
  const watch = await watchPolicy(page);
  await page.goto('/staff/support');
  const searched = page.waitForResponse((r) => r.url().includes('/api/staff/search'));
  await page.getByRole('searchbox').first().fill('Acme');
  expect((await searched).status()).toBe(200);
  await watch.expectClean();
});
