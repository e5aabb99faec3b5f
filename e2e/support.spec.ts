import { e2eCustomer } from './customers';
import { asSupportStaff, asUser, expect, optionRow, storageStateOf } from './fixtures';

// Starting support access ends the same member's earlier session, so each test has its own
// support member (sam, and the tests' own sue) and they run in parallel, in any order.
asUser('sam')('support: search → impersonate → banner on every page → a write is refused → End', async ({ page }) => {
  await page.goto('/staff/support');
  await page.getByLabel('Search').fill('acme');
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Acme Manufacturing' });
  await expect(hit).toContainText('C-000101');
  await hit.getByRole('link', { name: /Support access/ }).click();
  await expect(page.getByTestId('grant-status')).toHaveText('Acme Manufacturing has not allowed support to act for them: view-only.');

  await page.getByRole('button', { name: 'Start support access' }).click();
  await expect(page.getByTestId('refusal')).toHaveText('Give a reason and a ticket reference.');
  await page.getByLabel('Reason').fill('Customer asked why the NAPT add-on cannot be cancelled');
  await page.getByLabel('Ticket reference').fill('INC-2026-0042');
  await page.getByRole('button', { name: 'Start support access' }).click();

  const banner = page.getByTestId('impersonation-banner');
  await expect(banner).toContainText('Sam Kobayashi is viewing Acme Manufacturing (C-000101) as support');
  await expect(banner).toContainText('INC-2026-0042');
  await expect(banner).toContainText(/(29|30) min left/);
  await expect(banner).toContainText('View-only.');
  await expect(page.getByText('Contract holder: Acme Manufacturing (C-000101)')).toBeVisible();

  await page.getByRole('link', { name: 'Open contract SH-000101' }).click();
  await expect(banner).toBeVisible();
  await optionRow(page, 'SH-O-000103').getByRole('link', { name: /^Cancel/ }).click();
  await expect(banner).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('refusal')).toHaveText(
    'Support access is view-only: this customer has not allowed support to act for them. Nothing was changed.',
  );
  // View-only support cannot change the cloud information: it sees the connection key masked, no form.
  await page.goBack();
  await optionRow(page, 'SH-O-000102').locator('a[href$="/cloud-info"]').click();
  await expect(page.getByTestId('cloud-connection-key')).toHaveText(/^•{8}.{4}$/);
  await expect(page.getByLabel('Connection key or ID')).toHaveCount(0);
  await expect(page.getByTestId('read-only-notice')).toBeVisible();
  await page.goto('/support-access');
  await expect(page.getByText('Support staff cannot change this permission for you.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Allow support to act for us' })).toHaveCount(0);

  await banner.getByRole('button', { name: 'End support access' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Support access ended.');
  await expect(page.getByTestId('impersonation-banner')).toHaveCount(0);
  await page.goto('/');
  await expect(page).toHaveURL(/\/staff$/);
});

asSupportStaff('sue')('support: inside the customer grant, a cancellation for the customer is recorded under both names', async ({
  page,
  browser,
  staff,
}) => {
  const customer = e2eCustomer('Support');
  const own = await browser.newContext({ storageState: storageStateOf('e2e-Support') });
  const customerPage = await own.newPage();
  await customerPage.goto('/support-access');
  await customerPage.getByLabel('Days (1–30)').fill('2');
  await customerPage.getByRole('button', { name: 'Allow support to act for us' }).click();
  await expect(customerPage.getByTestId('done-notice')).toHaveText('Support may now act for you.');

  await page.goto(`/staff/support?q=${encodeURIComponent(customer.company)}`);
  await page.getByTestId('search-hit').filter({ hasText: customer.company }).getByRole('link', { name: /Support access/ }).click();
  await expect(page.getByTestId('grant-status')).toContainText('allows support to act for them until');
  await page.getByLabel('Reason').fill('Customer asked us to cancel the NAPT add-on');
  await page.getByLabel('Ticket reference').fill('INC-2026-0077');
  await page.getByRole('button', { name: 'Start support access' }).click();
  await expect(page.getByTestId('impersonation-banner')).toContainText('Acting for the customer is allowed.');

  await page.getByRole('link', { name: `Open contract ${customer.contract}` }).click();
  await optionRow(page, customer.napt).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByRole('heading', { name: 'Cancellation notice received' })).toBeVisible();
  await page.getByTestId('impersonation-banner').getByRole('button', { name: 'End support access' }).click();

  await customerPage.goto('/activity');
  await expect(customerPage.getByTestId('support-access-row').first()).toContainText(
    `Support access by ${staff.name}: Customer asked us to cancel the NAPT add-on (ticket INC-2026-0077)`,
  );
  const cancelled = customerPage.getByTestId('activity-row').filter({ hasText: 'Cancelled an option' });
  await expect(cancelled).toContainText(`${staff.name} (IIJ support) for you`);
  await own.close();
});
