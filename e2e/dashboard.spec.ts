import AxeBuilder from '@axe-core/playwright';
import { asUser, expect } from './fixtures';

const alice = asUser('alice');
const victor = asUser('victor');

async function expectAcmeContract(page: import('@playwright/test').Page) {
  await page.goto('/');
  await expect(page.getByText('Contract holder: Acme Manufacturing (C-000101)')).toBeVisible();
  const networks = page.getByTestId('network');
  await expect(networks).toHaveCount(2);
  const hq = networks.filter({ hasText: 'Acme HQ backbone' });
  await expect(hq.getByRole('heading', { name: /Smart HUB contract SH-000101/ })).toBeVisible();
  const rows = hq.getByTestId('option-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('On-premises connection port');
  await expect(rows.nth(0)).toContainText('Premises line: optical / Interface 1G');
  await expect(rows.nth(1)).toContainText('Type M2: Public (Azure Peering Service)');
  await expect(rows.nth(1)).toContainText('Interface 100M');
  await expect(rows.nth(2)).toContainText('NAPT session add-on');
  await expect(rows.nth(2)).toContainText('30,000 sessions');
  for (const row of await rows.all()) await expect(row).toContainText('Active');
  await expect(rows.nth(0)).toContainText('¥40,000');
  const plants = networks.filter({ hasText: 'Acme plants network' });
  await expect(plants).toContainText('This closed network has no Smart HUB contract yet.');
  // Nothing of Globex's.
  const body = page.locator('body');
  await expect(body).not.toContainText('Globex');
  await expect(body).not.toContainText('SH-000202');
  await expect(body).not.toContainText('SH-O-000201');
}

alice('alice sees her contract and options, and nothing of Globex', async ({ page }) => {
  await expectAcmeContract(page);
  await expect(page.getByTestId('read-only-notice')).toHaveCount(0);
});

victor('victor sees the same contract without any way to change it', async ({ page }) => {
  await expectAcmeContract(page);
  await expect(page.getByTestId('read-only-notice')).toBeVisible();
  const main = page.locator('main');
  await expect(main.locator('form')).toHaveCount(0);
  await expect(main.getByRole('button')).toHaveCount(0);
});

alice('the dashboard is Japanese for a Japanese browser, and the switch changes the language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP', storageState: 'e2e/.auth/alice.json' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { name: '閉域網と Smart HUB 契約' })).toBeVisible();
  await expect(page.getByText('オンプレミス接続ポート追加オプション')).toBeVisible();
  await expect(page.getByText('構内回線:光')).toBeVisible();
  await expect(page.getByText('提供中').first()).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Closed networks and Smart HUB contracts' })).toBeVisible();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { name: '閉域網と Smart HUB 契約' })).toBeVisible();
  await context.close();
});

alice('the fee page marks the demo amounts as fictitious', async ({ page }) => {
  await page.goto('/prices');
  await expect(page.getByTestId('fictitious-notice')).toHaveText("These amounts are fictitious demo amounts, not IIJ's prices.");
  await expect(page.getByRole('row', { name: /Smart HUB basic service/ })).toContainText('¥100,000');
});

// One axe scan per test: a scan takes seconds on a busy machine.
for (const path of ['/', '/prices']) {
  alice(`the ${path === '/' ? 'dashboard' : 'fee'} page has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
}

alice('the fee page names each item in words, not catalog codes (English)', async ({ page }) => {
  await page.goto('/prices');
  const table = page.locator('main table');
  await expect(table.getByRole('row', { name: /On-premises connection port/ }).filter({ hasText: 'Premises line: optical / Interface 1G' })).toHaveCount(1);
  await expect(table).toContainText('Type A: Private (AWS Direct Connect) / Interface 1G');
  await expect(table).toContainText('30,000 sessions');
  await expect(table).not.toContainText(/optical:|A_PRIVATE|M2_PUBLIC/);
});

alice('the fee page names each item in words, not catalog codes (Japanese)', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP', storageState: 'e2e/.auth/alice.json' });
  const page = await context.newPage();
  await page.goto('/prices');
  const table = page.locator('main table');
  await expect(table).toContainText('構内回線:光 / インタフェース 1G');
  await expect(table).toContainText('タイプA:プライベート（AWS Direct Connect） / インタフェース 1G');
  await expect(table).not.toContainText(/optical:|A_PRIVATE|M2_PUBLIC/);
  await context.close();
});

alice('the benchmark floor and handler exist only on a server started for the benchmark', async ({ page }) => {
  // A signed-in customer on an ordinary server: both answer "not found".
  expect((await page.request.get('/bench/floor')).status()).toBe(404);
  expect((await page.request.get('/bench/handler')).status()).toBe(404);
});
