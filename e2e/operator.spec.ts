import type { Browser, Page } from '@playwright/test';
import { addDays, cancellationEffectiveDate, earlyTerminationFeeYen, japanDate } from '../lib/rules';
import { formatDate, formatYen } from '../lib/i18n/format';
import { asOtherUser, asUser, expect, openAddOption, openContract, optionRow } from './fixtures';

// The operator (olivia) works on Globex's data only (grace, C-000202, SH-000202), so this file
// runs beside the specs of Acme and the e2e customers. Each test makes what it needs.
const test = asUser('olivia');

const en = (date: string) => formatDate('en', date);
/** A rack name no other test uses: it finds the port this test applied for. */
const uniqueRack = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

function asGrace<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  return asOtherUser(browser, 'grace', run);
}

/** Grace applies for an on-premises port on SH-000202; the new option's code. */
async function graceAppliesForPort(browser: Browser, rack: string): Promise<string> {
  return asGrace(browser, async (page) => {
    await openAddOption(page, 'SH-000202', 'On-premises connection port');
    await page.getByLabel('Connection line').selectOption('optical');
    await page.getByLabel('Interface').selectOption('1G');
    await page.getByLabel('Your data centre').fill('Osaka DC2 (Dojima)');
    await page.getByLabel('Rack').fill(rack);
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Confirm and submit' }).click();
    await expect(page.getByTestId('done-notice')).toBeVisible();
    const row = page.getByTestId('option-row').filter({ hasText: `rack ${rack}` });
    await expect(row).toHaveCount(1);
    const code = await row.getAttribute('data-code');
    expect(code).toMatch(/^SH-O-/);
    return code!;
  });
}

function queueRow(page: Page, code: string) {
  return page.getByTestId('queue-row').filter({ hasText: code });
}

async function acceptAndComplete(page: Page, code: string) {
  await page.goto('/staff/operations/applications');
  await queueRow(page, code).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(page.getByTestId('done-notice')).toContainText('Accepted.');
  await queueRow(page, code).getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(page.getByTestId('done-notice')).toContainText('Completed.');
}

test('applications: an operator accepts a port application, then completes it from the billing start date', async ({ page, browser }) => {
  const code = await graceAppliesForPort(browser, uniqueRack('A'));
  await page.goto('/staff/operations/applications');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Applications');
  const row = queueRow(page, code);
  await expect(row).toContainText('Globex Trading');
  await expect(row).toContainText('C-000202');
  await expect(row).toContainText('Option on SH-000202');
  await expect(row).toContainText('Initial fees shown to the customer: ¥30,000');
  await expect(row.getByTestId('queue-status')).toHaveText('Waiting for acceptance');

  await row.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(page.getByTestId('done-notice')).toHaveText(
    'Accepted. Fees owed from today (initial fee, or item change fee) are recorded.',
  );
  const today = japanDate(new Date());
  await expect(row.getByTestId('queue-status')).toHaveText(`Accepted on ${en(today)}`);
  await expect(row.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0);
  await expect(row.getByLabel('Billing start date')).toHaveValue(today);

  await row.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Completed. The service is active from its billing start date.');
  await expect(queueRow(page, code)).toHaveCount(0);

  await asGrace(browser, async (customer) => {
    await openContract(customer, 'SH-000202');
    await expect(optionRow(customer, code)).toContainText('Active');
  });
});

test('applications: a rejection needs a reason the customer will see, and the port applied for is gone', async ({ page, browser }) => {
  const code = await graceAppliesForPort(browser, uniqueRack('R'));
  await page.goto('/staff/operations/applications');
  const row = queueRow(page, code);
  await row.getByText('Reject…').click();
  await row.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(row.getByText('This field is required.')).toBeVisible();
  await expect(row.getByTestId('op-refusal')).toHaveText('Nothing was changed.');
  await expect(row.getByTestId('queue-status')).toHaveText('Waiting for acceptance');

  await row.getByLabel('Reason (the customer sees it)').fill('The rack has no free 1G port. Please choose another rack.');
  await row.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Rejected. The customer sees the reason.');
  await expect(queueRow(page, code)).toHaveCount(0);

  await asGrace(browser, async (customer) => {
    await openContract(customer, 'SH-000202');
    await expect(optionRow(customer, code)).toHaveCount(0);
    await expect(customer.getByTestId('declined')).toContainText(
      `Application for On-premises connection port ${code} was declined on`,
    );
    await expect(customer.getByTestId('declined')).toContainText('Reason: The rack has no free 1G port. Please choose another rack.');
    await customer.goto('/activity');
    const rejected = customer.getByTestId('activity-row').filter({ hasText: 'Application rejected by IIJ' }).first();
    await expect(rejected).toContainText('IIJ (Olivia Yamada)');
    await expect(rejected).toContainText('Reason: The rack has no free 1G port.');
  });
});

