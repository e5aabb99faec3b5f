import { asCustomer, asOtherUser, expect, openAddOption, openContract, optionRow } from './fixtures';

// Each test has its own customer, so the tests run in parallel and in any order; each ends on
// the Activity page to see what it did recorded, by whom.

asCustomer('Withdraw')('withdraw: an application before it is accepted, and the activity says so', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await page.getByRole('link', { name: 'Add an option' }).click();
  await page.getByRole('link', { name: 'Static NAT add-on' }).click();
  // Static NAT has no fields: wait until its form is the one shown before reviewing.
  await expect(page.getByRole('link', { name: 'Static NAT add-on' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  const pending = page.getByTestId('pending-application');
  await expect(pending).toContainText('Application for Static NAT add-on');
  await pending.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Withdrawn. Nothing else was changed.');
  await expect(page.getByTestId('pending-application')).toHaveCount(0);
  await expect(page.getByTestId('option-row').filter({ hasText: 'Static NAT add-on' })).toHaveCount(0);

  await page.goto('/activity');
  const rows = page.getByTestId('activity-row');
  await expect(rows.filter({ hasText: 'Withdrew an option application' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Applied for an option' })).toHaveCount(1);
  await expect(rows.filter({ hasText: /Withdrew|Cancelled|Applied/ })).toHaveCount(2);
  for (const row of await rows.filter({ hasText: /Withdrew|Cancelled|Applied/ }).all()) {
    await expect(row).toContainText(customer.admin);
  }
});

asCustomer('WithdrawCancel')('withdraw: a cancellation before its effective date, from the receipt, and the activity says so', async ({
  page,
  customer,
}) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.napt).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByTestId('receipt-status')).toHaveText('Pending: takes effect on the effective date');
  await page.getByRole('button', { name: 'Withdraw this cancellation' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Withdrawn. Nothing else was changed.');
  await expect(optionRow(page, customer.napt)).toContainText('Active');
  await expect(optionRow(page, customer.napt)).not.toContainText('ending on');
  await expect(page.getByTestId('pending-cancellation')).toHaveCount(0);

  await page.goto('/activity');
  const rows = page.getByTestId('activity-row');
  await expect(rows.filter({ hasText: 'Withdrew a cancellation' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Cancelled an option' })).toHaveCount(1);
  await expect(rows.filter({ hasText: /Withdrew|Cancelled|Applied/ })).toHaveCount(2);
  for (const row of await rows.filter({ hasText: /Withdrew|Cancelled|Applied/ }).all()) {
    await expect(row).toContainText(customer.admin);
  }
});

asCustomer('WithdrawPort')('withdraw: a pending port is neither withdrawn nor rejected from under a NAPT applied for on it separately; that one first, then the port', async ({
  page,
  customer,
  browser,
}) => {
  await openAddOption(page, customer.contract, 'Cloud connection port');
  await page.getByLabel('Connected cloud').selectOption('A_PUBLIC');
  await page.getByLabel('Interface').selectOption('1G');
  await page.getByLabel('Cloud account or subscription ID').fill('123456789012');
  await page.getByLabel('Connection key or ID').fill('dxcon-wdr1234');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByTestId('napt-fields').getByLabel('NAPT session add-on 1 (sessions)').selectOption('30000');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByTestId('done-notice')).toBeVisible();
  const portCode = await page.getByTestId('option-row').filter({ hasText: 'Type A: Public (AWS Direct Connect)' }).getAttribute('data-code');
  expect(portCode).toBeTruthy();

  // A second application: a NAPT add-on on the port still applied for.
  await openAddOption(page, customer.contract, 'NAPT session add-on');
  const assignment = page.getByLabel('NAPT assignment (cloud port)');
  const value = await assignment.locator('option', { hasText: `${portCode}:` }).getAttribute('value');
  await assignment.selectOption(value ?? '');
  await page.getByLabel('Item (sessions)').selectOption('30000');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByTestId('done-notice')).toBeVisible();

  const pending = page.getByTestId('pending-application');
  await expect(pending).toHaveCount(2);
  const portApplication = pending.filter({ hasText: `Cloud connection port ${portCode}` });
  await portApplication.getByRole('button', { name: 'Withdraw' }).click();
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toContainText('The change is not allowed by the contract terms. Nothing was changed.');
  await expect(refusal.locator('[data-rule="R-NAPT-NEEDS-PUBLIC"]')).toContainText('(R-NAPT-NEEDS-PUBLIC, Art. 2.2)');
  await expect(refusal.getByTestId('withdraw-dependent-first')).toHaveText(
    'Another application depends on this one, such as a NAPT session add-on applied for separately on this port. Withdraw that application first, then this one.',
  );
  await expect(pending).toHaveCount(2);

  // An operator cannot reject the port from under it either, and is told why.
  await asOtherUser(browser, 'olivia', async (staff) => {
    await staff.goto('/staff/operations/applications');
    const row = staff.locator(`[data-testid="queue-row"][data-codes~="${portCode}"]`);
    await row.getByText('Reject…').click();
    await row.getByLabel('Reason (the customer sees it)').fill('No capacity at this site.');
    await row.getByRole('button', { name: 'Reject', exact: true }).click();
    await expect(row.getByTestId('reject-blocked')).toContainText('Reject first any application that depends on it');
    await expect(row.getByTestId('violations').locator('[data-rule="R-NAPT-NEEDS-PUBLIC"]')).toBeVisible();
    await staff.reload();
    await expect(staff.locator(`[data-testid="queue-row"][data-codes~="${portCode}"]`)).toHaveCount(1);
  });

  await pending.filter({ hasText: 'Application for NAPT session add-on' }).getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Withdrawn. Nothing else was changed.');
  await expect(pending).toHaveCount(1);
  await pending.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Withdrawn. Nothing else was changed.');
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId('option-row').filter({ hasText: 'Type A: Public (AWS Direct Connect)' })).toHaveCount(0);
});
