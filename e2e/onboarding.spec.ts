import AxeBuilder from '@axe-core/playwright';
import { test as base } from '@playwright/test';
import { expect, signIn, storageStateOf } from './fixtures';
import { SIGNED_OUT, STRONG, accept, invite as inviteFromUsersPage } from './invitations';
import { mailedLink } from './outbox';

// Onboarding by an operator (olivia): a new customer with both names, its designated-service
// contract, a closed network on it and the invitation of its first administrator; then the
// customer in the list. Once per language; each run makes codes of its own, so runs never collide.
const WORDS = {
  en: {
    locale: 'en-US',
    nav: 'Customers',
    code: 'Customer code',
    name: 'Company name (Japanese)',
    nameEn: 'Company name (English)',
    phone: 'Telephone (optional)',
    create: 'Create customer',
    codeTaken: 'This customer code is already used by another customer.',
    created: /^The customer is created\./,
    contractNumber: 'Contract number',
    startedOn: 'Start date',
    addPbb: 'Record contract',
    pbbAdded: 'The designated-service contract is recorded.',
    networkCode: 'Network code',
    networkName: 'Network name',
    addNetwork: 'Add closed network',
    networkAdded: 'The closed network is added.',
    inviteName: "Administrator's name",
    inviteEmail: 'E-mail address',
    inviteLocale: 'Language of the e-mail',
    localeOption: 'English',
    invite: 'Send invitation',
    invited: 'The invitation is sent. The link is valid for 72 hours.',
    waiting: 'Waiting',
    admin: 'Administrator',
    search: 'Find a customer',
    searchButton: 'Search',
    active: 'Active',
  },
  ja: {
    locale: 'ja-JP',
    nav: '契約者',
    code: '顧客コード',
    name: '会社名（日本語）',
    nameEn: '会社名（英語）',
    phone: '電話番号（任意）',
    create: '契約者を作成',
    codeTaken: 'この顧客コードは別の契約者が使用しています。',
    created: /^契約者を作成しました。/,
    contractNumber: '契約番号',
    startedOn: '開始日',
    addPbb: '契約を登録',
    pbbAdded: '指定サービスの契約を登録しました。',
    networkCode: '閉域網コード',
    networkName: '閉域網の名称',
    addNetwork: '閉域網を追加',
    networkAdded: '閉域網を追加しました。',
    inviteName: '管理者の氏名',
    inviteEmail: 'メールアドレス',
    inviteLocale: 'メールの言語',
    localeOption: '日本語',
    invite: '招待を送信',
    invited: '招待を送りました。リンクの有効期限は72時間です。',
    waiting: '承諾待ち',
    admin: '管理者',
    search: '契約者を探す',
    searchButton: '検索',
    active: '有効',
  },
} as const;

