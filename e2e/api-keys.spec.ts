import type { APIResponse } from '@playwright/test';
import { expectMatchesSpec, setSpecDocument } from '../test/helpers/openapi-check';
import { asCustomer, asUser, expect } from './fixtures';

/** Checks an answer of GET /api/v1/closed-networks against the served OpenAPI document; returns its status. */
async function documentedStatus(response: APIResponse): Promise<number> {
  await expectMatchesSpec('GET', '/api/v1/closed-networks', { status: response.status(), headers: response.headers(), body: await response.json() });
  return response.status();
}

// API keys (issue 15): an admin of the test's own customer creates a key, sees it once, uses it
// against the public API, and revokes it; a viewer has neither the link nor the page.
const test = asCustomer('ApiKeys');
const KEY_SHAPE = /^shk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/;

test('api keys: an admin creates a read-write key, sees it once, uses it, revokes it, and it is refused at once', async ({ page, context, playwright, customer }) => {
  test.slow();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API keys');
  await expect(page.getByTestId('api-keys-table')).toHaveCount(0);
  await expect(page.getByTestId('api-reference-link')).toHaveAttribute('href', '/api/v1/docs');

  const form = page.getByTestId('create-api-key-form');
  // A name is required; what was chosen stays.
  await form.getByLabel(/Read and write/).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(form.getByTestId('error-api-key-name')).toHaveText('Enter a name.');
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  await expect(form.getByLabel(/Read and write/)).toBeChecked();
  await expect(form.getByLabel('Valid for')).toHaveValue('90');
  await form.getByLabel('Name').fill('Terraform e2e');
  await form.getByRole('button', { name: 'Create key' }).click();

  const panel = page.getByTestId('new-api-key-panel');
  await expect(panel).toContainText('It is shown only this once and cannot be shown again');
  const shown = page.getByTestId('new-api-key');
  await expect(shown).toHaveText(KEY_SHAPE);
  const key = (await shown.textContent())!.trim();
  const prefix = key.slice(0, 'shk_'.length + 12);
  await panel.getByRole('button', { name: 'Copy key' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"]`);
  await expect(row).toContainText('Terraform e2e');
  await expect(row).toContainText('Read and write');
  await expect(row).toContainText(`by ${customer.admin}`);
  await expect(row).toContainText('Never');
  await expect(row).toHaveAttribute('data-status', 'active');

  // Reloading shows the list, never the key again.
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(prefix.length + 1));

  // The key reads the customer's closed networks; no key, no answer.
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const served = (await (await api.get('/api/v1/openapi.json')).json()) as unknown;
    setSpecDocument(() => served);
    const networks = await api.get('/api/v1/closed-networks', { headers: { Authorization: `Bearer ${key}` } });
    expect(await documentedStatus(networks)).toBe(200);
    const body = (await networks.json()) as { data: { networkCode: string }[] };
    expect(body.data.map((n) => n.networkCode)).toContain(`CN-${customer.contract.slice('SH-'.length)}-HQ`);
    expect(await documentedStatus(await api.get('/api/v1/closed-networks'))).toBe(401);

    await page.reload();
    await expect(row).not.toContainText('Never');

    await row.getByRole('button', { name: 'Revoke Terraform e2e' }).click();
    await expect(page.getByTestId('done-notice')).toHaveText('The key is revoked. Requests with it are refused from now on.');
    await expect(row).toHaveAttribute('data-status', 'revoked');
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button')).toHaveCount(0);

    const refused = await api.get('/api/v1/closed-networks', { headers: { Authorization: `Bearer ${key}` } });
    expect(await documentedStatus(refused)).toBe(401);
  } finally {
    await api.dispose();
  }

  // Activity names the key of both rows.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByTestId('activity-row').filter({ hasText: 'Created an API key' })).toContainText(`Terraform e2e (${prefix})`);
  await expect(page.getByTestId('activity-row').filter({ hasText: 'Revoked an API key' })).toContainText(`Terraform e2e (${prefix})`);
});

const plain = asCustomer('ApiKeysPlain');

// A file-level use() would turn JavaScript off for every test of the file: only this group.
plain.describe('without JavaScript', () => {
  plain.use({ javaScriptEnabled: false });

  plain('api keys: without JavaScript a key is created and shown once as selectable text, and revoked', async ({ page }) => {
    await page.goto('/api-keys');
    const form = page.getByTestId('create-api-key-form');
    await form.getByLabel('Name').fill('Cron job');
    await form.getByLabel('Valid for').selectOption('30');
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('new-api-key');
    await expect(shown).toHaveText(KEY_SHAPE);
    await expect(shown).toHaveCSS('user-select', 'all');
    // The copy button needs JavaScript: without it there is none.
    await expect(page.getByTestId('copy-api-key')).toHaveCount(0);
    const prefix = (await shown.textContent())!.trim().slice(0, 16);
    const row = page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"]`);
    await expect(row).toContainText('Read');
    await row.getByRole('button', { name: 'Revoke Cron job' }).click();
    await expect(page.getByTestId('done-notice')).toBeVisible();
    await expect(row).toHaveAttribute('data-status', 'revoked');
    await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  });
});

const victor = asUser('victor');

victor('api keys: a viewer has no link to the page, and the page refuses them', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'API keys' })).toHaveCount(0);
  await page.goto('/api-keys');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API keys');
  await expect(page.getByTestId('api-keys-refused')).toHaveText('Only an administrator of your company can see and manage API keys.');
  await expect(page.getByTestId('create-api-key-form')).toHaveCount(0);
  await expect(page.getByTestId('api-keys-table')).toHaveCount(0);
});
