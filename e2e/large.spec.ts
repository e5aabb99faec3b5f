import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_LARGE } from './customers';
import { asCustomer, expect } from './fixtures';

// Read-only tests, so they share the Large customer: its contract holds the four options every
// test customer has and 200 more (e2e/customers.ts E2E_LARGE, lib/demo/large-contract.ts).
const large = asCustomer('Large');
const TOTAL = 4 + (E2E_LARGE.Large?.count ?? 0);

/** The contract page's address, from the dashboard's link. */
async function contractUrl(page: Page, contract: string) {
  await page.goto('/');
  const href = await page.getByRole('link', { name: `Open contract ${contract}` }).getAttribute('href');
  expect(href).toMatch(/^\/contracts\//);
  return href!;
}

const sumOfCounts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-count') ?? 1), 0));

large(`large contract: the dashboard shows the ${TOTAL} options as counts by kind with a link to the contract page`, async ({ page, customer }) => {
  await page.goto('/');
  const summary = page.getByTestId('options-summary');
  await expect(summary).toContainText(`${TOTAL} options`);
  await expect(page.getByTestId('option-row')).toHaveCount(0);
  await expect(summary.getByTestId('option-count').filter({ hasText: 'On-premises connection port' })).toContainText('81');
  await expect(summary.getByTestId('option-count').filter({ hasText: 'NAPT session add-on' })).toContainText('41 Active');
  expect(await sumOfCounts(page, '[data-testid="option-count"]')).toBe(TOTAL);
  await summary.getByRole('link', { name: `See all ${TOTAL} options of contract ${customer.contract}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(customer.contract);
});

large('large contract: the hub picture gathers the options into a few stacks that account for every one', async ({ page, customer }) => {
  await page.goto(await contractUrl(page, customer.contract));
  const picture = page.getByTestId('hub-diagram');
  await expect(picture).toBeVisible();
  expect(await page.getByTestId('hub-node').count()).toBeLessThan(20);
  expect(await sumOfCounts(page, '[data-testid="hub-node"]')).toBe(TOTAL);
  // One stack per data centre (Tokyo DC1 also holds the on-premises port every test customer has); the NAPT
  // add-ons of the gathered public ports hang under their stack.
  const onprem = picture.locator('[data-testid="hub-node"][data-kind="onprem_port"]');
  await expect(onprem).toHaveCount(4);
  expect(await onprem.evaluateAll((els) => els.map((el) => el.getAttribute('data-count')))).toEqual(['21', '20', '20', '20']);
  await expect(picture.locator('[data-testid="hub-node"][data-kind="onprem_port"]').filter({ hasText: 'Tokyo DC3 (Shiroi)' })).toContainText(
    '20 on-premises ports',
  );
  await expect(picture.locator('[data-testid="hub-node"][data-kind="napt"][data-count="41"]')).toContainText('41 NAPT add-ons');
  // The text alternative names the number and says the table lists each one; so does the note under the picture.
  await expect(picture.locator('desc')).toHaveText(new RegExp(`^${TOTAL} ports and add-ons; the table below lists them\\. With this many options`));
  await expect(page.getByTestId('hub-note')).toContainText('the table below lists each one');
});

large(`large contract: the options table shows all ${TOTAL} options across its pages, each port with its NAPT add-ons`, async ({ page, customer }) => {
  await page.goto(await contractUrl(page, customer.contract));
  expect(await sumOfCounts(page, '[data-testid="option-count"]')).toBe(TOTAL);
  const codes: string[] = [];
  for (let n = 1; ; n++) {
    const rows = page.getByTestId('option-row');
    await expect(page.getByTestId('options-pages').locator('[aria-current="page"]')).toContainText(String(n));
    const shown = await rows.evaluateAll((els) => els.map((el) => ({ code: el.getAttribute('data-code')!, port: el.getAttribute('data-port') })));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(30);
    await expect(page.getByTestId('options-range')).toHaveText(`Options ${codes.length + 1}–${codes.length + shown.length} of ${TOTAL}`);
    // A NAPT add-on is on the page of its port.
    const here = new Set(shown.map((r) => r.code));
    for (const row of shown) if (row.port) expect(here.has(row.port), `${row.code} under ${row.port}`).toBe(true);
    codes.push(...shown.map((r) => r.code));
    const next = page.getByTestId('options-pages').getByRole('link', { name: 'Next' });
    if ((await next.count()) === 0) break;
    expect(n).toBeLessThan(20);
    await next.click();
    await expect(page).toHaveURL(new RegExp(`\\?page=${n + 1}#options-title$`));
  }
  expect(new Set(codes).size).toBe(TOTAL);
  for (let i = 1; i <= 200; i++) expect(codes).toContain(`SH-O-L${String(i).padStart(3, '0')}`);
  expect(codes).toContain(customer.napt);
});

large('large contract: the contract page and the dashboard stay small', async ({ page, customer }) => {
  const url = await contractUrl(page, customer.contract);
  // Sizes of the HTML as sent (markup and RSC payload), not timings. Before: 1,287 kB and 527 kB.
  const contract = await (await page.request.get(url)).text();
  expect(contract).toContain('data-testid="hub-diagram"');
  expect(contract.length).toBeLessThan(300_000);
  const dashboard = await (await page.request.get('/')).text();
  expect(dashboard).toContain('data-testid="options-summary"');
  expect(dashboard.length).toBeLessThan(150_000);
});

large('large contract: the Japanese picture and dashboard use the same words, counted', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP', storageState: 'e2e/.auth/e2e-Large.json' });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('options-summary')).toContainText(`オプションサービスは ${TOTAL}件です。`);
    await page.getByTestId('all-options').click();
    await expect(page.getByTestId('hub-diagram')).toContainText('オンプレミス接続ポート 20件');
    await expect(page.getByTestId('options-range')).toHaveText(`全 ${TOTAL}件中 1〜30件目`);
  } finally {
    await context.close();
  }
});

for (const path of ['dashboard', 'contract page'] as const) {
  large(`large contract: the ${path} has no serious accessibility violations`, async ({ page, customer }) => {
    const url = await contractUrl(page, customer.contract);
    if (path === 'contract page') await page.goto(`${url}?page=2`);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
