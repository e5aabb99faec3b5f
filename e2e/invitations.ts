import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';

// Inviting and accepting, as the users page and the invitation link work in English: shared by
// e2e/users.spec.ts and the onboarding chain (e2e/onboarding.spec.ts).

export const STRONG = 'lantern-orchard-velvet-93';
/** A browser of its own, signed out (a new context would otherwise take the test's saved session). */
export const SIGNED_OUT = { locale: 'en-US', storageState: { cookies: [], origins: [] } };

/** Invites someone from the users page as the signed-in admin. */
export async function invite(page: Page, email: string, name: string, role: RegExp) {
  await page.goto('/users');
  const form = page.getByTestId('invite-form');
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Name').fill(name);
  await form.getByRole('radio', { name: role }).check();
  await form.getByLabel('Language of the e-mail').selectOption('en');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText('The invitation has been sent.');
  await expect(page.getByTestId('invitations-table').locator(`tr[data-email="${email}"]`)).toBeVisible();
}

/** Opens the invitation link in a browser of its own (signed out) and sets the password; returns the signed-in page. */
export async function accept(browser: Browser, path: string, company: string) {
  const context = await browser.newContext(SIGNED_OUT);
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Join ${company} on the Smart HUB Portal`);
  await page.getByLabel('Password', { exact: true }).fill('password123');
  await page.getByLabel('Password again').fill('password123');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  // A weak password is refused and the name typed is kept.
  await expect(page.getByTestId('refusal')).toContainText('too easy to guess');
  await page.getByLabel('Password', { exact: true }).fill(STRONG);
  await page.getByLabel('Password again').fill(STRONG);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page).toHaveURL(/\/(\?welcome=1)?$/);
  return { page, context };
}

