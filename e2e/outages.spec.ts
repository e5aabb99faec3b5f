import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addDays, japanDate } from '../lib/rules';
import { formatDateTime, formatMonth } from '../lib/i18n/format';
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
    slaLink: 'Service level and fee reductions',
    availability: '1 outage in 12 months, 2 h 37 min in all',
    band: '1/30 of the basic monthly fee: ¥3,333',
    lateNotice: 'Notified 45 min after detection, 15 min late: 1/30 of the basic monthly fee, ¥3,333',
    lastDay: /^Last day to claim: .+ \(\d+ days left\)$/,
    comment: 'Comment for IIJ (optional)',
    claim: 'Claim the outage reduction (¥3,333)',
    claimLate: 'Claim the late-notification reduction (¥3,333)',
    claimed: 'Your claim has been received. IIJ will decide it; the decision appears here.',
    status: /^Claimed on .+: ¥3,333, awaiting IIJ’s decision$/,
    claims: 'Claims',
    approve: 'Approve',
    approved: 'The claim is approved. Its reduction goes to the statement of the month chosen.',
    approvedStatus: (month: string) => `Approved: ¥3,333 off the statement of ${month}`,
    statements: 'Statements',
    reduction: (contract: string) => `SLA fee reduction, contract ${contract}`,
    total: 'Total',
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
    slaLink: 'サービス品質と料金の減額',
    availability: '12か月で障害1件、合計2時間37分',
    band: '基本月額料金の1/30：¥3,333',
    lateNotice: '検知から45分後に通知（15分の遅れ）：基本月額料金の1/30、¥3,333',
    lastDay: /^請求期限：.+（残り\d+日）$/,
    comment: '当社へのコメント（任意）',
    claim: '障害による減額を請求する（¥3,333）',
    claimLate: '通知遅延による減額を請求する（¥3,333）',
    claimed: '請求を受け付けました。当社の判断はこの画面に表示されます。',
    status: /^.+ に請求済み：¥3,333（当社で確認中）$/,
    claims: '減額の請求',
    approve: '承認',
    approved: '請求を承認しました。減額は指定した月のご請求に反映されます。',
    approvedStatus: (month: string) => `承認：${month}分のご請求から ¥3,333 を減額`,
    statements: 'ご請求',
    reduction: (contract: string) => `SLA による料金減額（契約 ${contract}）`,
    total: '合計',
  },
} as const satisfies Record<string, { customer: E2eCustomer } & Record<string, unknown>>;

/** No serious or critical axe finding on the page as it stands (forms, claims and statuses shown). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

for (const lang of ['en', 'ja'] as const) {
  const w = WORDS[lang];
  test(`outages (${lang}): an operator records an outage in progress and ends it; the customer sees it ended with its length`, async ({ browser }) => {
    // A long chain across two people and five pages (45 s on a loaded CI machine): three times the usual time.
    test.slow();
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

      // The SLA page: what the outage earns, until when, and a claim that lands once.
      await page.getByTestId('sla-link').click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(contract);
      await expect(page.getByTestId('availability-summary')).toContainText(w.availability);
      const credit = page.getByTestId('sla-outage');
      await expect(credit).toHaveCount(1);
      await expect(credit.getByTestId('sla-band')).toHaveText(w.band);
      await expect(credit.getByTestId('sla-notification')).toHaveText(w.lateNotice);
      const outageClaim = credit.getByTestId('sla-claim-availability');
      await expect(outageClaim.getByTestId('sla-last-day')).toHaveText(w.lastDay);
      await outageClaim.getByLabel(w.comment).fill('Tokyo office lost the link.');
      await outageClaim.getByRole('button', { name: w.claim }).click();
      await expect(page.getByTestId('done-notice')).toHaveText(w.claimed);
      await expect(credit.getByTestId('sla-claim-availability').getByTestId('sla-claim-status')).toHaveText(w.status);
      await expect(credit.getByRole('button', { name: w.claim })).toHaveCount(0);
      // The missed notification is a claim of its own, still offered.
      await expect(credit.getByRole('button', { name: w.claimLate })).toBeVisible();
      await expectAccessible(page);

      // The operator sees the claim with the customer's comment and approves it into this month.
      await staff.getByRole('link', { name: w.claims, exact: true }).click();
      const queued = staff.locator(`[data-testid="claim-row"][data-contract="${contract}"]`);
      await expect(queued).toHaveCount(1);
      await expect(queued.getByTestId('claim-amount')).toHaveText('¥3,333');
      await expect(queued.getByTestId('claim-comment')).toHaveText('Tokyo office lost the link.');
      await expectAccessible(staff);
      await queued.getByRole('button', { name: w.approve }).click();
      await expect(staff.getByTestId('done-notice')).toHaveText(w.approved);
      await expect(queued).toHaveCount(0);
      await page.reload();
      await expect(credit.getByTestId('sla-claim-availability').getByTestId('sla-claim-status')).toHaveText(
        w.approvedStatus(formatMonth(lang, japanDate(new Date()).slice(0, 7))),
      );

      // This month's statement takes the reduction off, and its CSV holds the same total.
      await page.getByRole('link', { name: w.statements, exact: true }).click();
      const reduction = page.getByTestId('statement-reduction');
      await expect(reduction).toContainText(w.reduction(contract));
      await expect(reduction).toContainText('−¥3,333');
      await expectAccessible(page);
      const total = (await page.getByTestId('statement-total').textContent()) ?? '';
      expect(total).toMatch(/^¥[\d,]+$/);
      // As the browser asks for it: in the reader's language.
      const csv = await customer.request.get(`/statements/${japanDate(new Date()).slice(0, 7)}/csv`, { headers: { 'accept-language': w.locale } });
      expect(csv.headers()['content-type']).toContain('text/csv');
      const text = (await csv.body()).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = text.trimEnd().split('\r\n');
      expect(rows.some((r) => r.endsWith(',-3333'))).toBe(true);
      const last = rows.at(-1)!.split(',');
      expect([last[0], last.at(-1)]).toEqual([w.total, total.replace(/[¥,]/g, '')]);
      expect(last.slice(1, -1).every((cell) => cell === '')).toBe(true);
      // The PDF too: its Japanese font embedded, the same total in its keywords.
      const pdf = await customer.request.get(`/statements/${japanDate(new Date()).slice(0, 7)}/pdf`, { headers: { 'accept-language': w.locale } });
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const bytes = (await pdf.body()).toString('latin1');
      expect(bytes.startsWith('%PDF-')).toBe(true);
      expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansJP/);
      expect(bytes).toContain(`total-yen=${total.replace(/[¥,]/g, '')}`);
    } finally {
      await operator.close();
      await customer.close();
    }
  });
}
