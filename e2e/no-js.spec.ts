import { asCustomer, expect, openContract, optionRow } from './fixtures';

const test = asCustomer('Plain');
test.use({ javaScriptEnabled: false });

test('without JavaScript: review, confirm, receipt and withdraw all work as plain forms', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.napt).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('review-step').getByTestId('effective-date')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByRole('heading', { name: 'Cancellation notice received' })).toBeVisible();
  await page.getByRole('button', { name: 'Withdraw this cancellation' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Withdrawn. Nothing else was changed.');

  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Smart HUB 契約');
});
