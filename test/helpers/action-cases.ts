// The inventory of server actions and route handlers (test/inventory.test.ts) and the fuzzing
// through them (test/fuzz-actions.test.ts) share this: who may run each action, a form that works
// for them, and what must exist first. The test files mock next/*, the session and getDb
// (test/helpers/action-harness.ts), so everything here runs the real actions.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { closedNetworks, customerContacts, customerInvitations, customers, customerUsers, options, outages, smarthubContracts, staffUsers } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/config';
import { startSession } from '@/lib/auth/sessions';
import { japanDateTimeInput } from '@/lib/backoffice/schemas';
import { DEMO_PASSWORD, seedDemoData } from '@/lib/demo/seed';
import type { FormState } from '@/lib/form-state';
import { demoDatabase, formOf, harness, outcomeOf, type Outcome } from './action-harness';

export type Fields = Record<string, string | string[]>;
export type ActionFn = (...args: unknown[]) => Promise<unknown>;
export type Who = 'anonymous' | 'alice' | 'victor' | 'bill' | 'grace' | 'sam' | 'samViewing' | 'olivia';

/** The demo's ids a form refers to (Acme's, unless named otherwise). */
export interface Ids {
  acme: string;
  globex: string;
  contract: string;
  hqNetwork: string;
  plNetwork: string;
  onprem: string;
  m2: string;
  napt: string;
  users: Record<'alice' | 'victor' | 'bill' | 'grace' | 'sam' | 'olivia', string>;
  contact: string;
  pbb: string;
}

/**
 * Which side an action belongs to, so which refusals apply:
 *  customerWrite — admins (and support inside a grant); viewers, billing and view-only support refused
 *  customerClaim — admins and billing; viewers and view-only support refused
 *  customerAdmin — the services refuse all but admins (contacts, support access, users)
 *  customerOwn   — any customer user, on their own things
 *  operator / support — staff of that role; customers and the other role refused
 *  public        — no one is refused (sign-in, invitations, password reset, language)
 */
export type Side = 'customerWrite' | 'customerClaim' | 'customerAdmin' | 'customerOwn' | 'operator' | 'support' | 'public' | 'signedIn';

export interface Case {
  side: Side;
  /** Whether the form carries Acme's ids (so a user of another company must get "not found"). */
  tenant?: boolean;
  /** Review then confirm (the customer flows): the review's key is sent with the confirm. */
  flow?: boolean;
  /** Who may, and the positive control runs as (default by side). */
  owner?: Who;
  /** Done before the checks, on the case's own copy of the database (as the owners would). */
  setup?: (db: Db, ids: Ids) => Promise<Record<string, string>>;
  /** A form that works for the owner. */
  form: (ids: Ids, made: Record<string, string>) => Fields;
  /** Why the positive control is left out (it needs something only a browser or an e-mail has). */
  noPositive?: string;
}

// ── the database and who is signed in ────────────────────────────────────────

export let base: Awaited<ReturnType<typeof demoDatabase>>;
export let ids: Ids;
const userIds: Partial<Record<Who, { kind: 'customer' | 'staff'; id: string; role: string; customerId: string | null }>> = {};

export async function signIn(db: Db, who: Who): Promise<SessionClaims | null> {
  if (who === 'anonymous') return null;
  const name = who === 'samViewing' ? 'sam' : who;
  const user = userIds[name as Who]!;
  const session = await startSession(db, { kind: user.kind, id: user.id } as never);
  return { sessionId: session.id, user: { id: user.id, kind: user.kind, role: user.role as never, customerId: user.customerId } };
}

/** Signs `who` in on `db` (a session row of their own), then returns a runner for their calls. */
export async function as(db: Db, who: Who) {
  const session = await signIn(db, who);
  return (action: ActionFn, fields: Fields, oneButton: boolean): Promise<Outcome & { state?: FormState }> => {
    harness.db = db;
    harness.session = session;
    const data = formOf(fields);
    return outcomeOf(() => (oneButton ? action(data) : action({ step: 'edit', fields: {} }, data)));
  };
}

/** Runs an action as `who` on `db`. */
export async function run(db: Db, who: Who, action: ActionFn, fields: Fields, oneButton: boolean): Promise<Outcome & { state?: FormState }> {
  return (await as(db, who))(action, fields, oneButton);
}

