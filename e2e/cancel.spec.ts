import { addDays, cancellationEffectiveDate, earlyTerminationFeeYen, japanDate, minimumTermLastDay } from '../lib/rules';
import { formatDate, formatYen } from '../lib/i18n/format';
import { asCustomer, asOtherUser, expect, openContract, optionRow } from './fixtures';

// Each test has its own customer, seeded in the state it starts from (e2e/customers.ts), so the
// tests run in parallel and in any order.

const en = (date: string) => formatDate('en', date);

asCustomer('Cancel')('cancel: a public port ends its NAPT add-on on the same date with no charge, in the review, the receipt and the operator list', async ({
  page,
  customer,
  browser,
}) => {
  const earliest = cancellationEffectiveDate(new Date());
  await openContract(page, customer.contract);
  await optionRow(page, customer.m2).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('effective-date')).toHaveText(en(earliest));
  await expect(review.getByTestId('ends-with-port')).toHaveText(
    `NAPT session add-on ${customer.napt}: ends with port ${customer.m2} on the same date. No charge.`,
  );
  await expect(review.locator(`[data-testid="etf-row"][data-code="${customer.napt}"]`)).toContainText('No early termination charge.');
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();

  await expect(page.getByRole('heading', { name: 'Cancellation notice received' })).toBeVisible();
  await expect(page.getByTestId('receipt-subject')).toContainText(`Cancellation of Cloud connection port ${customer.m2}`);
  await expect(page.getByTestId('ends-with-port')).toHaveText(
    `NAPT session add-on ${customer.napt}: ends with port ${customer.m2} on the same date. No charge.`,
  );
  await page.getByRole('link', { name: 'Back to the contract' }).click();
  await expect(optionRow(page, customer.m2)).toContainText(`ending on ${en(earliest)}`);
  await expect(optionRow(page, customer.napt)).toContainText(`ending on ${en(earliest)}`);
  await expect(page.getByTestId('pending-cancellation')).toHaveCount(1);

  await asOtherUser(browser, 'olivia', async (staff) => {
    await staff.goto('/staff/operations/cancellations');
    const notice = staff.locator(`[data-testid="pending-notice"][data-code="${customer.m2}"]`);
    await expect(notice.getByTestId('ends-with-port')).toHaveText(`With it, on the same date: NAPT session add-on ${customer.napt}`);
  });
});

asCustomer('CancelPortLater')('cancel: a NAPT add-on already ending earlier keeps its own day when its port is cancelled later, and the review says so', async ({
  page,
  customer,
}) => {
  const earliest = cancellationEffectiveDate(new Date());
  const requested = addDays(earliest, 10);
  const secondNapt = `${customer.onprem.slice(0, -2)}05`;
  await openContract(page, customer.contract);
  await optionRow(page, customer.m2).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByLabel('Requested cancellation date (optional)').fill(requested);
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('effective-date')).toHaveText(en(requested));
  await expect(review.locator(`[data-testid="ends-with-port"][data-code="${customer.napt}"]`)).toHaveText(
    `NAPT session add-on ${customer.napt}: ends with port ${customer.m2} on the same date. No charge.`,
  );
  await expect(review.locator(`[data-testid="ends-with-port"][data-code="${secondNapt}"]`)).toHaveText(
    `NAPT session add-on ${secondNapt}: keeps its own earlier last day, ${en(earliest)}, before port ${customer.m2}. No charge.`,
  );
});

asCustomer('CancelOnlyNapt')("cancel: a port's only NAPT add-on is refused, with a link to cancel the port instead", async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.napt).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  const violations = page.getByTestId('violations');
  await expect(violations).toContainText('R-NAPT-PER-PORT');
  await expect(violations).toContainText('holds 1 to 8 NAPT session add-ons');
  await violations.getByRole('link', { name: `Cancel port ${customer.m2} instead: its NAPT session add-ons end with it` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cancel Cloud connection port ${customer.m2}`);
});

asCustomer('CancelNapt')('cancel: an option shows the notice date, both dates and the charge first, then a printable receipt', async ({ page, customer }) => {
  const now = new Date();
  const today = japanDate(now);
  const earliest = cancellationEffectiveDate(now);
  await openContract(page, customer.contract);
  await optionRow(page, customer.napt).getByRole('link', { name: /^Cancel/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cancel NAPT session add-on ${customer.napt}`);
  // The page's own preview stays once the page is interactive and the live preview's code has loaded.
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('live-preview').getByTestId('effective-date')).toHaveText(en(earliest));
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('notice-date')).toHaveText(en(today));
  await expect(review.getByTestId('earliest-date')).toHaveText(en(addDays(today, 30)));
  await expect(review.getByTestId('effective-date')).toHaveText(en(earliest));
  await expect(review.getByTestId('etf-total')).toContainText('¥0');
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();

  await expect(page.getByRole('heading', { name: 'Cancellation notice received' })).toBeVisible();
  await expect(page.getByTestId('receipt-subject')).toContainText(`Cancellation of NAPT session add-on ${customer.napt}`);
  await expect(page.getByTestId('effective-date')).toHaveText(en(earliest));
  await expect(page.getByTestId('receipt-status')).toHaveText('Pending: takes effect on the effective date');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  await page.getByRole('link', { name: 'Back to the contract' }).click();
  await expect(optionRow(page, customer.napt)).toContainText(`ending on ${en(earliest)}`);
  await expect(page.getByTestId('pending-cancellation')).toContainText(`effective ${en(earliest)}`);
});

