import { asCustomer, expect, openContract, signIn } from './fixtures';
import { SIGNED_OUT, STRONG, accept, invite } from './invitations';
import { mailedLink } from './outbox';

// Users and passwords (issue 13): invitations by e-mail (the link read from the e-mail itself, as the
// e-mail carries it), roles, and the password reset from the sign-in page. Each test on its own
// customer; every invited address is new per run.

const run = Date.now().toString(36);

const users = asCustomer('Users');

users('users: the invited admin sets a password from the e-mail link, invites a viewer, and the viewer sees no write controls', async ({ page, browser, customer }) => {
  const adminEmail = `admin-${run}@e2e.example`;
  const viewerEmail = `viewer-${run}@e2e.example`;
  await invite(page, adminEmail, 'Ada Invited', /^Administrator/);

  const admin = await accept(browser, await mailedLink('user.invited', adminEmail), customer.company);
  await expect(admin.page.getByText('Signed in as Ada Invited')).toBeVisible();
  // The link works once.
  const used = await admin.context.newPage();
  await used.goto(await mailedLink('user.invited', adminEmail));
  await expect(used.getByTestId('invitation-unusable')).toContainText('already been accepted');

  await invite(admin.page, viewerEmail, 'Vic Viewer', /^Viewer/);
  const viewerLink = await mailedLink('user.invited', viewerEmail);
  const accepted = await accept(browser, viewerLink, customer.company);
  await accepted.context.close();
  await admin.context.close();

  // The viewer signs in from the sign-in page and sees no write controls.
  const context = await browser.newContext(SIGNED_OUT);
  const viewer = await context.newPage();
  await signIn(viewer, viewerEmail, STRONG);
  await expect(viewer).toHaveURL(/\/$/);
  await expect(viewer.getByTestId('read-only-notice')).toBeVisible();
  await openContract(viewer, customer.contract);
  await expect(viewer.getByRole('link', { name: 'Add an option' })).toHaveCount(0);
  await expect(viewer.locator('main form')).toHaveCount(0);
  await viewer.goto('/users');
  await expect(viewer.getByTestId('users-table').locator(`tr[data-email="${viewerEmail}"]`)).toContainText('Viewer (read only)');
  await expect(viewer.getByTestId('read-only-notice')).toHaveText('Only an administrator of your company can invite users or change them.');
  await expect(viewer.locator('main form')).toHaveCount(0);
  await context.close();
});

const reset = asCustomer('Reset');

reset('users: a password reset from the sign-in page, with the same answer for an unknown address', async ({ browser, customer, page: adminPage }) => {
  const context = await browser.newContext(SIGNED_OUT);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  await page.getByLabel('E-mail address').fill(`nobody-${run}@e2e.example`);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByTestId('done-notice')).toContainText('If that address belongs to a portal user');
  const answer = await page.getByTestId('done-notice').textContent();

  await page.goto('/reset-password');
  await page.getByLabel('E-mail address').fill(customer.email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByTestId('done-notice')).toHaveText(answer!);

  const link = await mailedLink('user.password_reset_requested', customer.email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set a new password');
  await page.getByLabel('New password', { exact: true }).fill(STRONG);
  await page.getByLabel('New password again').fill(`${STRONG}-typo`);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByTestId('refusal')).toHaveText('The two new passwords are not the same.');
  await page.getByLabel('New password', { exact: true }).fill(STRONG);
  await page.getByLabel('New password again').fill(STRONG);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByTestId('done-notice')).toHaveText('Your password has been changed. Sign in with the new one.');

  // Every earlier session ended; the old password no longer works, the new one does; the link is spent.
  await adminPage.goto('/');
  await expect(adminPage).toHaveURL(/\/login/);
  await signIn(page, customer.email);
  await expect(page.getByTestId('login-error')).toBeVisible();
  await signIn(page, customer.email, STRONG);
  await expect(page).toHaveURL(/\/$/);
  await page.goto(link);
  await expect(page.getByTestId('reset-unusable')).toContainText('already been used');
  await context.close();
});
