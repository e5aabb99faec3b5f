import { asCustomer, expect, openContract, optionRow } from './fixtures';

// Each test has its own customer, so the tests run in parallel and in any order.

asCustomer('Apply')('apply: a new Smart HUB contract with a port shows every fee first and a double click submits once', async ({ page, customer }) => {
  await page.goto('/');
  const plants = page.getByTestId('network').filter({ hasText: customer.plantsNetwork });
  await plants.getByRole('link', { name: 'Apply for Smart HUB on this network' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Apply for Smart HUB on ${customer.plantsNetwork}`);

  // Nothing filled in: each missing field says so, and nothing is submitted.
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('error-dataCentre')).toHaveText('This field is required.');

  await page.getByLabel('Connection line').selectOption('optical');
  await page.getByLabel('Interface').selectOption('10G');
  await page.getByLabel('Your data centre').fill('Yokohama DC3');
  await page.getByLabel('Rack').fill('C07');
  await expect(page.getByTestId('live-preview')).toContainText('¥120,000');
  await page.getByRole('button', { name: 'Review' }).click();

  const review = page.getByTestId('review-step');
  await expect(review).toContainText('Please check before you submit');
  await expect(review.getByTestId('fee-summary')).toContainText('Smart HUB basic service');
  await expect(review.getByTestId('total-initial')).toHaveText('¥80,000');
  await expect(review.getByTestId('total-monthly')).toHaveText('¥220,000');
  await expect(review).toContainText('3 months from the billing start date');
  await expect(review).toContainText('Consumption tax 10%: ¥12,000');

  await page.getByRole('button', { name: 'Confirm and submit' }).dblclick();
  await expect(page.getByTestId('done-notice')).toHaveText(
    'Your application has been received. We will contact you when it is accepted.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Applied');
  await expect(page.getByTestId('pending-application')).toHaveCount(1);
  await expect(page.getByTestId('option-row')).toHaveCount(1);
  await expect(page.getByTestId('option-row')).toContainText('Yokohama DC3, rack C07');

  await page.goto('/');
  await expect(page.getByTestId('network').filter({ hasText: customer.plantsNetwork }).getByRole('heading', { level: 3 })).toHaveCount(1);
});

asCustomer('AddCloud')('add: a cloud port needs the four conditions, shows its fees, and appears as applied', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await page.getByRole('link', { name: 'Add an option' }).click();
  await page.getByRole('link', { name: 'Cloud connection port' }).click();
  await page.getByLabel('Connected cloud').selectOption('A_PRIVATE');
  await page.getByLabel('Interface').selectOption('1G');
  await page.getByLabel('Cloud account or subscription ID').fill('123456789012');
  await page.getByLabel('Connection key or ID').fill('dxcon-fg1234');
  await page.getByRole('button', { name: 'Review' }).click();
  const violations = page.getByTestId('violations');
  await expect(violations).toContainText('Confirm all four conditions');
  await expect(violations).toContainText('R-CLOUD-CONDITIONS, Art. 4.3');
  // What was typed is still there.
  await expect(page.getByLabel('Cloud account or subscription ID')).toHaveValue('123456789012');

  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('total-initial')).toHaveText('¥30,000');
  await expect(review.getByTestId('total-monthly')).toHaveText('¥60,000');
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByTestId('done-notice')).toBeVisible();
  const row = page.getByTestId('option-row').filter({ hasText: 'Type A: Private (AWS Direct Connect)' });
  await expect(row).toContainText('Applied');
  await expect(page.getByTestId('pending-application')).toContainText('Application for Cloud connection port');
  await expect(optionRow(page, customer.onprem)).toContainText('Active');
});

asCustomer('AddWords')('add: the review names the port in words, not catalog codes, with tax beside the totals', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await page.getByRole('link', { name: 'Add an option' }).click();
  await page.getByRole('link', { name: 'Cloud connection port' }).click();
  await page.getByLabel('Connected cloud').selectOption('A_PRIVATE');
  await page.getByLabel('Interface').selectOption('1G');
  await page.getByLabel('Cloud account or subscription ID').fill('123456789012');
  await page.getByLabel('Connection key or ID').fill('dxcon-fg1234');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Review' }).click();
  const fees = page.getByTestId('review-step').getByTestId('fee-summary');
  await expect(fees).toContainText('Type A: Private (AWS Direct Connect) / Interface 1G');
  await expect(fees).not.toContainText('A_PRIVATE');
  await expect(fees.getByTestId('total-initial-tax')).toHaveText('Consumption tax 10%: ¥3,000');
  await expect(fees.getByTestId('total-monthly-tax')).toHaveText('Consumption tax 10%: ¥6,000');
});
