import type { APIResponse } from '@playwright/test';
import { expectMatchesSpec, setSpecDocument } from '../test/helpers/openapi-check';
import { asCustomer, expect } from './fixtures';

// The public API (issue 15) with Playwright's `request`: the customer's admin makes a key in the
// portal, previews a cancellation with it, submits it twice with one Idempotency-Key (one
// cancellation), and then sees that cancellation and who made it in the browser. Every answer
// is checked against the OpenAPI document the server serves.
const test = asCustomer('Api');

/** The answer's body, after checking the answer is one the document lists for `method` `path`. */
async function documented(method: string, path: string, response: APIResponse): Promise<unknown> {
  const body: unknown = await response.json();
  await expectMatchesSpec(method, path, { status: response.status(), headers: response.headers(), body });
  return body;
}

test('api: a key previews and submits a cancellation once per Idempotency-Key; the browser shows it, made via the key', async ({ page, playwright, customer }) => {
  test.slow();
  await page.goto('/api-keys');
  const form = page.getByTestId('create-api-key-form');
  await form.getByLabel('Name').fill('Automation e2e');
  await form.getByLabel(/Read and write/).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!.trim();

  const api = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${key}`, 'Accept-Language': 'en' },
  });
  try {
    const served = (await (await api.get('/api/v1/openapi.json')).json()) as unknown;
    setSpecDocument(() => served);
    // The option, found by its code in the customer's list.
    const list = await api.get('/api/v1/options?limit=200');
    expect(list.status()).toBe(200);
    const options = (await documented('GET', '/api/v1/options', list)) as { data: { id: string; code: string }[]; nextCursor: string | null };
    const onprem = options.data.find((o) => o.code === customer.onprem);
    expect(onprem, `${customer.onprem} in ${JSON.stringify(options.data.map((o) => o.code))}`).toBeDefined();

    // The preview: the review the form shows, nothing written.
    const preview = await api.post(`/api/v1/options/${onprem!.id}/cancellation/preview`, { data: {} });
    expect(preview.status()).toBe(200);
    const reviewed = (await documented('POST', `/api/v1/options/${onprem!.id}/cancellation/preview`, preview)) as { preview: { effectiveDate: string; ending: { code: string }[] }; amountsDigest: string };
    expect(reviewed.preview.ending.map((o) => o.code)).toEqual([customer.onprem]);

    // The submit, twice with the same key: one cancellation, the same answer.
    const body = { expectedAmounts: reviewed.amountsDigest };
    const headers = { 'Idempotency-Key': `e2e-${Date.now()}` };
    const first = await api.post(`/api/v1/options/${onprem!.id}/cancellation`, { data: body, headers });
    expect(first.status()).toBe(201);
    const made = (await documented('POST', `/api/v1/options/${onprem!.id}/cancellation`, first)) as { id: string; kind: string; href: string };
    expect(made.kind).toBe('cancellation');
    expect(first.headers()['location']).toBe(made.href);
    const again = await api.post(`/api/v1/options/${onprem!.id}/cancellation`, { data: body, headers });
    expect(again.status()).toBe(201);
    expect(await documented('POST', `/api/v1/options/${onprem!.id}/cancellation`, again)).toEqual(made);
    expect(again.headers()['idempotent-replayed']).toBe('true');

    // A second notice for the same option is refused by the terms, as problem+json with the rule.
    const refused = await api.post(`/api/v1/options/${onprem!.id}/cancellation`, { data: {}, headers: { 'Idempotency-Key': `e2e-again-${Date.now()}`, 'Accept-Language': 'ja' } });
    expect(refused.status()).toBe(422);
    expect(refused.headers()['content-type']).toMatch(/^application\/problem\+json/);
    const problem = (await documented('POST', `/api/v1/options/${onprem!.id}/cancellation`, refused)) as { code: string; title: string; rules: { rule: string; article: string }[] };
    expect(problem.code).toBe('rule_violation');
    expect(problem.title).toBe('契約約款上できない変更です');
    expect(problem.rules.map((r) => r.rule)).toContain('R-ALREADY-ENDING');

    const read = await api.get(made.href);
    expect(read.status()).toBe(200);
    expect(((await documented('GET', made.href, read)) as { effectiveDate: string }).effectiveDate).toBe(reviewed.preview.effectiveDate);
    const cancellations = (await documented('GET', '/api/v1/cancellations', await api.get('/api/v1/cancellations'))) as { data: { id: string }[] };
    expect(cancellations.data.filter((c) => c.id === made.id)).toHaveLength(1);

    // The browser: the receipt of that cancellation.
    await page.goto(`/cancellations/${made.id}`);
    await expect(page.getByTestId('receipt-subject')).toContainText(customer.onprem);
    await expect(page.getByTestId('receipt-status')).toHaveText('Pending: takes effect on the effective date');

    // Activity names the key the cancellation came through.
    await page.goto('/activity');
    await expect(page.getByTestId('via-api-key').first()).toHaveText('via API key Automation e2e');
  } finally {
    await api.dispose();
  }
});
