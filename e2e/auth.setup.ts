import fs from 'node:fs';
import { test as setup, expect } from '@playwright/test';
import { E2E_CUSTOMERS, E2E_SUPPORT_STAFF, e2eCustomer, type E2eStaff } from './customers';
import { signIn, STAFF_TOTP, storageStateOf, totpCode, USERS, type DemoUser } from './fixtures';

// One sign-in per test (each a page or two), so that no setup test comes near its timeout.
setup.beforeAll(() => fs.mkdirSync('e2e/.auth', { recursive: true }));

for (const user of Object.keys(USERS) as DemoUser[]) {
  setup(`sign in as ${user}`, async ({ page }) => {
    const secret = user === 'sam' || user === 'olivia' ? STAFF_TOTP[user] : undefined;
    await signIn(page, USERS[user], undefined, secret ? totpCode(secret) : undefined);
    await expect(page).toHaveURL(user === 'sam' || user === 'olivia' ? /\/staff$/ : /\/$/);
    await page.context().storageState({ path: storageStateOf(user) });
  });
}

for (const staff of Object.keys(E2E_SUPPORT_STAFF) as E2eStaff[]) {
  setup(`sign in as the support member ${staff}`, async ({ page }) => {
    const { email, totpSecret } = E2E_SUPPORT_STAFF[staff];
    await signIn(page, email, undefined, totpCode(totpSecret));
    await expect(page).toHaveURL(/\/staff$/);
    await page.context().storageState({ path: storageStateOf(`e2e-staff-${staff}`) });
  });
}

for (const name of E2E_CUSTOMERS) {
  setup(`sign in as the ${name} customer`, async ({ page }) => {
    await signIn(page, e2eCustomer(name).email);
    await expect(page).toHaveURL(/\/$/);
    await page.context().storageState({ path: storageStateOf(`e2e-${name}`) });
  });
}
