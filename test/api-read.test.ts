// Issue 15: the public API's reads (contracts, options, applications, change requests,
// cancellations, statements, outages, SLA credits), over the demo with one of each made through
// the portal's own services; every answer checked against the OpenAPI document.
import './helpers/api-mocks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { applications, cancellationNotices, changeRequests, closedNetworks, creditClaims, options, outages, smarthubContracts } from '@/db/schema';
import { issueStatements } from '@/lib/backoffice/statements';
import { recordOutage } from '@/lib/backoffice/outages';
import { statementView } from '@/lib/billing/snapshots';
import { readApplicationPayload, readChangePayload } from '@/lib/contract/payloads';
import { maskKey } from '@/lib/contracts/cloud-keys';
import { getCancellationReceipt, getContractPage } from '@/lib/contracts/queries';
import { addOption, applyForContract, cancelContract, cancelOption, requestOptionChange, type Ctx } from '@/lib/contracts/services';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { japanDate, monthsEndingAt } from '@/lib/rules';
import { claimCredit } from '@/lib/sla/claims';
import { getSlaPage } from '@/lib/sla/queries';
import { apiClient, apiHarness, makeKey, revokeKey, type ApiReply } from './helpers/api-harness';
import { demoDatabase } from './helpers/action-harness';
import { customerActor, staffActor } from './helpers/actors';
import { expectMatchesSpec } from './helpers/openapi-validate';

const call = apiClient();
let demo: Awaited<ReturnType<typeof demoDatabase>>;
let db: Db;
const now = new Date();
const today = japanDate(now);
const confirm: Ctx = { now, mode: 'confirm' };

/** Acme's keys: its admin's read-write and read keys, its viewer's; Globex's admin's. */
const keys = { admin: '', adminRead: '', viewer: '', globex: '' };
let acmeId: string;
let globexId: string;
let acmeContractId: string;
let globexContractId: string;
/** One id of each resource, of Acme and of Globex (statements by month). */
const acme: Record<string, string> = {};
const globex: Record<string, string> = {};

/** A GET, checked against the document; answers the reply. */
async function get(path: string, key: string | null = keys.admin): Promise<ApiReply> {
  const reply = await call('GET', path, { key });
  await expectMatchesSpec('GET', path, { status: reply.status, headers: reply.headers, body: reply.body });
  return reply;
}

const ids = (reply: ApiReply): string[] => reply.body.data.map((r: { id?: string; month?: string }) => r.id ?? r.month);

/** Every resource: its list, its get (`{id}` is replaced) and the key of the ids made below. */
const RESOURCES = [
  { name: 'contracts', list: '/contracts', one: '/contracts/{id}' },
  { name: 'options', list: '/options', one: '/options/{id}' },
  { name: 'applications', list: '/applications', one: '/applications/{id}' },
  { name: 'change requests', list: '/change-requests', one: '/change-requests/{id}' },
  { name: 'cancellations', list: '/cancellations', one: '/cancellations/{id}' },
  { name: 'statements', list: '/statements', one: '/statements/{id}' },
  { name: 'outages', list: '/outages', one: '/outages/{id}' },
  { name: 'SLA credits', list: '/sla-credits', one: '/sla-credits/{id}' },
] as const;
type Resource = (typeof RESOURCES)[number]['name'];
const oneOf = (name: Resource, id: string) => RESOURCES.find((r) => r.name === name)!.one.replace('{id}', id);

const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

