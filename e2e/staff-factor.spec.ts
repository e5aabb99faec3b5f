import { asSupportStaff, asUser, expect, signIn, totpCode } from './fixtures';
import { E2E_SUPPORT_STAFF } from './customers';

// Rex (e2e/customers.ts) exists for this file only: his factor is reset, which ends his sessions.
const operator = asUser('olivia');
const rex = E2E_SUPPORT_STAFF.rex;

operator('staff factor: an operator resets another member, who enrols by the new link and signs in once with a recovery code', async ({ page, browser }) => {
  await page.goto('/staff/operations/staff');
  await expect(page.getByRole('heading', { name: 'Staff accounts' })).toBeVisible();
  // No reset of one's own.
  await expect(page.getByTestId('staff-member-olivia@ops.example').getByRole('button')).toHaveCount(0);
  await page.getByRole('button', { name: `Reset the second factor of ${rex.name}` }).click();
  await expect(page.getByTestId('factor-reset-done')).toContainText(`The second factor of ${rex.name} was reset`);
  const link = (await page.getByTestId('enrolment-link').textContent())!.trim();
  expect(link).toMatch(/\/staff\/enrol\/[A-Za-z0-9_-]{43}$/);

  // Rex's earlier session has ended.
  const rexContext = await browser.newContext({ storageState: 'e2e/.auth/e2e-staff-rex.json' });
  const rexPage = await rexContext.newPage();
  await rexPage.goto('/staff');
  await expect(rexPage).toHaveURL(/\/login/);
  // His old authenticator no longer signs him in.
  await signIn(rexPage, rex.email, undefined, totpCode(rex.totpSecret));
  await expect(rexPage.getByTestId('login-error')).toHaveText('The e-mail address, password or authenticator code is incorrect.');

  // The link: a new password, a new authenticator, and ten recovery codes shown once.
  await rexPage.goto(new URL(link).pathname);
  const secret = (await rexPage.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  await rexPage.getByLabel('Password', { exact: true }).fill('rex a brand new passphrase');
  await rexPage.getByLabel('Password again').fill('rex a brand new passphrase');
  await rexPage.getByLabel('The 6-digit code your app shows now').fill(totpCode(secret));
  await rexPage.getByRole('button', { name: 'Set password and authenticator' }).click();
  await expect(rexPage.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  const codes = await rexPage.getByTestId('recovery-codes').locator('li').allTextContents();
  expect(codes).toHaveLength(10);

  // A recovery code signs in once in place of the authenticator code.
  await signIn(rexPage, rex.email, 'rex a brand new passphrase', codes[0]);
  await expect(rexPage).toHaveURL(/\/staff$/);
  await rexContext.clearCookies();
  await signIn(rexPage, rex.email, 'rex a brand new passphrase', codes[0]);
  await expect(rexPage.getByTestId('login-error')).toHaveText('The e-mail address, password or authenticator code is incorrect.');
  await rexContext.close();
});

const support = asSupportStaff('sue');
support('staff factor: the staff accounts page is for operators only', async ({ page }) => {
  const response = await page.goto('/staff/operations/staff');
  expect(response?.status()).toBe(403);
});

operator('staff factor: there is no enrolment page after a password-only sign-in any more', async ({ page }) => {
  const response = await page.goto('/enrol');
  expect(response?.status()).toBe(404);
});
