import { test as base, expect, type Page } from '@playwright/test';

export const PASSWORD = 'smarthub-demo';
export const USERS = {
  alice: 'alice@acme.example',
  victor: 'victor@acme.example',
  grace: 'grace@globex.example',
  sam: 'sam@support.example',
  olivia: 'olivia@ops.example',
} as const;
export type DemoUser = keyof typeof USERS;

export const storageStateOf = (user: DemoUser) => `e2e/.auth/${user}.json`;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel(/E-mail address|メールアドレス/).fill(email);
  await page.getByLabel(/^Password$|^パスワード$/).fill(password);
  await page.getByRole('button', { name: /^Sign in$|^ログイン$/ }).click();
}

/** A test signed in as one demo user (from the setup project's saved session). */
export function asUser(user: DemoUser) {
  return base.extend({ storageState: storageStateOf(user) });
}

export { base as test, expect };