beforeAll(async () => {
  demo = await demoDatabase((d) => seedDemoData(d, now));
  db = demo.db;
  apiHarness.db = db;
  keys.admin = (await makeKey(db, DEMO_USERS.alice, { scope: 'read_write' })).key;
  keys.adminRead = (await makeKey(db, DEMO_USERS.alice, { scope: 'read' })).key;
  keys.viewer = (await makeKey(db, DEMO_USERS.victor, { scope: 'read' })).key;
  keys.globex = (await makeKey(db, DEMO_USERS.grace, { scope: 'read_write' })).key;

  const alice = await customerActor(db, DEMO_USERS.alice);
  const grace = await customerActor(db, DEMO_USERS.grace);
  const olivia = await staffActor(db, DEMO_USERS.olivia);
  acmeId = alice.customerId;
  globexId = grace.customerId;
  const contractOf = async (customerId: string) => (await db.select().from(smarthubContracts).where(eq(smarthubContracts.customerId, customerId)))[0]!;
  acmeContractId = (await contractOf(acmeId)).id;
  globexContractId = (await contractOf(globexId)).id;
  const option = async (code: string) => (await db.select().from(options).where(eq(options.code, code)))[0]!;
  const ok = <T extends { ok: boolean }>(outcome: T, what: string): Extract<T, { ok: true }> => {
    if (!outcome.ok) throw new Error(`${what}: ${JSON.stringify(outcome)}`);
    return outcome as Extract<T, { ok: true }>;
  };

  // Acme: an application for the plants network's contract, an added private cloud port (with a
  // connection key), an M2 upgrade, and the M2 port cancelled (its NAPT ends with it).
  const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
  ok(
    await applyForContract(
      db,
      alice,
      { closedNetworkId: plants!.id, orders: [{ option: { kind: 'onprem_port', line: 'optical', speed: '1G' }, dataCentre: 'Osaka DC2', rack: 'B01' }], idempotencyKey: 'api-read-apply' },
      confirm,
    ),
    'apply',
  );
  ok(
    await addOption(
      db,
      alice,
      {
        contractId: acmeContractId,
        orders: [
          {
            option: { kind: 'cloud_port', cloudType: 'A_PRIVATE', speed: '1G' },
            cloudAccountId: '123456789012',
            cloudConnectionKey: 'dxcon-acme-secret-9876',
            cloudConditions: ['operator_terms', 'cloud_side_setup', 'disclose_cloud_info', 'cloud_support_elsewhere'],
          },
        ],
        idempotencyKey: 'api-read-add',
      },
      confirm,
    ),
    'add',
  );
  const m2 = await option('SH-O-000102');
  ok(await requestOptionChange(db, alice, { optionId: m2.id, to: '1G', idempotencyKey: 'api-read-change' }, confirm), 'change');
  ok(await cancelOption(db, alice, { optionId: m2.id, idempotencyKey: 'api-read-cancel' }, confirm), 'cancel');

  // Globex: an added expansion (an application), its contract cancelled.
  ok(await addOption(db, grace, { contractId: globexContractId, orders: [{ option: { kind: 'pbb_expansion', speed: '5G' } }], idempotencyKey: 'api-read-g-add' }, confirm), 'globex add');
  ok(await cancelContract(db, grace, { contractId: globexContractId, idempotencyKey: 'api-read-g-cancel' }, confirm), 'globex cancel');

  // Outages, as an operator records them: Acme's two hours long and notified late (both
  // reductions claimed), and one going on; Globex's one.
  const acmeOutage = ok(
    await recordOutage(db, olivia, { contractNumber: 'SH-000101', startedAt: hoursAgo(50), endedAt: hoursAgo(48), detectedAt: hoursAgo(50), notifiedAt: hoursAgo(49), exclusionReason: null }, { now }),
    'outage',
  );
  ok(await recordOutage(db, olivia, { contractNumber: 'SH-000101', startedAt: hoursAgo(1), endedAt: null, detectedAt: hoursAgo(1), notifiedAt: null, exclusionReason: null }, { now }), 'ongoing');
  const globexOutage = ok(
    await recordOutage(db, olivia, { contractNumber: 'SH-000202', startedAt: hoursAgo(30), endedAt: hoursAgo(20), detectedAt: hoursAgo(30), notifiedAt: hoursAgo(30), exclusionReason: null }, { now }),
    'globex outage',
  );
  ok(await claimCredit(db, alice, { outageId: acmeOutage.id, kind: 'availability' }, confirm), 'claim');
  ok(await claimCredit(db, alice, { outageId: acmeOutage.id, kind: 'notification' }, confirm), 'claim notification');
  ok(await claimCredit(db, grace, { outageId: globexOutage.id, kind: 'availability' }, confirm), 'globex claim');

  // Last month issued for everyone.
  ok(await issueStatements(db, olivia, { month: lastMonth() }, { now }), 'issue');

  const first = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows)[0]!.id;
  for (const [into, customerId, contractId] of [
    [acme, acmeId, acmeContractId],
    [globex, globexId, globexContractId],
  ] as const) {
    into.contracts = contractId;
    into.options = await first(db.select().from(options).where(eq(options.customerId, customerId)));
    into.applications = await first(db.select().from(applications).where(eq(applications.customerId, customerId)));
    into.cancellations = await first(db.select().from(cancellationNotices).where(eq(cancellationNotices.customerId, customerId)));
    into.outages = await first(db.select().from(outages).where(eq(outages.customerId, customerId)));
    into['SLA credits'] = await first(db.select().from(creditClaims).where(eq(creditClaims.customerId, customerId)));
  }
  acme['change requests'] = await first(db.select().from(changeRequests).where(eq(changeRequests.customerId, acmeId)));
  acme.statements = lastMonth();
  // Globex has no change request of its own: Acme's is the other customer's for it, and a month
  // before its first billed one is one it has no statement of.
  globex['change requests'] = '00000000-0000-4000-8000-000000000000';
  globex.statements = '2025-10';
}, 180_000);
afterAll(async () => demo?.close());

