import { asUser, expect, openContract, storageStateOf } from './fixtures';

const victor = asUser('victor');

victor('a viewer sees the contract page without any action, and forms are replaced by a notice', async ({ page }) => {
  await openContract(page, 'SH-000101');
  const main = page.locator('main');
  await expect(main.getByRole('button')).toHaveCount(0);
  await expect(main.locator('form')).toHaveCount(0);
  await expect(main.getByRole('link', { name: /^(Change|Cancel|Cloud information)/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Add an option' })).toHaveCount(0);
  await expect(page.getByTestId('read-only-notice')).toBeVisible();
  const contractUrl = page.url();
  for (const path of ['/cancel', '/options/new?kind=napt']) {
    await page.goto(contractUrl + path);
    await expect(page.getByTestId('read-only-notice')).toBeVisible();
    await expect(main.locator('form')).toHaveCount(0);
  }
});

victor("another customer's contract is not found", async ({ page, browser }) => {
  const grace = await browser.newContext({ storageState: storageStateOf('grace') });
  const gracePage = await grace.newPage();
  await openContract(gracePage, 'SH-000202');
  const globexContract = new URL(gracePage.url()).pathname;
  await grace.close();
  for (const path of [globexContract, `${globexContract}/cancel`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('body')).not.toContainText('SH-000202');
  }
  const bad = await page.goto('/contracts/not-an-id');
  expect(bad?.status()).toBe(404);
});
