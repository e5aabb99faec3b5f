import fs from 'node:fs';
import { test as setup, expect } from '@playwright/test';
import { E2E_CUSTOMERS, e2eCustomer } from './customers';
import { signIn, STAFF_TOTP, storageStateOf, totpCode, USERS, type DemoUser } from './fixtures';

setup.beforeAll(() => fs.mkdirSync('e2e/.auth', { recursive: true }));

for (const user of Object.keys(USERS) as DemoUser[]) {
  setup(`sign in as ${user}`, async ({ page }) => {
    const secret = user === 'sam' || user === 'olivia' ? STAFF_TOTP[user] : undefined;
    await signIn(page, USERS[user], undefined, secret ? totpCode(secret) : undefined);
    await expect(page).toHaveURL(user === 'sam' || user === 'olivia' ? /\/staff$/ : /\/$/);
    await page.context().storageState({ path: storageStateOf(user) });
  });
}

for (const name of E2E_CUSTOMERS) {
  setup(`sign in as the ${name} customer`, async ({ page }) => {
    await signIn(page, e2eCustomer(name).email);
    await expect(page).toHaveURL(/\/$/);
    await page.context().storageState({ path: storageStateOf(`e2e-${name}`) });
  });
}
