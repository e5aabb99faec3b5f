import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, test, USERS, asUser } from './fixtures';

test.describe('sign-in', () => {
  test('a signed-out visitor is sent to the sign-in page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('a wrong password and an unknown e-mail get the same message, and the e-mail is kept', async ({ page }) => {
    await signIn(page, USERS.victor, 'wrong-password');
    const message = page.getByTestId('login-error');
    await expect(message).toHaveText('The e-mail address, password or authenticator code is incorrect.');
    await expect(page.getByLabel('E-mail address')).toHaveValue(USERS.victor);
    await signIn(page, 'nobody@acme.example', 'wrong-password');
    await expect(message).toHaveText('The e-mail address, password or authenticator code is incorrect.');
  });

  test('empty fields get a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('Enter your e-mail address and password.');
  });

  test('repeated failures are throttled with a clear message', async ({ page }) => {
    const email = `throttle-${Date.now()}@nowhere.example`;
    for (let i = 0; i < 10; i++) {
      await signIn(page, email, `guess-${i}`);
      await expect(page.getByTestId('login-error')).toHaveText('The e-mail address, password or authenticator code is incorrect.');
    }
    await signIn(page, email, 'guess-final');
    await expect(page.getByTestId('login-error')).toContainText('Too many sign-in attempts');
  });

  test('alice signs in, lands on her contracts, and signs out', async ({ page }) => {
    await signIn(page, USERS.alice);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Closed networks and Smart HUB contracts' })).toBeVisible();
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await expect(page.getByText('You have been signed out.')).toBeVisible();
    // No request still in flight brings the session back: the cookie stays gone, before and after
    // three more page loads (time enough for any late answer of the signed-in page to arrive).
    const sessionCookies = async () => (await page.context().cookies()).filter((c) => c.name.includes('session-token'));
    expect(await sessionCookies()).toEqual([]);
    for (const path of ['/', '/prices', '/activity']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
    }
    expect(await sessionCookies()).toEqual([]);
  });

  test('a copy of the session cookie is refused after sign-out: it gets the sign-in page', async ({ page, browser }) => {
    await signIn(page, USERS.victor);
    await expect(page).toHaveURL(/\/$/);
    const copied = (await page.context().cookies()).filter((c) => c.name.includes('session-token'));
    expect(copied).not.toEqual([]);
    await page.goto('/logout');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);

    // Someone who kept the cookie replays it in another browser.
    const replay = await browser.newContext();
    try {
      await replay.addCookies(copied);
      const other = await replay.newPage();
      await other.goto('/');
      await expect(other).toHaveURL(/\/login/);
      await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();
      await expect(other.getByRole('heading', { name: 'Closed networks and Smart HUB contracts' })).toHaveCount(0);
    } finally {
      await replay.close();
    }
  });

  test('the sign-in page has no serious accessibility violations', async ({ page }) => {
    await page.goto('/login');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});

asUser('alice')('a customer reaching a staff page gets "not found"', async ({ page }) => {
  const response = await page.goto('/staff');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

asUser('olivia')('an operator lands on the staff home', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByTestId('staff-role')).toHaveText('You are signed in as Operator.');
});

asUser('olivia')('an operator opening a support page gets "not allowed" (403), not an error', async ({ page }) => {
  const response = await page.goto('/staff/support');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByText('Your role does not allow this.')).toBeVisible();
});

asUser('sam')('a support staff member lands on the staff home', async ({ page }) => {
  await page.goto('/staff');
  await expect(page.getByTestId('staff-role')).toHaveText('You are signed in as Support.');
});

test('staff: a password without the right authenticator code gets the same generic message', async ({ page }) => {
  await signIn(page, USERS.olivia, undefined, '000000');
  await expect(page.getByTestId('login-error')).toHaveText('The e-mail address, password or authenticator code is incorrect.');
  await signIn(page, USERS.olivia);
  await expect(page.getByTestId('login-error')).toHaveText('The e-mail address, password or authenticator code is incorrect.');
});
