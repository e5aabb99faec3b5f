import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { e2eCustomer } from './customers';
import { asOtherUser, expect, openAddOption, storageStateOf, test as base } from './fixtures';

// Notices that reach people: the customer applies for a port, an operator accepts it, and the
// notice appears in the customer's bell and on the notifications page (the outbox's worker runs
// in the server process). The customer marks it read, and the bell says so.
const customer = e2eCustomer('Notify');
const test = base.extend({ storageState: storageStateOf('e2e-Notify') });

const bell = (page: Page) => page.getByTestId('notification-bell');

test('a notification appears in the bell after an application is accepted', async ({ page, browser }) => {
  await page.goto('/');
  await expect(bell(page)).toHaveAccessibleName('Notifications, none unread');

  const rack = `N-${Date.now().toString(36)}`;
  await openAddOption(page, customer.contract, 'On-premises connection port');
  await page.getByLabel('Connection line').selectOption('optical');
  await page.getByLabel('Interface').selectOption('1G');
  await page.getByLabel('Your data centre').fill('Tokyo DC1');
  await page.getByLabel('Rack').fill(rack);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByTestId('done-notice')).toBeVisible();
  const code = await page.getByTestId('option-row').filter({ hasText: `rack ${rack}` }).getAttribute('data-code');
  expect(code).toMatch(/^SH-O-/);

  await asOtherUser(browser, 'olivia', async (operator) => {
    await operator.goto('/staff/operations/applications');
    await operator.getByTestId('queue-row').filter({ hasText: code! }).getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(operator.getByTestId('done-notice')).toContainText('Accepted.');
  });

  // The worker delivers within a poll or two; the bell is drawn by the server on each page.
  await expect(async () => {
    await page.goto('/');
    await expect(bell(page)).toHaveAccessibleName('Notifications, 2 unread', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('notification-count')).toHaveText('2');

  await bell(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
  const first = page.getByTestId('notification').first();
  await expect(first).toContainText(`Application accepted: ${customer.contract}`);
  await expect(first).toContainText(`(${code})`);
  await expect(first).toHaveAttribute('data-unread', 'true');
  await expect(page.getByTestId('notification').nth(1)).toContainText(`Application received: ${customer.contract}`);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await first.getByRole('button', { name: `Mark as read: Application accepted: ${customer.contract}` }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('Marked as read.');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  await page.getByTestId('mark-all-read').click();
  await expect(bell(page)).toHaveAccessibleName('Notifications, none unread');
  await expect(page.getByTestId('notification').filter({ has: page.locator('[data-unread="true"]') })).toHaveCount(0);

  // Preferences: applications no longer by e-mail; security stays on and cannot be changed.
  await page.getByLabel('Applications').uncheck();
  await expect(page.getByLabel('Security (users, roles, passwords)')).toBeDisabled();
  await page.getByTestId('save-preferences').click();
  await expect(page.getByTestId('done-notice')).toHaveText('Your preferences were saved.');
  await expect(page.getByLabel('Applications')).not.toBeChecked();
  await expect(page.getByLabel('Outages')).toBeChecked();

  // The link of the notice opens the contract.
  await page.getByTestId('notification').first().getByRole('link', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(customer.contract);
});
