import http from 'node:http';
import { test as base, type Page } from '@playwright/test';
import { asUser, expect } from './fixtures';

// A field far too long, a body too large or without a length, a malformed URL: a clear answer
// (413, 411, 404 or the form's own message), never a 500, and nothing changes.

const ONE_MB = 'x'.repeat(1024 * 1024);
const TWO_HUNDRED_KB = 'x'.repeat(200 * 1024);
const TOO_LARGE = 'What was sent is too large. Nothing was changed.';

/** The project's default: no session. (`use` applies to a whole file or describe block, so the plain-form tests have blocks of their own.) */
const signedOut = base;
const alice = asUser('alice');

/** Sets a form control's value past its type and length (as a hand-made request would). */
async function force(page: Page, selector: string, value: string) {
  await page.locator(selector).evaluate((element, v) => {
    if (element instanceof HTMLInputElement) element.type = 'text';
    (element as HTMLInputElement | HTMLButtonElement).value = v;
  }, value);
}

async function expectSignedOut(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
}

signedOut.describe('without JavaScript', () => {
  signedOut.use({ javaScriptEnabled: false });

  signedOut('malformed: a 1 MB e-mail address or language sent without JavaScript is refused with 413 and a message; nothing changes', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill('alice@acme.example');
    await page.getByLabel(/^Password$/).fill('smarthub-demo');
    await force(page, 'input[name="email"]', ONE_MB);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(TOO_LARGE)).toBeVisible();
    await expectSignedOut(page);

    await page.goto('/login');
    await force(page, 'form[aria-label="Language"] button[value="ja"]', ONE_MB);
    await page.locator('form[aria-label="Language"] button').filter({ hasText: '日本語' }).click();
    await expect(page.getByText(TOO_LARGE)).toBeVisible();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('locale');
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  signedOut('malformed: a 200 kB language is ignored (the page stays in its language), without a 500', async ({ page }) => {
    await page.goto('/login');
    await force(page, 'form[aria-label="Language"] button[value="ja"]', TWO_HUNDRED_KB);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.locator('form[aria-label="Language"] button').filter({ hasText: '日本語' }).click();
    expect((await answer).status()).toBeLessThan(500);
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

signedOut('malformed: with JavaScript, a 1 MB sign-in says nothing was changed; a 200 kB address gets the form’s message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel(/^Password$/).fill('smarthub-demo');
  await force(page, 'input[name="email"]', ONE_MB);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Nothing was changed/).first()).toBeVisible();
  await expectSignedOut(page);

  await page.goto('/login');
  await page.getByLabel(/^Password$/).fill('smarthub-demo');
  await force(page, 'input[name="email"]', `${TWO_HUNDRED_KB}@acme.example`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your e-mail address and password.')).toBeVisible();
  await expectSignedOut(page);
});

alice.describe('without JavaScript', () => {
  alice.use({ javaScriptEnabled: false });

  alice('malformed: a 1 MB support grant is refused with 413 and a message; the permission is unchanged', async ({ page }) => {
    await page.goto('/support-access');
    const before = await page.getByTestId('grant-status').textContent();
    await force(page, 'input[name="days"]', ONE_MB);
    await page.getByRole('button', { name: 'Allow support to act for us' }).click();
    await expect(page.getByText(TOO_LARGE)).toBeVisible();
    await page.goto('/support-access');
    await expect(page.getByTestId('grant-status')).toHaveText(before!);
  });
});

alice('malformed: a 200 kB support grant gets the form’s message; the permission is unchanged', async ({ page }) => {
  await page.goto('/support-access');
  const before = await page.getByTestId('grant-status').textContent();
  await force(page, 'input[name="days"]', TWO_HUNDRED_KB);
  await page.getByRole('button', { name: 'Allow support to act for us' }).click();
  await expect(page.getByText('Choose between 1 and 30 days.')).toBeVisible();
  await page.goto('/support-access');
  await expect(page.getByTestId('grant-status')).toHaveText(before!);
});

signedOut('malformed: a 2 MB chunked post to the language switch (no length) is refused with 411 before the action; no cookie is set', async ({ request, baseURL }) => {
  const html = await (await request.get('/login')).text();
  const actionField = html.match(/name="(\$ACTION_ID_[0-9a-f]+)"/)![1]!;
  const form = new FormData();
  form.set(actionField, '');
  form.set('locale', 'x'.repeat(2 * 1024 * 1024));
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  const answer = await new Promise<{ status: number; cookies: string[]; text: string }>((resolve, reject) => {
    const sent = http.request(new URL('/login', baseURL), { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type')! } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, cookies: res.headers['set-cookie'] ?? [], text }));
    });
    sent.on('error', reject);
    // Written in pieces without a Content-Length: Node sends it chunked.
    for (let at = 0; at < body.length; at += 64 * 1024) sent.write(body.subarray(at, at + 64 * 1024));
    sent.end();
  });
  expect(answer.status).toBe(411);
  expect(answer.text).toContain('Nothing was changed.');
  expect(answer.cookies).toEqual([]);
});

alice('malformed: a bad percent-escape in a page URL is not found (404), with a message', async ({ page }) => {
  const answer = await page.request.get('/options/%ff%fe/cancel');
  expect(answer.status()).toBe(404);
  expect(await answer.text()).toContain('Not found. Nothing was changed.');
});
