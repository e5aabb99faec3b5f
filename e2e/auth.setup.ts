import fs from 'node:fs';
import { test as setup, expect } from '@playwright/test';
import { signIn, storageStateOf, USERS, type DemoUser } from './fixtures';

setup.beforeAll(() => fs.mkdirSync('e2e/.auth', { recursive: true }));

for (const user of Object.keys(USERS) as DemoUser[]) {
  setup(`sign in as ${user}`, async ({ page }) => {
    await signIn(page, USERS[user]);
    await expect(page).toHaveURL(user === 'sam' || user === 'olivia' ? /\/staff$/ : /\/$/);
    await page.context().storageState({ path: storageStateOf(user) });
  });
}