for (const lang of ['en', 'ja'] as const) {
  const w = WORDS[lang];
  const test = base.extend({ storageState: storageStateOf('olivia'), locale: w.locale });

  test(`onboarding (${lang}): an operator creates a customer with a PBB contract, a closed network and its first administrator's invitation${lang === 'en' ? '; the administrator sets a password from the e-mail, invites a viewer, who sees no write controls' : ''}`, async ({ page, browser }) => {
    test.slow();
    const tag = `${lang.toUpperCase()}${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
    const code = `C-${tag}`;
    await page.goto('/staff');
    await page.locator('[data-area="staff"] nav').getByRole('link', { name: w.nav, exact: true }).click();
    await expect(page).toHaveURL(/\/staff\/operations\/customers$/);

    const form = page.getByTestId('create-customer-form');
    // A code already taken: the field says so, and nothing typed is lost.
    await form.getByLabel(w.code).fill('C-000101');
    await form.getByLabel(w.name).fill(`オンボード株式会社 ${tag}`);
    await form.getByLabel(w.nameEn).fill(`Onboard KK ${tag}`);
    await form.getByLabel(w.phone).fill('03-5205-6500');
    await form.getByRole('button', { name: w.create }).click();
    await expect(form.getByTestId('error-code')).toHaveText(w.codeTaken);
    await expect(form.getByLabel(w.name)).toHaveValue(`オンボード株式会社 ${tag}`);
    await expect(form.getByLabel(w.phone)).toHaveValue('03-5205-6500');

    await form.getByLabel(w.code).fill(code);
    await form.getByRole('button', { name: w.create }).click();
    await expect(page.getByTestId('done-notice')).toHaveText(w.created);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(code);

    const pbb = page.getByTestId('add-pbb-form');
    await pbb.getByLabel(w.contractNumber).fill(`PBB-${tag}`);
    await pbb.getByLabel(w.startedOn).fill('2026-12-01');
    await pbb.getByRole('button', { name: w.addPbb }).click();
    await expect(page.getByTestId('done-notice')).toHaveText(w.pbbAdded);
    await expect(page.getByTestId('pbb-table')).toContainText(`PBB-${tag}`);

    const network = page.getByTestId('add-network-form');
    await network.getByLabel(w.networkCode).fill(`cn-${tag.toLowerCase()}`);
    await network.getByLabel(w.networkName).fill('Head office');
    await network.getByRole('button', { name: w.addNetwork }).click();
    await expect(page.getByTestId('done-notice')).toHaveText(w.networkAdded);
    await expect(page.getByTestId('networks-table')).toContainText(`CN-${tag}`);

    const invite = page.getByTestId('invite-admin-form');
    const email = `first-admin-${tag.toLowerCase()}@onboard.example`;
    await invite.getByLabel(w.inviteName).fill('Hanako Onboard');
    await invite.getByLabel(w.inviteEmail).fill(email);
    await invite.getByLabel(w.inviteLocale).selectOption({ label: w.localeOption });
    await invite.getByRole('button', { name: w.invite }).click();
    await expect(page.getByTestId('done-notice')).toHaveText(w.invited);
    const row = page.locator(`[data-testid="invitation-row"][data-email="${email}"]`);
    await expect(row).toContainText(w.waiting);
    await expect(row).toContainText(w.admin);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.goto('/staff/operations/customers');
    await page.getByLabel(w.search).fill(code.toLowerCase());
    await page.getByRole('button', { name: w.searchButton }).click();
    const listed = page.getByTestId('customer-row');
    await expect(listed).toHaveCount(1);
    await expect(listed).toHaveAttribute('data-code', code);
    await expect(listed).toContainText(`Onboard KK ${tag}`);
    await expect(listed).toContainText(w.active);
    if (lang !== 'en') return;

    // The first administrator opens the link in the e-mail (in English, as invited), sets a password
    // and is signed in to the new company's portal; they invite a viewer the same way.
    const admin = await accept(browser, await mailedLink('user.invited', email), `Onboard KK ${tag}`);
    await expect(admin.page.getByText('Signed in as Hanako Onboard')).toBeVisible();
    const viewerEmail = `viewer-${tag.toLowerCase()}@onboard.example`;
    await inviteFromUsersPage(admin.page, viewerEmail, 'Taro Viewer', /^Viewer/);
    const joined = await accept(browser, await mailedLink('user.invited', viewerEmail), `Onboard KK ${tag}`);
    await joined.context.close();
    await admin.context.close();

    // The viewer signs in from the sign-in page: everything is read only.
    const context = await browser.newContext(SIGNED_OUT);
    const viewer = await context.newPage();
    await signIn(viewer, viewerEmail, STRONG);
    await expect(viewer).toHaveURL(/\/$/);
    await expect(viewer.getByTestId('read-only-notice')).toBeVisible();
    await expect(viewer.locator('main form')).toHaveCount(0);
    await viewer.goto('/users');
    await expect(viewer.getByTestId('users-table').locator(`tr[data-email="${viewerEmail}"]`)).toContainText('Viewer (read only)');
    await expect(viewer.locator('main form')).toHaveCount(0);
    await context.close();
  });
}

base('staff enrolment: a link that is not valid says so, without signing in', async ({ page }) => {
  await page.goto('/staff/enrol/not-a-real-token-but-long-enough-0123456789');
  await expect(page.getByTestId('enrol-link-invalid')).toHaveText('This link is not valid. Ask an operator for a new one. Nothing was changed.');
});