/** A customer flow as its owner: review, then confirm with the key the review issued. */
export async function confirmFlow(db: Db, who: Who, action: ActionFn, fields: Fields) {
  const review = await run(db, who, action, fields, false);
  if (review.kind !== 'ok' || !review.state?.idempotencyKey) throw new Error(`review refused: ${JSON.stringify(review)}`);
  // As the review page's confirm form sends it: the fields, the key, and the digest of the amounts it showed.
  const confirm: Fields = { ...review.state.fields, ...fields, intent: 'confirm', idempotencyKey: review.state.idempotencyKey, amountsShown: review.state.amountsShown ?? '' };
  return { review, confirm };
}

const modules: Record<string, Record<string, unknown>> = {};
export async function actionNamed(key: string): Promise<{ fn: ActionFn; oneButton: boolean }> {
  const [file, name] = key.split('#') as [string, string];
  modules[file] ??= (await import(/* @vite-ignore */ `../../${file}`)) as Record<string, unknown>;
  const fn = modules[file]![name] as ActionFn;
  // Plain one-button forms take only the FormData; useActionState forms take (previous, FormData).
  return { fn, oneButton: fn.length === 1 };
}

// ── setups: what some actions need first, made as its owners would ──────────

const ONPREM_ORDER = { kind: 'onprem_port', line: 'optical', speed: '1G', dataCentre: 'Tokyo DC1', rack: 'R01-U01' };

async function pendingApplication(db: Db, ids: Ids) {
  const { fn } = await actionNamed('lib/contracts/actions.ts#addOptionAction');
  const { confirm } = await confirmFlow(db, 'alice', fn, { contractId: ids.contract, ...ONPREM_ORDER });
  const done = await run(db, 'alice', fn, confirm, false);
  if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
  const { applications } = await import('@/db/schema');
  const [row] = await db.select().from(applications).where(eq(applications.customerId, ids.acme));
  return { application: row!.id };
}

async function pendingChange(db: Db, ids: Ids) {
  const { fn } = await actionNamed('lib/contracts/actions.ts#requestChangeAction');
  const { confirm } = await confirmFlow(db, 'alice', fn, { optionId: ids.m2, to: '1G' });
  const done = await run(db, 'alice', fn, confirm, false);
  if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
  const { changeRequests } = await import('@/db/schema');
  const [row] = await db.select().from(changeRequests).where(eq(changeRequests.customerId, ids.acme));
  return { change: row!.id };
}

async function pendingCancellation(db: Db, ids: Ids) {
  const { fn } = await actionNamed('lib/contracts/actions.ts#cancelOptionAction');
  const { confirm } = await confirmFlow(db, 'alice', fn, { optionId: ids.onprem });
  const done = await run(db, 'alice', fn, confirm, false);
  if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
  const { cancellationNotices } = await import('@/db/schema');
  const [row] = await db.select().from(cancellationNotices).where(eq(cancellationNotices.customerId, ids.acme));
  return { notice: row!.id };
}

const hoursAgo = (h: number) => japanDateTimeInput(new Date(Date.now() - h * 3_600_000));

async function recordedOutage(db: Db, ended: boolean) {
  const { fn } = await actionNamed('lib/backoffice/actions.ts#recordOutageAction');
  const done = await run(
    db,
    'olivia',
    fn,
    { contractNumber: 'SH-000101', startedAt: hoursAgo(30), detectedAt: hoursAgo(30), endedAt: ended ? hoursAgo(26) : '', notifiedAt: hoursAgo(29), exclusionReason: '' },
    false,
  );
  if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
  const [row] = await db.select().from(outages);
  return { outage: row!.id };
}

async function claimedCredit(db: Db) {
  const { outage } = await recordedOutage(db, true);
  const { fn } = await actionNamed('lib/sla/actions.ts#claimCreditAction');
  const done = await run(db, 'alice', fn, { outageId: outage, kind: 'availability', comment: '' }, true);
  if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
  const { creditClaims } = await import('@/db/schema');
  const [row] = await db.select().from(creditClaims);
  return { outage, claim: row!.id };
}

