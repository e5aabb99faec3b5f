import { asCustomer, expect, openContract, optionRow } from './fixtures';

const test = asCustomer('Plain');
test.use({ javaScriptEnabled: false });

test('without JavaScript: review, confirm, receipt and withdraw all work as plain forms', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.napt).getByRole('link', { name: /^Cancel/ }).click();
  // The page renders the preview of the untouched form: the dates are there before any request.
  await expect(page.getByTestId('live-preview').getByTestId('effective-date')).not.toBeEmpty();
  await expect(page.getByTestId('live-preview').getByTestId('etf-total')).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('review-step').getByTestId('effective-date')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByRole('heading', { name: 'Cancellation notice received' })).toBeVisible();
  await page.getByRole('button', { name: 'Withdraw this cancellation' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Withdrawn. Nothing else was changed.');

  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Smart HUB 契約');
});

const plainPort = asCustomer('PlainPort');
plainPort.use({ javaScriptEnabled: false });

plainPort('without JavaScript: a public port is ordered with the one NAPT select shown, as one application', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await page.getByRole('link', { name: 'Add an option' }).click();
  await page.getByRole('link', { name: 'Cloud connection port' }).click();
  await page.getByLabel('Connected cloud').selectOption('M_PUBLIC');
  await page.getByLabel('Interface').selectOption('1G');
  await page.getByLabel('Cloud account or subscription ID').fill('sub-plain-1');
  await page.getByLabel('Connection key or ID').fill('key-plain-1');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  const napt = page.getByTestId('napt-fields');
  await expect(napt.locator('select[name="naptSessions"]')).toHaveCount(1);
  await expect(napt.getByRole('button')).toHaveCount(0);
  await napt.getByLabel('NAPT session add-on 1 (sessions)').selectOption('120000');
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('fee-line')).toHaveCount(2);
  await expect(review.getByTestId('fee-line').nth(1)).toContainText('120,000 sessions');
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByTestId('done-notice')).toBeVisible();
  await expect(page.getByTestId('pending-application')).toHaveCount(1);
  await expect(page.getByTestId('pending-application')).toContainText('with 1 NAPT session add-on');
});
