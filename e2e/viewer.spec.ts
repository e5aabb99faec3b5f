import { asUser, expect, openContract, optionRow, storageStateOf } from './fixtures';

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

victor('a viewer sees a cloud connection key masked (its last 4 characters), never whole in the page', async ({ page, browser }) => {
  // The admin, who may change it, sees the key whole on the form.
  const alice = await browser.newContext({ storageState: storageStateOf('alice') });
  const alicePage = await alice.newPage();
  await openContract(alicePage, 'SH-000101');
  const cloudInfo = new URL(await optionRow(alicePage, 'SH-O-000102').locator('a[href$="/cloud-info"]').getAttribute('href') ?? '', alicePage.url());
  await alicePage.goto(cloudInfo.pathname);
  const key = await alicePage.getByLabel('Connection key or ID').inputValue();
  await alice.close();
  expect(key.length).toBeGreaterThan(8);

  const response = await page.goto(cloudInfo.pathname);
  await expect(page.getByTestId('cloud-connection-key')).toHaveText(`••••••••${key.slice(-4)}`);
  await expect(page.getByTestId('read-only-notice')).toBeVisible();
  // Neither the page nor the data it carries for the browser holds the key, here or on the contract page.
  expect(await response?.text()).not.toContain(key);
  await openContract(page, 'SH-000101');
  const contractPage = await page.request.get(page.url());
  expect(await contractPage.text()).not.toContain(key);
});
