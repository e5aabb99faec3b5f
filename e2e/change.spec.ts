import { asCustomer, expect, openContract, optionRow } from './fixtures';

// Each test has its own customer, so the tests run in parallel and in any order.

asCustomer('Change')('change: the M2 public port upgrades only upward, with the new monthly fee shown first', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.m2).getByRole('link', { name: /^Change/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Change Cloud connection port ${customer.m2}`);
  const choices = await page.getByLabel('Change to').locator('option').allTextContents();
  expect(choices.slice(1)).toEqual(['300M', '500M', '1G']);
  await page.getByLabel('Change to').selectOption('1G');
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review).toContainText('100M → 1G');
  await expect(review.getByTestId('monthly-after')).toHaveText('¥60,000');
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Your change request has been received.');
  await expect(page.getByTestId('pending-change')).toContainText(`Change of Cloud connection port ${customer.m2}: 100M → 1G`);
});

asCustomer('ChangePbb')('change: the PBB bandwidth expansion changes item with the item change fee', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.pbbExpansion).getByRole('link', { name: /^Change/ }).click();
  await page.getByLabel('Change to').selectOption('10G');
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('item-change-fee')).toContainText('¥10,000');
  await expect(review.getByTestId('item-change-fee')).toContainText('Consumption tax 10%: ¥1,000');
  await expect(review.getByTestId('monthly-after')).toHaveText('¥120,000');
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByTestId('pending-change').filter({ hasText: customer.pbbExpansion })).toContainText('5G → 10G');
});

asCustomer('ChangeRefused')('change: other changes are not offered, and the page says which rule and article', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.napt).getByRole('link', { name: /^Change/ }).click();
  await expect(page.getByTestId('change-not-offered')).toContainText('R-ITEM-CHANGE (Art. 4.5)');
  await expect(page.locator('main form')).toHaveCount(0);
  await openContract(page, customer.contract);
  await optionRow(page, customer.onprem).getByRole('link', { name: /^Change/ }).click();
  await expect(page.getByTestId('change-not-offered')).toContainText('R-M2-UPGRADE-ONLY (Art. 4.4)');
});

asCustomer('Firewall')('add: a firewall beside only public ports is refused with its rule, and nothing is added', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  const before = await page.getByTestId('option-row').count();
  await page.getByRole('link', { name: 'Add an option' }).click();
  await page.getByRole('link', { name: 'Firewall option' }).click();
  await page.getByLabel('Item (sessions)').selectOption('500000');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('violations')).toContainText('R-FW-NEEDS-PRIVATE, Art. 2.3');
  await expect(page.getByTestId('violations')).toContainText('The firewall option needs a private cloud connection port');
  await openContract(page, customer.contract);
  await expect(page.getByTestId('option-row')).toHaveCount(before);
});

asCustomer('ChangeTax')('change: the M2 upgrade review shows consumption tax beside the monthly fee before and after', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.m2).getByRole('link', { name: /^Change/ }).click();
  await page.getByLabel('Change to').selectOption('1G');
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('monthly-before')).toHaveText('¥20,000');
  await expect(review.getByTestId('monthly-before-tax')).toHaveText('Consumption tax 10%: ¥2,000');
  await expect(review.getByTestId('monthly-after')).toHaveText('¥60,000');
  await expect(review.getByTestId('monthly-after-tax')).toHaveText('Consumption tax 10%: ¥6,000');
});
