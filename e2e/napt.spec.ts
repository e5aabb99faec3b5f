import { asCustomer, asOtherUser, expect, openAddOption, optionRow } from './fixtures';

// NAPT session add-ons belong to a public cloud port, one to eight per port (I-2, R-NAPT-PER-PORT).
// Each test has its own customer (e2e/customers.ts), so they run in parallel and in any order.

asCustomer('AddPublic')('napt: a public port ordered with two NAPT add-ons shows both with their fees and lands as one application', async ({
  page,
  customer,
}) => {
  await openAddOption(page, customer.contract, 'Cloud connection port');
  await page.getByLabel('Connected cloud').selectOption('A_PUBLIC');
  await page.getByLabel('Interface').selectOption('1G');
  await page.getByLabel('Cloud account or subscription ID').fill('123456789012');
  await page.getByLabel('Connection key or ID').fill('dxcon-pub1234');
  for (const box of await page.getByRole('checkbox').all()) await box.check();

  const napt = page.getByTestId('napt-fields');
  await napt.getByLabel('NAPT session add-on 1 (sessions)').selectOption('30000');
  await expect(napt.getByTestId('napt-total')).toHaveText('Total NAPT sessions of this port: 30,000');
  await napt.getByRole('button', { name: 'Add another NAPT session add-on' }).click();
  await napt.getByLabel('NAPT session add-on 2 (sessions)').selectOption('60000');
  await expect(napt.getByTestId('napt-total')).toHaveText('Total NAPT sessions of this port: 90,000');
  // A third select, removed again: the total follows.
  await napt.getByRole('button', { name: 'Add another NAPT session add-on' }).click();
  await napt.getByLabel('NAPT session add-on 3 (sessions)').selectOption('480000');
  await expect(napt.getByTestId('napt-total')).toHaveText('Total NAPT sessions of this port: 570,000');
  await napt.getByRole('button', { name: 'Remove NAPT session add-on 3' }).click();
  await expect(napt.getByTestId('napt-row')).toHaveCount(2);
  await expect(napt.getByTestId('napt-total')).toHaveText('Total NAPT sessions of this port: 90,000');

  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  const lines = review.getByTestId('fee-line');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText('Type A: Public (AWS Direct Connect) / Interface 1G');
  await expect(lines.nth(1)).toContainText('NAPT session add-on');
  await expect(lines.nth(1)).toContainText('30,000 sessions');
  await expect(lines.nth(1)).toContainText('Assigned to the cloud connection port above');
  await expect(lines.nth(1)).toContainText('¥8,000');
  await expect(lines.nth(2)).toContainText('60,000 sessions');
  await expect(lines.nth(2)).toContainText('¥16,000');
  await expect(review.getByTestId('one-application')).toBeVisible();
  await expect(review.getByTestId('total-initial')).toHaveText('¥50,000');
  await expect(review.getByTestId('total-monthly')).toHaveText('¥84,000');
  // A new port is not running yet: nothing stops.
  await expect(review.getByTestId('interruption-notice')).toHaveCount(0);

  await page.getByRole('button', { name: 'Confirm and submit' }).dblclick();
  await expect(page.getByTestId('done-notice')).toHaveText('Your application has been received. We will contact you when it is accepted.');
  await expect(page.getByTestId('pending-application')).toHaveCount(1);
  const port = page.getByTestId('option-row').filter({ hasText: 'Type A: Public (AWS Direct Connect)' });
  await expect(port).toContainText('Applied');
  await expect(port.getByTestId('napt-total')).toHaveText('NAPT: 2 add-ons, 90,000 sessions in total');
  const portCode = await port.getAttribute('data-code');
  const underPort = page.locator(`tr[data-testid="option-row"][data-port="${portCode}"]`);
  await expect(underPort).toHaveCount(2);
  for (const row of await underPort.all()) await expect(row).toContainText('Applied');
  // The hub picture draws the two new NAPT add-ons and the existing one, each under its port.
  await expect(page.locator('[data-testid="hub-node"][data-kind="napt"][data-port]')).toHaveCount(3);
  await expect(optionRow(page, customer.m2).getByTestId('napt-total')).toHaveText('NAPT: 1 add-on, 30,000 sessions in total');
});

// NaptNotice's M2 port is 1G with 480,000 NAPT sessions (e2e/customers.ts E2E_PORT_SHAPE).
asCustomer('NaptNotice')('napt: adding a NAPT add-on across 500,000 sessions on a 1G port shows the interruption notice, to the operator too', async ({
  page,
  customer,
  browser,
}) => {
  await openAddOption(page, customer.contract, 'NAPT session add-on');
  const port = page.getByLabel('NAPT assignment (cloud port)');
  // The only eligible port is chosen already.
  await expect(port.locator('option')).toHaveCount(1);
  await expect(port.locator('option')).toContainText(customer.m2);
  await expect(port.locator('option')).toContainText('480,000 sessions');
  await page.getByLabel('Item (sessions)').selectOption('30000');
  await expect(page.getByTestId('napt-total')).toHaveText(`Total NAPT sessions of ${customer.m2} after this add-on: 510,000`);

  await page.getByRole('button', { name: 'Review' }).click();
  const notice = page.getByTestId('review-step').getByTestId('interruption-notice');
  await expect(notice).toContainText('Interruption (about five minutes)');
  await expect(notice).toContainText(`Port ${customer.m2} (interface 1G): NAPT sessions in total 480,000 → 510,000`);
  await expect(notice).toContainText('This port stops for about five minutes when the change is applied.');
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByTestId('done-notice')).toBeVisible();
  await expect(page.locator(`tr[data-testid="option-row"][data-port="${customer.m2}"]`)).toHaveCount(2);

  await asOtherUser(browser, 'olivia', async (staff) => {
    await staff.goto('/staff/operations/applications');
    const row = staff.getByTestId('queue-row').filter({ hasText: `Option on ${customer.contract}` });
    await expect(row.getByTestId('interruption-notice')).toContainText(
      `Port ${customer.m2} (interface 1G): NAPT sessions in total 480,000 → 510,000`,
    );
    await expect(row.getByTestId('interruption-notice')).toContainText('This port stops for about five minutes when the change is applied.');
    // The NAPT goes to a port the contract already holds: the queue names it.
    await expect(row.getByTestId('queue-option')).toContainText(`on port ${customer.m2}`);
  });
});