async function openInvitation(db: Db, ids: Ids) {
  const { fn } = await actionNamed('lib/users/actions.ts#inviteUserAction');
  const done = await run(db, 'alice', fn, { email: 'new@acme.example', name: 'New User', role: 'viewer', locale: 'en' }, false);
  if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
  const [row] = await db.select().from(customerInvitations).where(eq(customerInvitations.customerId, ids.acme));
  return { invitation: row!.id };
}

async function liveApiKey(db: Db, ids: Ids) {
  const { fn } = await actionNamed('lib/api-keys/actions.ts#createApiKeyAction');
  const done = await run(db, 'alice', fn, { name: 'Inventory key', scope: 'read_write', expiryDays: '90' }, false);
  if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
  const { apiKeys } = await import('@/db/schema');
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.customerId, ids.acme));
  return { apiKey: row!.id };
}

export async function supportViewing(db: Db, ids: Ids) {
  const { fn } = await actionNamed('lib/support/actions.ts#startImpersonationAction');
  const done = await run(db, 'sam', fn, { customerId: ids.acme, reason: 'Customer asked about a port', ticket: 'T-1' }, false);
  if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
  const { impersonationSessions } = await import('@/db/schema');
  const [row] = await db.select().from(impersonationSessions);
  return { supportSession: row!.id };
}

// ── the cases: one per action ───────────────────────────────────────────

const contactFields = { name: 'Night desk', email: 'night@acme.example', phone: '03-5555-0199', hours: '24 hours', locale: 'en' };

