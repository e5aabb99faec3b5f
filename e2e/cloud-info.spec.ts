import { asCustomer, expect, openContract, optionRow } from './fixtures';

const test = asCustomer('Cloud');

test('cloud information: an empty field is refused, a valid edit is saved and recorded', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.m2).getByRole('link', { name: /^Cloud information/ }).click();
  const account = page.getByLabel('Cloud account or subscription ID');
  const key = page.getByLabel('Connection key or ID');
  await expect(account).toHaveValue('3f2b9c1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b');
  await account.fill('');
  await key.fill('peering-new-key');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('error-cloudAccountId')).toHaveText('This field is required.');
  await expect(key).toHaveValue('peering-new-key');

  await account.fill('9a8b7c6d-0000-4000-8000-123456789abc');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The cloud information has been updated.');

  await page.goto('/activity');
  const row = page.getByTestId('activity-row').filter({ hasText: 'Updated cloud information' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Cloud Admin');
  await expect(row).toContainText(customer.m2);
});
