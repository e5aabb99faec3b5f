import { cancellationEffectiveDate, japanDate } from '../lib/rules';
import { formatDate } from '../lib/i18n/format';
import { asCustomer, expect, test } from './fixtures';

// Each test has its own customer, so the tests run in parallel and in any order.
test.use({ locale: 'ja-JP' });

asCustomer('Nihongo')('日本語: 契約を開き、NAPTを解約し、受付控えを確認する', async ({ page, customer }) => {
  const now = new Date();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('閉域網と Smart HUB 契約');
  await page.getByRole('link', { name: `契約 ${customer.contract} を開く` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Smart HUB 契約 ${customer.contract}`);
  await expect(page.getByRole('columnheader', { name: '最低利用期間の最終日' })).toBeVisible();

  const napt = page.locator(`tr[data-code="${customer.napt}"]`);
  await expect(napt).toContainText('NAPTセッション追加オプション');
  await expect(napt).toContainText('提供中');
  await expect(napt).toContainText('¥8,000');
  await napt.getByRole('link', { name: /^解約/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`NAPTセッション追加オプション ${customer.napt} の解約`);
  await page.getByRole('button', { name: '確認へ進む' }).click();

  const review = page.getByTestId('review-step');
  await expect(review).toContainText('お申込みの前にご確認ください');
  await expect(review.getByTestId('notice-date')).toHaveText(formatDate('ja', japanDate(now)));
  await expect(review.getByTestId('effective-date')).toHaveText(formatDate('ja', cancellationEffectiveDate(now)));
  expect(formatDate('ja', '2026-03-20')).toBe('2026年3月20日');
  await expect(review).toContainText('最低利用期間内解除調定金');
  await page.getByRole('button', { name: '解約を申し込む' }).click();

  await expect(page.getByRole('heading', { name: '解約申込受付控え' })).toBeVisible();
  await expect(page.getByTestId('receipt-status')).toHaveText('受付済（効力発生日に解約）');
  await page.getByRole('link', { name: '契約に戻る' }).click();
  await expect(napt).toContainText(`${formatDate('ja', cancellationEffectiveDate(now))} に解約`);
});

asCustomer('NihongoRefused')('日本語: 解約できない場合は理由と条項を表示する', async ({ page, customer }) => {
  await page.goto('/');
  await page.getByRole('link', { name: `契約 ${customer.contract} を開く` }).click();
  await page.locator(`tr[data-code="${customer.onprem}"]`).getByRole('link', { name: /^変更/ }).click();
  await expect(page.getByTestId('change-not-offered')).toContainText('R-M2-UPGRADE-ONLY（第4条第4項）');
});