/** The month before today's (Japan). */
const lastMonth = () => monthsEndingAt(today.slice(0, 7), 2)[0]!;

describe('every read endpoint', () => {
  it.each(RESOURCES)('$name: the list and the get answer 200 as documented, to a read-write and a read-only key', async ({ name, list }) => {
    for (const key of [keys.admin, keys.adminRead, keys.viewer]) {
      const all = await get(list, key);
      expect(all.status).toBe(200);
      expect(all.body.data.length).toBeGreaterThan(0);
      expect(ids(all)).toContain(acme[name]);
      const one = await get(oneOf(name, acme[name]!), key);
      expect(one.status).toBe(200);
      expect(one.body.id ?? one.body.month).toBe(acme[name]);
    }
  });

  it.each(RESOURCES)('$name: another customer\'s id is a 404 like a missing or malformed one, and its lists never show the other\'s', async ({ name, list }) => {
    for (const path of [oneOf(name, globex[name]!), oneOf(name, '00000000-0000-4000-8000-000000000000'), oneOf(name, 'x%27%3B--')]) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).toMatchObject({ status: 404, code: 'not_found' });
    }
    // Months are names both customers have, not ids: the statements' own figures are checked below.
    if (name === 'statements') return;
    const acmeList = ids(await get(`${list}?limit=200`));
    const globexList = ids(await get(`${list}?limit=200`, keys.globex));
    expect(acmeList).not.toContain(globex[name]);
    expect(globexList.filter((id) => acmeList.includes(id))).toEqual([]);
  });

  it('no key, a revoked key and an expired key: 401 on every list and every get', async () => {
    const revoked = await makeKey(db, DEMO_USERS.alice, { scope: 'read' });
    await revokeKey(db, revoked.id);
    const expired = await makeKey(db, DEMO_USERS.alice, { scope: 'read', expiresAt: new Date(Date.now() - 1000) });
    for (const { name, list } of RESOURCES) {
      for (const path of [list, oneOf(name, acme[name]!)]) {
        for (const key of [null, revoked.key, expired.key]) {
          const reply = await get(path, key);
          expect(reply.status, `${path} ${key ? 'with a dead key' : 'without a key'}`).toBe(401);
          expect(reply.body.code).toBe('unauthorized');
        }
      }
    }
  });

  it.each(RESOURCES)('$name: limit=1 walks every row once, newest first, as one page of 200 lists them', async ({ list }) => {
    const whole = ids(await get(`${list}?limit=200`));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply = await get(`${list}?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(reply.status).toBe(200);
      expect(reply.body.data.length).toBe(1);
      seen.push(...ids(reply));
      cursor = reply.body.nextCursor;
    } while (cursor && seen.length <= whole.length);
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('a cursor that is not one of ours is a 400 naming it', async () => {
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    for (const list of ['/contracts', '/outages', '/statements']) {
      const reply = await get(`${list}?cursor=${forged}`);
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toHaveProperty('cursor');
    }
  });
});

describe('the same figures as the portal', () => {
  it('a contract: its held options as its page lists them; `contractId` keeps one contract\'s options', async () => {
    const page = await getContractPage(db, { contractId: acmeContractId, customerId: acmeId, today });
    const reply = await get(`/contracts/${acmeContractId}`);
    expect(reply.body).toMatchObject({ contractNumber: 'SH-000101', status: 'active', closedNetwork: { networkCode: 'CN-0101-HQ' } });
    expect(reply.body.options.map((o: { id: string }) => o.id)).toEqual(page!.options.map((o) => o.id));
    const m2 = reply.body.options.find((o: { code: string }) => o.code === 'SH-O-000102');
    expect(m2).toMatchObject({ status: 'ending', endsOn: page!.options.find((o) => o.code === 'SH-O-000102')!.endsOn });

    const own = await get(`/options?contractId=${acmeContractId}&limit=200`);
    const rows = await db.select().from(options).where(eq(options.contractId, acmeContractId));
    expect(ids(own).sort()).toEqual(rows.map((r) => r.id).sort());
    expect((await get(`/options?contractId=${globexContractId}`)).body.data).toEqual([]);
  });

  it('a cloud connection key: whole for an admin\'s read-write key, masked as the portal masks it for a read key and a viewer\'s', async () => {
    const own = await db.select().from(options).where(eq(options.customerId, acmeId));
    const added = own.find((o) => o.attributes.cloudConnectionKey === 'dxcon-acme-secret-9876')!;
    expect((await get(`/options/${added.id}`, keys.admin)).body.attributes.cloudConnectionKey).toBe('dxcon-acme-secret-9876');
    for (const key of [keys.adminRead, keys.viewer]) {
      const one = await get(`/options/${added.id}`, key);
      expect(one.body.attributes).toMatchObject({ cloudConnectionKey: maskKey('dxcon-acme-secret-9876'), cloudAccountId: '123456789012', cloudType: 'A_PRIVATE' });
      const listed = (await get('/options?limit=200', key)).body.data.find((o: { id: string }) => o.id === added.id);
      expect(listed.attributes.cloudConnectionKey).toBe(maskKey('dxcon-acme-secret-9876'));
      expect(JSON.stringify((await get('/options?limit=200', key)).body)).not.toContain('dxcon-acme-secret-9876');
    }
  });

  it('applications and change requests: what was submitted, with the fees and tax shown', async () => {
    const apps = (await get('/applications?limit=200')).body.data;
    expect(apps.map((a: { type: string }) => a.type).sort()).toEqual(['add_option', 'new_contract']);
    const added = apps.find((a: { type: string }) => a.type === 'add_option');
    expect(added).toMatchObject({ status: 'submitted', contractId: acmeContractId, decidedAt: null });
    const [stored] = await db.select().from(applications).where(eq(applications.id, added.id));
    const shown = readApplicationPayload(stored!.payload).fees!;
    expect(added.fees.totalMonthlyYen).toBeGreaterThan(0);
    expect(added.fees).toMatchObject({
      totalInitialYen: shown.totalInitialYen,
      taxOnTotalInitialYen: shown.taxOnTotalInitialYen,
      totalMonthlyYen: shown.totalMonthlyYen,
      taxOnTotalMonthlyYen: shown.taxOnTotalMonthlyYen,
    });
    expect(added.optionIds).toEqual(readApplicationPayload(stored!.payload).optionIds);
    const change = (await get(oneOf('change requests', acme['change requests']!))).body;
    const [row] = await db.select().from(changeRequests).where(eq(changeRequests.id, acme['change requests']!));
    expect(change).toMatchObject({ type: 'change_speed', status: 'submitted', option: { code: 'SH-O-000102', kind: 'cloud_port' }, change: { from: '100M', to: '1G' } });
    expect(change.change).toMatchObject({ monthlyAfterYen: readChangePayload(row!.payload)!.monthlyAfterYen, taxOnOneTimeYen: readChangePayload(row!.payload)!.taxOnOneTimeYen });
  });

  it('a cancellation: the receipt\'s dates, status and early termination charge with its tax', async () => {
    const receipt = await getCancellationReceipt(db, { noticeId: acme.cancellations!, customerId: acmeId });
    const reply = await get(`/cancellations/${acme.cancellations}`);
    expect(reply.body).toMatchObject({
      contract: { id: acmeContractId, contractNumber: 'SH-000101' },
      option: { code: 'SH-O-000102', kind: 'cloud_port' },
      effectiveDate: receipt!.notice.effectiveDate,
      requestedDate: null,
      status: 'pending',
      withdrawnAt: null,
      confirmed: {
        totalEarlyTerminationYen: receipt!.summary!.totalEarlyTerminationYen,
        taxOnEarlyTerminationYen: receipt!.summary!.taxOnEarlyTerminationYen,
      },
    });
    expect(reply.body.confirmed.totalEarlyTerminationYen).toBeGreaterThan(0);
    expect(reply.body.confirmed.ending.map((e: { code: string }) => e.code).sort()).toEqual(['SH-O-000102', 'SH-O-000103']);
    expect(reply.body.withdrawableUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const whole = (await get('/cancellations', keys.globex)).body.data[0];
    expect(whole).toMatchObject({ option: null, contract: { id: globexContractId } });
  });

  it('statements: each month\'s totals and lines are lib/billing\'s, the issued month as issued', async () => {
    const list = (await get('/statements?limit=200')).body.data as { month: string; status: string; totalYen: number; taxYen: number; subtotalYen: number }[];
    expect(list[0]).toMatchObject({ month: today.slice(0, 7), status: 'in_progress' });
    expect(list.find((s) => s.month === lastMonth())).toMatchObject({ status: 'issued' });
    for (const summary of list) {
      const view = await statementView(db, acmeId, summary.month);
      expect(summary).toMatchObject({ subtotalYen: view.statement.subtotalYen, taxYen: view.statement.taxYen, totalYen: view.statement.totalYen });
      const one = (await get(`/statements/${summary.month}`)).body;
      expect(one).toMatchObject({ month: summary.month, status: summary.status, totalYen: view.statement.totalYen, taxYen: view.statement.taxYen });
      expect(one.lines.map((l: { amountYen: number }) => l.amountYen)).toEqual(view.statement.lines.map((l) => l.amountYen));
      expect(one.lines.length).toBeGreaterThan(0);
    }
    const issued = (await get(`/statements/${lastMonth()}`)).body;
    expect(issued.issuedAt).not.toBeNull();
    expect(issued.today).toMatchObject({ differenceYen: expect.any(Number) });
    expect((await get('/statements/2026-13')).status).toBe(404);
  });

  it('outages and SLA credits: what each outage earns and may be claimed is the SLA page\'s, and the claims made', async () => {
    const page = await getSlaPage(db, { contractId: acmeContractId, customerId: acmeId, now: new Date() });
    const listed = (await get(`/outages?contractId=${acmeContractId}`)).body.data as {
      id: string;
      endedAt: string | null;
      credits: Record<'availability' | 'notification', { earnedYen: number | null; claimId: string | null; claimable: boolean; refusal: string | null }>;
    }[];
    expect(listed.map((o) => o.id)).toEqual(page!.outages.map((v) => v.outage.id));
    const ended = listed.find((o) => o.endedAt !== null)!;
    const view = page!.outages.find((v) => v.outage.id === ended.id)!;
    for (const kind of ['availability', 'notification'] as const) {
      const credit = view.credits![kind];
      expect(ended.credits[kind]).toMatchObject({
        earnedYen: 'yen' in credit ? credit.yen : null,
        claimId: view.kinds[kind].claim!.id,
        claimable: false,
        refusal: 'already_claimed',
      });
    }
    const ongoing = listed.find((o) => o.endedAt === null)!;
    expect(ongoing.credits.availability).toMatchObject({ earnedYen: null, claimable: false, refusal: 'outage_ongoing' });

    const claims = (await get(`/sla-credits?outageId=${ended.id}`)).body.data;
    expect(claims.map((c: { kind: string }) => c.kind).sort()).toEqual(['availability', 'notification']);
    for (const claim of claims) {
      expect(claim).toMatchObject({ status: 'submitted', outageId: ended.id, contract: { id: acmeContractId }, billingMonth: null });
      expect(claim.amountYen).toBe(view.kinds[claim.kind as 'availability'].claim!.amountYen);
    }
  });
});
