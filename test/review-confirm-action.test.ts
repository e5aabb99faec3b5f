// The customer's review → confirm forms through the real server action (lib/contracts/actions.ts):
// the review hands the form the key and the digest of the amounts it showed; a confirm after a
// price change, or one reusing the key with other inputs, gets a translated refusal and writes nothing.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenDatabase } from '@/db/client';
import { applications, options, prices, smarthubContracts } from '@/db/schema';
import type { CustomerActor } from '@/lib/auth/access';
import type { FormState } from '@/lib/form-state';
import en from '@/lib/i18n/messages/en.json';
import ja from '@/lib/i18n/messages/ja.json';

const state = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown, redirects: [] as string[] }));

vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: async () => state.db,
}));
vi.mock('@/lib/auth/guard', () => ({ requireCustomer: async () => state.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    state.redirects.push(url);
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && 'digest' in error) throw error;
  },
}));

const { addOptionAction } = await import('@/lib/contracts/actions');
const { openPglite } = await import('@/db/client');
const { seedDemoData } = await import('@/lib/demo/seed');
const { freshHubCustomer } = await import('./helpers/actors');

// The action reads the real clock: the customer and the price change are dated today in Japan.
const NOW = new Date();
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(NOW);
let open: OpenDatabase;
let actor: CustomerActor;
let contractId: string;

beforeAll(async () => {
  open = await openPglite();
  state.db = open.db;
  await seedDemoData(open.db, NOW);
  actor = await freshHubCustomer(open.db, '0881', today);
  state.actor = actor;
  const [contract] = await open.db.select().from(smarthubContracts).where(eq(smarthubContracts.customerId, actor.customerId));
  contractId = contract!.id;
});
afterAll(async () => open?.close());
beforeEach(() => {
  state.redirects.length = 0;
});

const port = (speed: string): [string, string][] => [
  ['kind', 'onprem_port'],
  ['line', 'optical'],
  ['speed', speed],
  ['dataCentre', 'Osaka DC2'],
  ['rack', 'B01'],
];

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

async function reviewOf(speed: string): Promise<FormState> {
  const reviewed = await addOptionAction({ step: 'edit', fields: {} }, form([['contractId', contractId], ['intent', 'review'], ...port(speed)]));
  expect(reviewed).toMatchObject({ step: 'review' });
  expect(reviewed.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  expect(reviewed.amountsShown).toMatch(/^[0-9a-f]{64}$/);
  return reviewed;
}

function confirmForm(speed: string, reviewed: FormState): FormData {
  return form([
    ['contractId', contractId],
    ['intent', 'confirm'],
    ...port(speed),
    ['idempotencyKey', reviewed.idempotencyKey ?? ''],
    ...(reviewed.amountsShown ? ([['amountsShown', reviewed.amountsShown]] as [string, string][]) : []),
  ]);
}

async function writes() {
  const [a] = await open.db.select({ n: count() }).from(applications).where(eq(applications.customerId, actor.customerId));
  const [o] = await open.db.select({ n: count() }).from(options).where(eq(options.customerId, actor.customerId));
  return { applications: a?.n, options: o?.n };
}

describe('add an option: review, then confirm', () => {
  it('refuses a confirm after the prices changed, with a message in both languages, and writes nothing', async () => {
    const reviewed = await reviewOf('1G');
    await open.db.insert(prices).values({ kind: 'onprem_port', item: 'optical:1G', customerId: actor.customerId, initialYen: 33_000, monthlyYen: 44_000, appliesFrom: today });
    const before = await writes();
    const refusedState = await addOptionAction(reviewed, confirmForm('1G', reviewed));
    expect(refusedState).toMatchObject({ step: 'edit', refusal: 'prices_changed' });
    expect(await writes()).toEqual(before);
    expect(en.form.refusals.prices_changed).toMatch(/review again/i);
    expect(ja.form.refusals.prices_changed).toContain('確認');

    // A confirm that does not carry what its review showed cannot be compared: refused the same way.
    const again = await reviewOf('1G');
    expect(await addOptionAction(again, confirmForm('1G', { ...again, amountsShown: undefined }))).toMatchObject({ refusal: 'prices_changed' });
    // The new review's amounts are confirmed.
    await expect(addOptionAction(again, confirmForm('1G', again))).rejects.toThrow('NEXT_REDIRECT');
    expect(state.redirects.at(-1)).toBe(`/contracts/${contractId}?done=applied`);
    expect(await writes()).toEqual({ applications: before.applications! + 1, options: before.options! + 1 });
  });

  it('the same key sent again with other inputs gets idempotency_mismatch, in both languages, and writes nothing', async () => {
    const reviewed = await reviewOf('10G');
    await expect(addOptionAction(reviewed, confirmForm('10G', reviewed))).rejects.toThrow('NEXT_REDIRECT');
    const before = await writes();
    // A tampered or replayed form: the same key, another speed (and its own review's digest).
    const other = await reviewOf('1G');
    const replayed = await addOptionAction(other, confirmForm('1G', { ...other, idempotencyKey: reviewed.idempotencyKey }));
    expect(replayed).toMatchObject({ step: 'edit', refusal: 'idempotency_mismatch' });
    expect(await writes()).toEqual(before);
    expect(en.form.refusals.idempotency_mismatch).toMatch(/different request/);
    expect(ja.form.refusals.idempotency_mismatch).toContain('申込キー');

    // The same form twice lands once and goes to the same page.
    await expect(addOptionAction(reviewed, confirmForm('10G', reviewed))).rejects.toThrow('NEXT_REDIRECT');
    expect(state.redirects.at(-1)).toBe(`/contracts/${contractId}?done=applied`);
    expect(await writes()).toEqual(before);
  });
});