// The M2 port may end later than the earliest date; its NAPT add-on ends with it.
asCustomer('CancelLater')('cancel: a named later date is the effective date, and the early termination charge is shown with its arithmetic', async ({
  page,
  customer,
}) => {
  const now = new Date();
  const requested = addDays(cancellationEffectiveDate(now), 3);
  await openContract(page, customer.contract);
  const billingStart = (await optionRow(page, customer.m2).locator('td').nth(2).textContent()) ?? '';
  await optionRow(page, customer.m2).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByLabel('Requested cancellation date (optional)').fill(requested);
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('requested-date')).toHaveText(en(requested));
  await expect(review.getByTestId('effective-date')).toHaveText(en(requested));
  // The M2 port started billing last month: the charge is the rest of its 3-month period.
  const start = new Date(`${billingStart} 12:00 GMT+0900`);
  const expected = earlyTerminationFeeYen({
    kind: 'cloud_port',
    monthlyFeeYen: 20_000,
    billingStartDate: japanDate(start),
    terminationDate: requested,
  });
  await expect(review.getByTestId('etf-total')).toContainText(formatYen('en', expected));
  expect(expected).toBeGreaterThan(0);
  await expect(review.locator(`[data-testid="etf-row"][data-code="${customer.m2}"]`)).toContainText('× ¥20,000');
  await expect(review.getByTestId('ends-with-port')).toContainText(customer.napt);
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByTestId('etf-total')).toContainText(formatYen('en', expected));
});

// The M2 port and its NAPT add-on already end (a notice sent today): the on-premises port is the last running port.
asCustomer('CancelLast')('cancel: the last running port is refused and the whole contract is offered instead', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  await optionRow(page, customer.onprem).getByRole('link', { name: /^Cancel/ }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('violations')).toContainText('R-PORT-REQUIRED, Art. 4.1');
  await page.getByRole('link', { name: 'Cancel the whole contract instead' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cancel Smart HUB contract ${customer.contract}`);
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('etf-row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByTestId('receipt-subject')).toContainText('Cancellation of the whole contract');
  await page.getByRole('link', { name: 'Back to the contract' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ending on');
  await expect(page.getByRole('link', { name: 'Cancel this contract' })).toHaveCount(0);
});

// The M2 port started billing last month, inside its 3-month minimum use period.
asCustomer('Cheapest')('cancel: the cheapest end date is offered beside the charge, and one click puts it in the form', async ({ page, customer }) => {
  await openContract(page, customer.contract);
  const billingStart = (await optionRow(page, customer.m2).locator('td').nth(2).textContent()) ?? '';
  const lastDay = minimumTermLastDay('cloud_port', japanDate(new Date(`${billingStart} 12:00 GMT+0900`)))!;
  const earliest = cancellationEffectiveDate(new Date());
  const charge = earlyTerminationFeeYen({ kind: 'cloud_port', monthlyFeeYen: 20_000, billingStartDate: japanDate(new Date(`${billingStart} 12:00 GMT+0900`)), terminationDate: earliest });
  expect(charge).toBeGreaterThan(0);
  await optionRow(page, customer.m2).getByRole('link', { name: /^Cancel/ }).click();

  const live = page.getByTestId('live-preview');
  await expect(live.getByTestId('effective-date')).toHaveText(en(earliest));
  const cheapest = live.getByTestId('cheapest-date');
  await expect(cheapest.getByRole('heading')).toHaveText(`End date with no early termination charge: ${en(lastDay)}`);
  await expect(cheapest).toContainText(`owes ¥0 in early termination charges instead of ${formatYen('en', charge)}`);

  await cheapest.getByRole('button', { name: `Use ${en(lastDay)}` }).click();
  await expect(page.getByLabel('Requested cancellation date (optional)')).toHaveValue(lastDay);
  await expect(live.getByTestId('effective-date')).toHaveText(en(lastDay));
  await expect(live.getByTestId('etf-total')).toContainText('¥0');
  await expect(live.getByTestId('cheapest-date')).toHaveCount(0);

  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByTestId('review-step');
  await expect(review.getByTestId('effective-date')).toHaveText(en(lastDay));
  await expect(review.getByTestId('etf-total')).toContainText('¥0');
});
