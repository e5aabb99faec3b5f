import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatDate, formatMonth } from '../lib/i18n/format';
import { japanDate, monthsEndingAt } from '../lib/rules';
import { expect, storageStateOf, test } from './fixtures';

/** No serious or critical axe finding on the page as it stands. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

// Issuing a month's statements: the operator (olivia) issues the previous month from the back
// office, then a customer (alice) sees that month as issued, in English and in Japanese. One test:
// the two languages read the one month a single issue freezes.
test('issued statements: an operator issues last month; the customer sees it as issued (en, ja)', async ({ browser }) => {
  test.slow();
  const today = japanDate(new Date());
  const month = monthsEndingAt(today.slice(0, 7), 2)[0]!;
  const operator = await browser.newContext({ locale: 'en-US', storageState: storageStateOf('olivia') });
  try {
    const staff = await operator.newPage();
    await staff.goto('/staff');
    await staff.getByRole('link', { name: 'Issue statements' }).click();
    await expect(staff.getByTestId('issue-summary')).toHaveAttribute('data-month', month);
    await expect(staff.getByRole('heading', { level: 2 })).toHaveText(`Statements for ${formatMonth('en', month)}`);
    await expectAccessible(staff);
    await staff.getByRole('button', { name: `Issue the statements of ${formatMonth('en', month)}` }).click();
    await expect(staff.getByTestId('done-notice')).toHaveText('The statements are issued. Customers now see them as issued.');
    await expect(staff.getByTestId('issue-nothing')).toHaveText(`Every statement of ${formatMonth('en', month)} is issued.`);
    await expect(staff.getByRole('button', { name: /Issue the statements/ })).toHaveCount(0);
  } finally {
    await operator.close();
  }

  for (const [locale, lang, issuedOn] of [
    ['en-US', 'en', (d: string) => `Issued on ${d}. This is the statement you were billed for the month; it does not change.`],
    ['ja-JP', 'ja', (d: string) => `${d}に発行しました。この月にご請求した内容で、今後変わることはありません。`],
  ] as const) {
    const customer = await browser.newContext({ locale, storageState: storageStateOf('alice') });
    try {
      const page = await customer.newPage();
      await page.goto(`/statements?month=${month}`);
      await expect(page.getByTestId('statement-issued')).toHaveText(issuedOn(formatDate(lang, today)));
      await expect(page.getByTestId('statement-not-issued')).toHaveCount(0);
      await expect(page.getByTestId('statement-differs')).toHaveCount(0);
      await expect(page.getByTestId('statement-total')).not.toBeEmpty();
      await expectAccessible(page);
    } finally {
      await customer.close();
    }
  }
});
