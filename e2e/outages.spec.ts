import { addDays, japanDate } from '../lib/rules';
import { formatDateTime } from '../lib/i18n/format';
import { japanDateTime } from '../lib/backoffice/schemas';
import { e2eCustomer, type E2eCustomer } from './customers';
import { expect, openContract, storageStateOf, test } from './fixtures';

// The outage lifecycle across both sides: the operator (olivia) records an outage still in
// progress on a test customer's own contract, the customer sees it in progress, the operator
// ends it, and the customer sees it ended with its length and the notification's lateness.
// Once per language, each on its own customer, so the two run in parallel.
const WORDS = {
  en: {
    customer: 'OutageEn',
    locale: 'en-US',
    contractNumber: 'Smart HUB contract number',
    startedAt: 'Started at',
    detectedAt: 'Detected at',
    notifiedAt: 'Customer notified at',
    record: 'Record outage',
    recorded: 'The outage is recorded.',
    inProgress: 'In progress',
    lateness: '45 min after detection, 15 min late',
    endSummary: 'End this outage',
    endedAt: 'Ended at',
    end: 'Record the end',
    ended: 'The end of the outage is recorded.',
    length: '2 h 37 min',
    soFar: /h \d+ min so far/,
    notified: 'Notified 45 min after detection, 15 min late',
  },
  ja: {
    customer: 'OutageJa',
    locale: 'ja-JP',
    contractNumber: 'Smart HUB 契約番号',
    startedAt: '開始日時',
    detectedAt: '検知日時',
    notifiedAt: '障害通知日時',
    record: '障害を登録',
    recorded: '障害を登録しました。',
    inProgress: '継続中',
    lateness: '検知から45分後（15分超過）',
    endSummary: 'この障害の終了を登録',
    endedAt: '終了日時',
    end: '終了を登録',
    ended: '障害の終了を登録しました。',
    length: '2時間37分',
    soFar: /時間\d+分（継続中）/,
    notified: '検知から45分後に通知（15分遅延）',
  },
} as const satisfies Record<string, { customer: E2eCustomer } & Record<string, unknown>>;

for (const lang of ['en', 'ja'] as const) {
  const w = WORDS[lang];
  test(`outages (${lang}): an operator records an outage in progress and ends it; the customer sees it ended with its length`, async ({ browser }) => {
    const { contract } = e2eCustomer(w.customer);
    const operator = await browser.newContext({ locale: w.locale, storageState: storageStateOf('olivia') });
    const customer = await browser.newContext({ locale: w.locale, storageState: storageStateOf(`e2e-${w.customer}`) });
    try {
      const staff = await operator.newPage();
      const day = addDays(japanDate(new Date()), -1);
      await staff.goto('/staff/operations/outages');
      const form = staff.getByTestId('record-outage-form');
      await form.getByLabel(w.contractNumber).fill(contract);
      await form.getByLabel(w.startedAt).fill(`${day}T10:00`);
      await form.getByLabel(w.detectedAt).fill(`${day}T10:05`);
      await form.getByLabel(w.notifiedAt).fill(`${day}T10:50`);
      await form.getByRole('button', { name: w.record }).click();
      await expect(staff.getByTestId('done-notice')).toHaveText(w.recorded);
      const row = staff.locator(`[data-testid="outage-row"][data-contract="${contract}"]`);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(w.inProgress);
      await expect(row.getByTestId('outage-lateness')).toHaveText(w.lateness);

      const page = await customer.newPage();
      await openContract(page, contract);
      const seen = page.getByTestId('outages').getByTestId('outage-row');
      await expect(seen).toHaveCount(1);
      await expect(seen).toContainText(w.inProgress);
      await expect(seen.getByTestId('outage-duration')).toHaveText(w.soFar);
      await expect(seen.getByTestId('outage-notification')).toHaveText(w.notified);

      const end = row.getByTestId('end-outage');
      await end.getByText(w.endSummary).click();
      await end.getByLabel(w.endedAt).fill(`${day}T12:37`);
      await end.getByRole('button', { name: w.end }).click();
      await expect(staff.getByTestId('done-notice')).toHaveText(w.ended);
      await expect(row.getByTestId('outage-duration')).toHaveText(w.length);
      await expect(row.getByTestId('end-outage')).toHaveCount(0);

      await page.reload();
      await expect(seen).toHaveCount(1);
      await expect(seen).not.toContainText(w.inProgress);
      await expect(seen).toContainText(formatDateTime(lang, japanDateTime(`${day}T12:37`)!));
      await expect(seen.getByTestId('outage-duration')).toHaveText(w.length);
      await expect(seen.getByTestId('outage-notification')).toHaveText(w.notified);
    } finally {
      await operator.close();
      await customer.close();
    }
  });
}
