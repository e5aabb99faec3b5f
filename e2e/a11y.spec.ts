import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { e2eCustomer } from './customers';
import { asCustomer, expect, openContract, optionRow } from './fixtures';

// One axe scan takes 1.5–2 s on a quiet machine (several times that under load), so each screen
// is its own test: a test opens at most three pages and scans one. Every screen here only reads
// (a review writes nothing), so the tests share the Axe customer; the receipt, which writes, has its own.
const test = asCustomer('Axe');

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

/** Opens the contract page and returns its URL (two page loads). */
async function contractUrl(page: Page, contract: string) {
  await openContract(page, contract);
  return page.url();
}

type Screen = { name: string; open: (page: Page, customer: ReturnType<typeof e2eCustomer>) => Promise<void> };

const screens: Screen[] = [
  { name: 'dashboard', open: async (page) => void (await page.goto('/')) },
  { name: 'contract', open: async (page, c) => void (await openContract(page, c.contract)) },
  ...['onprem_port', 'cloud_port', 'napt', 'pbb_expansion', 'firewall', 'static_nat'].map((kind) => ({
    name: `add ${kind}`,
    open: async (page: Page, c: ReturnType<typeof e2eCustomer>) => {
      await page.goto(`${await contractUrl(page, c.contract)}/options/new?kind=${kind}`);
    },
  })),
  {
    name: 'cancel contract review',
    open: async (page, c) => {
      await page.goto(`${await contractUrl(page, c.contract)}/cancel`);
      await page.locator('form button[value="review"]').click();
      await expect(page.getByTestId('review-step')).toBeVisible();
    },
  },
  {
    name: 'change',
    open: async (page, c) => {
      await openContract(page, c.contract);
      await optionRow(page, c.m2).locator('a[href$="/change"]').click();
      await expect(page.locator('main form')).toBeVisible();
    },
  },
  {
    name: 'cloud information',
    open: async (page, c) => {
      await openContract(page, c.contract);
      await optionRow(page, c.m2).locator('a[href$="/cloud-info"]').click();
      await expect(page.locator('main form')).toBeVisible();
    },
  },
  {
    name: 'cancel option review',
    open: async (page, c) => {
      await openContract(page, c.contract);
      await optionRow(page, c.napt).locator('a[href$="/cancel"]').click();
      await page.locator('form button[value="review"]').click();
      await expect(page.getByTestId('review-step')).toBeVisible();
    },
  },
  {
    name: 'public port with two NAPT add-ons review',
    open: async (page, c) => {
      await page.goto(`${await contractUrl(page, c.contract)}/options/new?kind=cloud_port`);
      await page.locator('select[name="cloudType"]').selectOption('M_PUBLIC');
      await page.locator('select[name="speed"]').selectOption('1G');
      await page.locator('input[name="cloudAccountId"]').fill('sub-1234');
      await page.locator('input[name="cloudConnectionKey"]').fill('key-1234');
      for (const box of await page.getByRole('checkbox').all()) await box.check();
      await page.locator('select[name="naptSessions"]').first().selectOption('30000');
      await page.getByTestId('napt-fields').locator('button').last().click();
      await page.locator('select[name="naptSessions"]').nth(1).selectOption('60000');
      await page.locator('form button[value="review"]').click();
      await expect(page.getByTestId('review-step').getByTestId('fee-line')).toHaveCount(3);
    },
  },
  {
    name: 'NAPT add-on review with the interruption notice',
    open: async (page, c) => {
      // The Axe customer's 100M port holds 60,000 sessions: 480,000 more crosses 500,000.
      await page.goto(`${await contractUrl(page, c.contract)}/options/new?kind=napt`);
      await page.locator('select[name="sessions"]').selectOption('480000');
      await page.locator('form button[value="review"]').click();
      await expect(page.getByTestId('review-step').getByTestId('interruption-notice')).toBeVisible();
    },
  },
  {
    name: 'apply with errors',
    open: async (page) => {
      await page.goto('/');
      await page.getByTestId('network').locator('a[href$="/apply"]').click();
      await page.locator('form button[value="review"]').click();
      await expect(page.getByTestId('error-dataCentre')).toBeVisible();
    },
  },
  { name: 'activity', open: async (page) => void (await page.goto('/activity')) },
  { name: 'prices', open: async (page) => void (await page.goto('/prices')) },
  { name: 'statement', open: async (page) => void (await page.goto('/statements')) },
  {
    name: 'service level',
    open: async (page, c) => {
      await page.goto(`${await contractUrl(page, c.contract)}/sla`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(c.contract);
    },
  },
];

for (const locale of ['en-US', 'ja-JP']) {
  test.describe(locale, () => {
    test.use({ locale });
    for (const screen of screens) {
      test(`a11y: the ${screen.name} screen has no serious accessibility violations (${locale})`, async ({ page, customer }) => {
        await screen.open(page, customer);
        await expectAccessible(page);
      });
    }
  });
}

asCustomer('AxeReceipt')('a11y: the receipt has no serious accessibility violations', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.napt).locator('a[href$="/cancel"]').click();
  await page.locator('form button[value="review"]').click();
  await page.locator('form button[value="confirm"]').click();
  await expect(page.getByTestId('receipt-status')).toBeVisible();
  await expectAccessible(page);
});
