import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { asCustomer, expect, openContract, optionRow } from './fixtures';

const test = asCustomer('Axe');
test.describe.configure({ mode: 'serial' });

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.nodes.length})`);
  expect(serious).toEqual([]);
}

for (const locale of ['en-US', 'ja-JP']) {
  test(`every customer screen has no serious accessibility violations (${locale})`, async ({ browser, customer }) => {
    const context = await browser.newContext({ locale, storageState: 'e2e/.auth/e2e-Axe.json' });
    const page = await context.newPage();
    await page.goto('/');
    await expectAccessible(page, 'dashboard');
    await openContract(page, customer.contract);
    await expectAccessible(page, 'contract');
    const contractUrl = page.url();
    for (const kind of ['onprem_port', 'cloud_port', 'napt', 'pbb_expansion', 'firewall', 'static_nat']) {
      await page.goto(`${contractUrl}/options/new?kind=${kind}`);
      await expectAccessible(page, `add ${kind}`);
    }
    await page.goto(`${contractUrl}/cancel`);
    await page.locator('form button[value="review"]').click();
    await expect(page.getByTestId('review-step')).toBeVisible();
    await expectAccessible(page, 'cancel contract review');
    await openContract(page, customer.contract);
    await optionRow(page, customer.m2).locator('a[href$="/change"]').click();
    await expectAccessible(page, 'change');
    await openContract(page, customer.contract);
    await optionRow(page, customer.m2).locator('a[href$="/cloud-info"]').click();
    await expectAccessible(page, 'cloud information');
    await openContract(page, customer.contract);
    await optionRow(page, customer.napt).locator('a[href$="/cancel"]').click();
    await page.locator('form button[value="review"]').click();
    await expectAccessible(page, 'cancel option review');
    await page.goto('/');
    await page.getByTestId('network').locator('a[href$="/apply"]').click();
    await page.locator('form button[value="review"]').click();
    await expectAccessible(page, 'apply with errors');
    for (const path of ['/activity', '/prices']) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    await context.close();
  });
}

test('the receipt has no serious accessibility violations', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.napt).locator('a[href$="/cancel"]').click();
  await page.locator('form button[value="review"]').click();
  await page.locator('form button[value="confirm"]').click();
  await expect(page.getByTestId('receipt-status')).toBeVisible();
  await expectAccessible(page, 'receipt');
});
