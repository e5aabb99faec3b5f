import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { generateSync } from 'otplib';
import { E2E_SUPPORT_STAFF, e2eCustomer, type E2eCustomer, type E2eStaff } from './customers';

export const PASSWORD = 'smarthub-demo';
export const USERS = {
  alice: 'alice@acme.example',
  victor: 'victor@acme.example',
  grace: 'grace@globex.example',
  sam: 'sam@support.example',
  olivia: 'olivia@ops.example',
} as const;
export type DemoUser = keyof typeof USERS;

export const storageStateOf = (user: string) => `e2e/.auth/${user}.json`;

/** The demo staff's fixed authenticator secrets (README), so tests can compute their codes. */
export const STAFF_TOTP = { sam: 'WBCXSIVDT25ISIYI6K7OGMKTP2SIRB7K', olivia: 'ASSYNMUSAFMW3E2IF7AJF7WHCJHN3KVF' } as const;

export function totpCode(secret: string, at = new Date()): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

export async function signIn(page: Page, email: string, password = PASSWORD, totp?: string) {
  await page.goto('/login');
  await page.getByLabel(/E-mail address|メールアドレス/).fill(email);
  await page.getByLabel(/^Password$|^パスワード$/).fill(password);
  if (totp) await page.getByLabel(/Authenticator code|認証コード/).fill(totp);
  await page.getByRole('button', { name: /^Sign in$|^ログイン$/ }).click();
}

/** A test signed in as one demo user (from the setup project's saved session). */
export function asUser(user: DemoUser) {
  return base.extend({ storageState: storageStateOf(user) });
}

/** A test signed in as one of the tests' own support staff (see e2e/customers.ts). */
export function asSupportStaff(staff: E2eStaff) {
  return base.extend<{ staff: (typeof E2E_SUPPORT_STAFF)[E2eStaff] }>({
    storageState: storageStateOf(`e2e-staff-${staff}`),
    staff: async ({}, provide) => provide(E2E_SUPPORT_STAFF[staff]),
  });
}

/** A test signed in as the admin of its own customer (see e2e/customers.ts). */
export function asCustomer(name: E2eCustomer) {
  return base.extend<{ customer: ReturnType<typeof e2eCustomer> }>({
    storageState: storageStateOf(`e2e-${name}`),
    customer: async ({}, provide) => provide(e2eCustomer(name)),
  });
}

/** Opens the customer's Smart HUB contract page from the dashboard. */
export async function openContract(page: Page, contractNumber: string) {
  await page.goto('/');
  await page.getByRole('link', { name: new RegExp(`(Open contract|契約) ${contractNumber}`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(contractNumber);
}

/** Opens the add-option form of one kind on the customer's contract. */
export async function openAddOption(page: Page, contractNumber: string, kind: string) {
  await openContract(page, contractNumber);
  await page.getByRole('link', { name: 'Add an option' }).click();
  await page.getByRole('link', { name: kind }).click();
  await expect(page.getByRole('link', { name: kind })).toHaveAttribute('aria-current', 'page');
}

/** Runs `run` in a browser context of its own, signed in as a demo user: another party beside the test's own (an operator, a customer). */
export async function asOtherUser<T>(browser: Browser, user: DemoUser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: storageStateOf(user) });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

export function optionRow(page: Page, code: string) {
  return page.locator(`tr[data-code="${code}"]`);
}

export { base as test, expect };