export const CASES: Record<string, Case> = {
  // the customer's contract changes
  'lib/contracts/actions.ts#applyForContractAction': { side: 'customerWrite', tenant: true, flow: true, form: (i) => ({ closedNetworkId: i.plNetwork, ...ONPREM_ORDER }) },
  'lib/contracts/actions.ts#addOptionAction': { side: 'customerWrite', tenant: true, flow: true, form: (i) => ({ contractId: i.contract, ...ONPREM_ORDER }) },
  'lib/contracts/actions.ts#requestChangeAction': { side: 'customerWrite', tenant: true, flow: true, form: (i) => ({ optionId: i.m2, to: '1G' }) },
  'lib/contracts/actions.ts#cancelOptionAction': { side: 'customerWrite', tenant: true, flow: true, form: (i) => ({ optionId: i.onprem }) },
  'lib/contracts/actions.ts#cancelContractAction': { side: 'customerWrite', tenant: true, flow: true, form: (i) => ({ contractId: i.contract }) },
  'lib/contracts/actions.ts#updateCloudInfoAction': {
    side: 'customerWrite',
    tenant: true,
    form: (i) => ({ optionId: i.m2, cloudAccountId: '111122223333', cloudConnectionKey: 'peering-key-new' }),
  },
  'lib/contracts/actions.ts#withdrawApplicationAction': {
    side: 'customerWrite',
    tenant: true,
    setup: pendingApplication,
    form: (i, m) => ({ kind: 'application', id: m.application!, returnTo: `/contracts/${i.contract}` }),
  },
  'lib/contracts/actions.ts#withdrawCancellationAction': {
    side: 'customerWrite',
    tenant: true,
    setup: pendingCancellation,
    form: (i, m) => ({ noticeId: m.notice!, returnTo: `/contracts/${i.contract}` }),
  },
  // SLA credits
  'lib/sla/actions.ts#claimCreditAction': {
    side: 'customerClaim',
    tenant: true,
    owner: 'bill',
    setup: (db) => recordedOutage(db, true),
    form: (i, m) => ({ outageId: m.outage!, kind: 'availability', comment: 'Lost the HQ link', returnTo: `/contracts/${i.contract}/sla` }),
  },
  // users (admins)
  'lib/users/actions.ts#inviteUserAction': { side: 'customerAdmin', form: () => ({ email: 'new@acme.example', name: 'New User', role: 'viewer', locale: 'en' }) },
  'lib/users/actions.ts#resendInvitationAction': { side: 'customerAdmin', tenant: true, setup: openInvitation, form: (_i, m) => ({ invitationId: m.invitation! }) },
  'lib/users/actions.ts#revokeInvitationAction': { side: 'customerAdmin', tenant: true, setup: openInvitation, form: (_i, m) => ({ invitationId: m.invitation! }) },
  'lib/users/actions.ts#changeRoleAction': { side: 'customerAdmin', tenant: true, form: (i) => ({ userId: i.users.victor, role: 'billing' }) },
  'lib/users/actions.ts#deactivateUserAction': { side: 'customerAdmin', tenant: true, form: (i) => ({ userId: i.users.victor }) },
  'lib/users/actions.ts#reactivateUserAction': {
    side: 'customerAdmin',
    tenant: true,
    setup: async (db, i) => {
      const [gone] = await db
        .insert(customerUsers)
        .values({ customerId: i.acme, email: 'former@acme.example', name: 'Former User', role: 'viewer', passwordHash: 'x', deactivatedAt: new Date() })
        .returning();
      return { user: gone!.id };
    },
    form: (_i, m) => ({ userId: m.user! }),
  },
  'lib/users/actions.ts#setRequireSecondFactorAction': {
    side: 'customerAdmin',
    form: () => ({ required: 'on' }),
    noPositive: 'the admin must set up their own second factor first, with a live code (test/users.test.ts)',
  },
  // signed out: invitations and password resets (their tokens come by e-mail; test/users.test.ts follows them)
  'lib/users/actions.ts#acceptInvitationAction': {
    side: 'public',
    form: () => ({ token: 'x'.repeat(43), name: 'New', password: 'correct horse battery staple', passwordConfirm: 'correct horse battery staple', locale: 'en' }),
    noPositive: 'the token is only in the e-mail (test/users.test.ts follows one)',
  },
  'lib/users/actions.ts#requestPasswordResetAction': { side: 'public', form: () => ({ email: 'alice@acme.example' }) },
  'lib/users/actions.ts#resetPasswordAction': {
    side: 'public',
    form: () => ({ token: 'x'.repeat(43), password: 'correct horse battery staple', passwordConfirm: 'correct horse battery staple' }),
    noPositive: 'the token is only in the e-mail (test/users.test.ts follows one)',
  },
  // the signed-in user's own account
  'lib/users/actions.ts#changePasswordAction': {
    side: 'customerOwn',
    form: () => ({ currentPassword: DEMO_PASSWORD, password: 'a much longer new passphrase 2026', passwordConfirm: 'a much longer new passphrase 2026' }),
  },
  'lib/users/actions.ts#enableSecondFactorAction': {
    side: 'customerOwn',
    form: () => ({ secret: 'JBSWY3DPEHPK3PXP', code: '000000' }),
    noPositive: 'the code must come from an authenticator at the time (test/users.test.ts)',
  },
  'lib/users/actions.ts#removeSecondFactorAction': {
    side: 'customerOwn',
    form: () => ({ password: DEMO_PASSWORD }),
    noPositive: 'needs a second factor set up first (test/users.test.ts)',
  },
  // contacts (admins)
  'lib/contacts/actions.ts#saveCompanyDetailsAction': { side: 'customerAdmin', form: () => ({ postalAddress: '1-1 Otemachi, Tokyo', phone: '03-5555-0100' }) },
  'lib/contacts/actions.ts#addContactAction': { side: 'customerAdmin', form: () => ({ kind: 'failure', ...contactFields }) },
  'lib/contacts/actions.ts#editContactAction': { side: 'customerAdmin', tenant: true, form: (i) => ({ contactId: i.contact, ...contactFields }) },
  'lib/contacts/actions.ts#removeContactAction': { side: 'customerAdmin', tenant: true, form: (i) => ({ contactId: i.contact }) },
  // notifications (any user, their own)
  'lib/notify/actions.ts#markReadAction': { side: 'customerOwn', form: () => ({ all: '1' }), noPositive: 'marks nothing when nothing is unread' },
  'lib/notify/actions.ts#savePreferencesAction': { side: 'customerOwn', form: () => ({ emailOn: ['security'] }) },
  // support access
  'lib/support/actions.ts#startImpersonationAction': { side: 'support', form: (i) => ({ customerId: i.acme, reason: 'Customer asked about a port', ticket: 'T-2' }) },
  'lib/support/actions.ts#endImpersonationAction': { side: 'support', setup: supportViewing, form: (_i, m) => ({ sessionId: m.supportSession! }) },
  'lib/support/actions.ts#grantSupportAccessAction': { side: 'customerAdmin', form: () => ({ days: '7' }) },
  'lib/support/actions.ts#revokeSupportAccessAction': {
    side: 'customerAdmin',
    setup: async (db) => {
      const { fn } = await actionNamed('lib/support/actions.ts#grantSupportAccessAction');
      const done = await run(db, 'alice', fn, { days: '7' }, false);
      if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
      return {};
    },
    form: () => ({}),
  },
  // API keys (the customer's own admins; never support staff, even inside a grant)
  'lib/api-keys/actions.ts#createApiKeyAction': { side: 'customerAdmin', form: () => ({ name: 'Terraform', scope: 'read_write', expiryDays: '90' }) },
  'lib/api-keys/actions.ts#revokeApiKeyAction': { side: 'customerAdmin', tenant: true, setup: liveApiKey, form: (_i, m) => ({ apiKeyId: m.apiKey! }) },
  // the back office (operators)
  'lib/backoffice/actions.ts#acceptAction': { side: 'operator', setup: pendingApplication, form: (_i, m) => ({ source: 'application', id: m.application! }) },
  'lib/backoffice/actions.ts#rejectAction': { side: 'operator', setup: pendingChange, form: (_i, m) => ({ source: 'change', id: m.change!, reason: 'Not possible at this site' }) },
  'lib/backoffice/actions.ts#completeAction': {
    side: 'operator',
    setup: async (db, i) => {
      const made = await pendingChange(db, i);
      const { fn } = await actionNamed('lib/backoffice/actions.ts#acceptAction');
      const done = await run(db, 'olivia', fn, { source: 'change', id: made.change }, false);
      if (done.kind !== 'ok') throw new Error(`setup: ${JSON.stringify(done)}`);
      return made;
    },
    form: (_i, m) => ({ source: 'change', id: m.change! }),
  },
  'lib/backoffice/actions.ts#recordPbbAction': { side: 'operator', form: () => ({ customerCode: 'C-000101', contractNumber: 'PBB-0101-09', startedOn: '2026-01-01' }) },
  'lib/backoffice/actions.ts#endPbbAction': { side: 'operator', form: (i) => ({ pbbContractId: i.pbb, endedOn: '2030-12-31', confirmLast: 'on' }) },
  'lib/backoffice/actions.ts#addPriceAction': {
    side: 'operator',
    form: () => ({ priceItem: 'onprem_port|optical:1G', customerCode: '', initialYen: '30,000', monthlyYen: '90,000', oneTimeYen: '', appliesFrom: '2031-01-01' }),
  },
  'lib/backoffice/actions.ts#recordOutageAction': {
    side: 'operator',
    form: () => ({ contractNumber: 'SH-000101', startedAt: hoursAgo(30), detectedAt: hoursAgo(30), endedAt: hoursAgo(26), notifiedAt: '', exclusionReason: '' }),
  },
  'lib/backoffice/actions.ts#endOutageAction': { side: 'operator', setup: (db) => recordedOutage(db, false), form: (_i, m) => ({ outageId: m.outage!, endedAt: hoursAgo(1) }) },
  'lib/backoffice/actions.ts#correctOutageAction': {
    side: 'operator',
    setup: (db) => recordedOutage(db, true),
    form: (_i, m) => ({ outageId: m.outage!, startedAt: hoursAgo(31), detectedAt: hoursAgo(30), endedAt: hoursAgo(26), notifiedAt: hoursAgo(29), exclusionReason: '' }),
  },
  'lib/backoffice/actions.ts#approveClaimAction': {
    side: 'operator',
    setup: claimedCredit,
    form: (_i, m) => ({ claimId: m.claim!, billingMonth: japanDateTimeInput(new Date()).slice(0, 7) }),
  },
  'lib/backoffice/actions.ts#rejectClaimAction': { side: 'operator', setup: claimedCredit, form: (_i, m) => ({ claimId: m.claim!, reason: 'Outside the SLA' }) },
  'lib/backoffice/actions.ts#issueStatementsAction': {
    side: 'operator',
    form: () => {
      const month = japanDateTimeInput(new Date()).slice(0, 7);
      const [y, mo] = month.split('-').map(Number) as [number, number];
      return { month: mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}` };
    },
  },
  'lib/backoffice/actions.ts#createCustomerAction': { side: 'operator', form: () => ({ code: 'C-0303', name: '新しい会社', nameEn: 'New Company', postalAddress: '', phone: '' }) },
  'lib/backoffice/actions.ts#editCustomerAction': {
    side: 'operator',
    form: (i) => ({ customerId: i.globex, name: 'グローベックス', nameEn: 'Globex Trading', postalAddress: 'Osaka', phone: '06-5555-0200' }),
  },
  'lib/backoffice/actions.ts#deactivateCustomerAction': { side: 'operator', form: (i) => ({ customerId: i.globex, confirm: 'on' }) },
  'lib/backoffice/actions.ts#reactivateCustomerAction': {
    side: 'operator',
    setup: async (db) => {
      const [gone] = await db.insert(customers).values({ code: 'C-0505', name: '解約済みの会社', deactivatedAt: new Date() }).returning();
      return { customer: gone!.id };
    },
    form: (_i, m) => ({ customerId: m.customer! }),
  },
  'lib/backoffice/actions.ts#addCustomerPbbAction': { side: 'operator', form: (i) => ({ customerId: i.globex, contractNumber: 'PBB-0202-02', startedOn: '2026-01-01' }) },
  'lib/backoffice/actions.ts#addNetworkAction': {
    side: 'operator',
    form: (i) => ({ customerId: i.acme, pbbContractId: i.pbb, networkCode: 'CN-0101-LAB', name: 'Acme lab' }),
  },
  'lib/backoffice/actions.ts#inviteAdminAction': {
    side: 'operator',
    setup: async (db) => {
      const [c] = await db.insert(customers).values({ code: 'C-0404', name: '管理者のいない会社' }).returning();
      return { customer: c!.id };
    },
    form: (_i, m) => ({ customerId: m.customer!, name: 'First Admin', email: 'first@new.example', locale: 'ja' }),
  },
  'lib/auth/staff-actions.ts#resetStaffSecondFactorAction': { side: 'operator', form: (i) => ({ staffUserId: i.users.sam }) },
  // signing in and out, the language
  'lib/auth/actions.ts#login': { side: 'public', form: () => ({ email: 'alice@acme.example', password: DEMO_PASSWORD, callbackUrl: '/' }) },
  'lib/auth/actions.ts#logout': { side: 'signedIn', form: () => ({}) },
  'lib/i18n/actions.ts#setLocale': { side: 'public', form: () => ({ locale: 'en' }) },
  // staff enrolment
  'lib/auth/enrol-actions.ts#enrolByLinkAction': {
    side: 'public',
    form: () => ({ token: 'x'.repeat(43), password: 'correct horse battery staple', passwordConfirm: 'correct horse battery staple', secret: 'JBSWY3DPEHPK3PXP', code: '000000' }),
    noPositive: 'the token is only in the link the CLI prints (test/staff-create.test.ts follows one)',
  },
};

/** Who must be refused, by side. */
export function refusedFor(c: Case): Who[] {
  // samViewing last: its support session stays open to the end of the case.
  const others: Who[] = ['anonymous', 'sam', 'olivia'];
  switch (c.side) {
    case 'customerWrite':
    case 'customerAdmin':
      return [...others, 'victor', 'bill', ...(c.tenant ? (['grace'] as Who[]) : []), 'samViewing'];
    case 'customerClaim':
      return [...others, 'victor', ...(c.tenant ? (['grace'] as Who[]) : []), 'samViewing'];
    case 'customerOwn':
      return [...others, 'samViewing'];
    case 'operator':
      return ['anonymous', 'alice', 'grace', 'sam'];
    case 'support':
      return ['anonymous', 'alice', 'olivia'];
    case 'signedIn':
    case 'public':
      return [];
  }
}

export function ownerOf(c: Case): Who {
  return c.owner ?? (c.side === 'operator' ? 'olivia' : c.side === 'support' ? 'sam' : 'alice');
}

/** Loads the demo into a fresh database (the base every case clones) and reads the ids the forms use. */
export async function loadDemo(): Promise<void> {
  process.env.AUTH_SECRET ??= 'inventory-test-secret-inventory-test-secret';
  base = await demoDatabase((db) => seedDemoData(db));
  const db = base.db;
  const [acme] = await db.select().from(customers).where(eq(customers.code, 'C-000101'));
  const [globex] = await db.select().from(customers).where(eq(customers.code, 'C-000202'));
  const [hub] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, 'SH-000101'));
  const nets = await db.select().from(closedNetworks).where(eq(closedNetworks.customerId, acme!.id));
  const opts = await db.select().from(options).where(eq(options.contractId, hub!.id));
  const users = await db.select().from(customerUsers);
  const staff = await db.select().from(staffUsers);
  const [contact] = await db
    .select()
    .from(customerContacts)
    .where(and(eq(customerContacts.customerId, acme!.id), eq(customerContacts.kind, 'operations')));
  const userId = (email: string) => users.find((u) => u.email === email)?.id ?? staff.find((u) => u.email === email)!.id;
  const hq = nets.find((n) => n.id === hub!.closedNetworkId)!;
  ids = {
    acme: acme!.id,
    globex: globex!.id,
    contract: hub!.id,
    hqNetwork: hq.id,
    plNetwork: nets.find((n) => n.id !== hq.id)!.id,
    onprem: opts.find((o) => o.kind === 'onprem_port')!.id,
    m2: opts.find((o) => o.kind === 'cloud_port')!.id,
    napt: opts.find((o) => o.kind === 'napt')!.id,
    users: {
      alice: userId('alice@acme.example'),
      victor: userId('victor@acme.example'),
      bill: userId('bill@acme.example'),
      grace: userId('grace@globex.example'),
      sam: userId('sam@support.example'),
      olivia: userId('olivia@ops.example'),
    },
    contact: contact!.id,
    pbb: hq.pbbContractId,
  };
  for (const u of users) {
    const who = Object.entries(ids.users).find(([, id]) => id === u.id)?.[0] as Who | undefined;
    if (who) userIds[who] = { kind: 'customer', id: u.id, role: u.role, customerId: u.customerId };
  }
  for (const s of staff) {
    const who = Object.entries(ids.users).find(([, id]) => id === s.id)?.[0] as Who | undefined;
    if (who) userIds[who] = { kind: 'staff', id: s.id, role: s.role, customerId: null };
  }
}

// ── route handlers ──────────────────────────────────────────────────────

export type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** What a route handler answered: its status and body (Next's sign-in redirect as 307, not found as 404). */
export async function answerOf(db: Db, session: SessionClaims | null, handler: Handler, request: () => Request, params: Record<string, string | string[]>) {
  harness.db = db;
  harness.session = session;
  try {
    const response = await handler(request(), { params: Promise.resolve(params) });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()).toString('latin1') };
  } catch (error) {
    const outcome = await outcomeOf(() => Promise.reject(error));
    return { status: outcome.kind === 'sign_in' ? 307 : outcome.kind === 'refused' && outcome.code === 'not_found' ? 404 : 500, body: JSON.stringify(outcome) };
  }
}

export interface RouteCase {
  method: 'GET' | 'POST';
  /** The request its rightful user sends (Acme's ids), and its params. */
  request: (ids: Ids) => { url: string; body?: FormData; params: Record<string, string | string[]> };
  /** Who gets which status; everyone not named is refused with a 3xx/4xx and sees none of Acme's data. */
  allowed: Who[];
  /** A refusal the handler answers in its body (the live preview's "not found" for another company's ids). */
  refusedBody?: RegExp;
  /** Text of Acme's that only its rightful users may see in the answer. */
  secret?: string;
  /** Why no one at all is answered (a handler of Auth.js, or one only the benchmark turns on). */
  exempt?: string;
}

export const ROUTES: Record<string, RouteCase> = {
  'app/(customer)/statements/[month]/csv/route.ts': {
    method: 'GET',
    request: () => ({ url: 'http://portal/statements/2026-11/csv', params: { month: '2026-11' } }),
    allowed: ['alice', 'victor', 'bill', 'samViewing', 'grace'],
    secret: 'SH-O-000101',
  },
  'app/(customer)/statements/[month]/pdf/route.ts': {
    method: 'GET',
    request: () => ({ url: 'http://portal/statements/2026-11/pdf', params: { month: '2026-11' } }),
    allowed: ['alice', 'victor', 'bill', 'samViewing', 'grace'],
  },
  'app/api/preview/[flow]/route.ts': {
    method: 'POST',
    request: (i) => ({ url: 'http://portal/api/preview/cancelOption', body: formOf({ optionId: i.onprem }), params: { flow: 'cancelOption' } }),
    allowed: ['alice'],
    refusedBody: /"kind":"not_found"/,
    secret: 'SH-O-000101',
  },
  'app/api/staff/search/route.ts': {
    method: 'GET',
    request: () => ({ url: 'http://portal/api/staff/search?q=Acme', params: {} }),
    allowed: ['sam', 'samViewing'],
    secret: 'Acme',
  },
  'app/healthz/route.ts': { method: 'GET', request: () => ({ url: 'http://portal/healthz', params: {} }), allowed: ['anonymous', 'alice', 'victor', 'bill', 'grace', 'sam', 'samViewing', 'olivia'] },
  // The public API's document and its reference page: public, no customer data (lib/api/openapi.ts).
  'app/api/v1/openapi.json/route.ts': { method: 'GET', request: () => ({ url: 'http://portal/api/v1/openapi.json', params: {} }), allowed: ['anonymous', 'alice', 'victor', 'bill', 'grace', 'sam', 'samViewing', 'olivia'] },
  'app/api/v1/docs/route.ts': { method: 'GET', request: () => ({ url: 'http://portal/api/v1/docs', params: {} }), allowed: ['anonymous', 'alice', 'victor', 'bill', 'grace', 'sam', 'samViewing', 'olivia'] },
  'app/api/v1/docs/[asset]/route.ts': {
    method: 'GET',
    request: () => ({ url: 'http://portal/api/v1/docs/swagger-ui.css', params: { asset: 'swagger-ui.css' } }),
    allowed: ['anonymous', 'alice', 'victor', 'bill', 'grace', 'sam', 'samViewing', 'olivia'],
  },
  // The public API answers API keys only: a signed-in session (any of these) is a 401 and sees nothing (lib/api/auth.ts).
  'app/api/v1/[...path]/route.ts': {
    method: 'GET',
    request: () => ({ url: 'http://portal/api/v1/closed-networks', params: { path: ['closed-networks'] } }),
    allowed: [],
    secret: 'CN-0101',
  },
  'app/readyz/route.ts': { method: 'GET', request: () => ({ url: 'http://portal/readyz', params: {} }), allowed: ['anonymous', 'alice', 'victor', 'bill', 'grace', 'sam', 'samViewing', 'olivia'] },
  'app/bench/handler/route.ts': {
    method: 'GET',
    request: () => ({ url: 'http://portal/bench/handler', params: {} }),
    allowed: [],
    exempt: 'answers only on a server started for the benchmark (SMARTHUB_BENCH=1): 404 to everyone here',
  },
  'app/api/auth/[...nextauth]/route.ts': {
    method: 'GET',
    request: () => ({ url: 'http://portal/api/auth/session', params: {} }),
    allowed: [],
    exempt: "Auth.js's own handlers: its credentials sign-in runs verifyCredentials (test/auth.test.ts), and a session is only ever read by the guard",
  },
};


/**
 * Runs `check` on a case's own copy of the demo database, after its setup: with the action, the
 * form that works for its owner, and for a flow the confirm form its owner's review led to.
 */
export async function onCaseCopy(
  key: string,
  check: (ctx: { db: Db; c: Case; fn: ActionFn; oneButton: boolean; form: Fields; confirm: Fields | null }) => Promise<void>,
): Promise<void> {
  const c = CASES[key]!;
  const { fn, oneButton } = await actionNamed(key);
  const copy = await base.clone();
  try {
    const made = c.setup ? await c.setup(copy.db, ids) : {};
    const form = c.form(ids, made);
    const confirm = c.flow ? (await confirmFlow(copy.db, ownerOf(c), fn, form)).confirm : null;
    await check({ db: copy.db, c, fn, oneButton, form, confirm });
  } finally {
    await copy.close();
  }
}