test('cancellations: a notice the customer made is listed with its effective date and early termination charge', async ({ page, browser }) => {
  const code = await graceAppliesForPort(browser, uniqueRack('C'));
  await acceptAndComplete(page, code);
  const now = new Date();
  const effective = cancellationEffectiveDate(now);
  await asGrace(browser, async (customer) => {
    await openContract(customer, 'SH-000202');
    await optionRow(customer, code).getByRole('link', { name: /^Cancel/ }).click();
    await customer.getByRole('button', { name: 'Review' }).click();
    await customer.getByRole('button', { name: 'Confirm cancellation' }).click();
    await expect(customer.getByTestId('receipt-status')).toHaveText('Pending: takes effect on the effective date');
  });

  await page.goto('/staff/operations/cancellations');
  const notice = page.getByTestId('pending-notice').filter({ hasText: code });
  await expect(notice).toContainText('Globex Trading');
  await expect(notice).toContainText(`On-premises connection port ${code} (SH-000202)`);
  await expect(notice).toContainText(en(effective));
  // Billing started today: the minimum use period runs three months, priced at the list's ¥40,000 a month.
  const charge = earlyTerminationFeeYen({
    kind: 'onprem_port',
    monthlyFeeYen: 40_000,
    billingStartDate: japanDate(now),
    terminationDate: effective,
  });
  expect(charge).toBeGreaterThan(0);
  await expect(notice.getByTestId('etf')).toHaveText(formatYen('en', charge));
});

test('PBB: an operator records a new Private Backbone contract for Globex; a wrong customer code is refused', async ({ page }) => {
  await page.goto('/staff/operations/pbb');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Private Backbone contracts');
  const number = `PBB-0202-${Date.now().toString(36).toUpperCase()}`;
  const form = page.getByTestId('record-pbb-form');
  await form.getByLabel('Customer code').fill('Globex');
  await form.getByLabel('Contract number').fill(number);
  await form.getByRole('button', { name: 'Record contract' }).click();
  await expect(page.getByTestId('error-customerCode')).toHaveText('Enter a customer code such as C-000202.');
  await expect(form.getByLabel('Contract number')).toHaveValue(number);

  await form.getByLabel('Customer code').fill('C-999999');
  await form.getByRole('button', { name: 'Record contract' }).click();
  await expect(form.getByTestId('op-refusal')).toHaveText('No customer has this customer code.');
  await expect(page.getByTestId('pbb-row').filter({ hasText: number })).toHaveCount(0);

  await form.getByLabel('Customer code').fill('C-000202');
  await form.getByLabel('Start date').fill('2026-01-05');
  await form.getByRole('button', { name: 'Record contract' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The Private Backbone contract is recorded.');
  const row = page.getByTestId('pbb-row').filter({ hasText: number });
  await expect(row).toContainText('Globex Trading');
  await expect(row).toContainText('January 5, 2026');
  await expect(row).toContainText('Active');
});

test('prices: an operator adds a per-customer price from a later date; it shows as scheduled, demo rows as fictitious', async ({ page }) => {
  await page.goto('/staff/operations/prices');
  await expect(page.getByTestId('fictitious-notice')).toContainText('fictitious');
  await expect(page.getByTestId('price-row').filter({ hasText: 'Demo amount (fictitious)' }).first()).toBeVisible();

  const from = addDays(japanDate(new Date()), 400);
  const monthly = 200_000 + Math.floor(Math.random() * 9_000);
  const form = page.getByTestId('add-price-form');
  await form.getByLabel('Service and item').selectOption('firewall|4000000');
  await form.getByLabel('Customer code (optional)').fill('C-000202');
  await form.getByLabel('Initial fee (yen)').fill('50000');
  await form.getByLabel('Monthly fee (yen)').fill('-5');
  await form.getByLabel('Applies from').fill(from);
  await form.getByRole('button', { name: 'Add price' }).click();
  await expect(page.getByTestId('error-monthlyYen')).toHaveText('Enter a whole number of yen, 0 or more (for example 30000).');

  await form.getByLabel('Monthly fee (yen)').fill(String(monthly));
  await form.getByRole('button', { name: 'Add price' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The price is added to the list.');
  const row = page.locator('[data-testid="price-row"][data-kind="firewall"][data-item="4000000"][data-customer="C-000202"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(formatYen('en', monthly));
  await expect(row).toContainText(en(from));
  await expect(row).toContainText('Scheduled');
  await expect(row).not.toContainText('Demo amount');
});

test('outages: an operator records an outage of SH-000202 in Japan time; an end before the start is refused', async ({ page, browser }) => {
  await page.goto('/staff/operations/outages');
  const form = page.getByTestId('record-outage-form');
  const day = addDays(japanDate(new Date()), -3);
  await form.getByLabel('Smart HUB contract number').fill('SH-000202');
  await form.getByLabel('Started at').fill(`${day}T10:00`);
  await form.getByLabel('Ended at').fill(`${day}T09:00`);
  await form.getByLabel('Detected at').fill(`${day}T10:05`);
  await form.getByRole('button', { name: 'Record outage' }).click();
  await expect(form.getByTestId('op-refusal')).toHaveText('The outage must end after it started.');
  await expect(form.getByLabel('Started at')).toHaveValue(`${day}T10:00`);

  await form.getByLabel('Ended at').fill(`${day}T11:15`);
  await form.getByLabel('Customer notified at').fill(`${day}T10:50`);
  await form.getByLabel('No fee reduction because (the customer sees it)').selectOption('not_company_fault');
  await form.getByRole('button', { name: 'Record outage' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The outage is recorded.');
  const row = page.getByTestId('outage-row').filter({ hasText: 'SH-000202' }).filter({ hasText: '1 h 15 min' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Globex Trading');
  await expect(row).toContainText('Late (after 30 minutes)');
  await expect(row).toContainText("The cause is not IIJ's fault");

  await asGrace(browser, async (customer) => {
    await openContract(customer, 'SH-000202');
    const seen = customer.getByTestId('outage-row').filter({ hasText: '1 h 15 min' });
    await expect(seen.first()).toContainText("The cause is not IIJ's fault");
  });
});
