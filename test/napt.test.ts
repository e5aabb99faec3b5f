// NAPT per port (I-2 revised, R-NAPT-PER-PORT): each NAPT add-on belongs to one public cloud
// port, 1–8 per port; a port and its NAPT are one application; cancelling a port ends its NAPT.
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { applications, auditLog, cancellationNotices, charges, closedNetworks, options, smarthubContracts } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';
import { acceptApplication, completeApplication, rejectApplication } from '@/lib/backoffice/applications';
import { settleEndedCancellations } from '@/lib/backoffice/cancellations';
import { listApplicationQueueForStaff, listPendingCancellationsForStaff } from '@/lib/backoffice/queries';
import { readApplicationPayload, readCancellationSummary } from '@/lib/contract/payloads';
import { flows } from '@/lib/contracts/flows';
import { naptPortChoices } from '@/lib/contracts/queries';
import {
  addOption,
  applyForContract,
  cancelOption,
  withdrawApplication,
  withdrawCancellation,
  type Ctx,
  type OptionOrder,
  type Outcome,
} from '@/lib/contracts/services';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { earlyTerminationFeeYen } from '@/lib/rules';
import { customerActor, freshHubCustomer, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

// "Today" is 2026-11-24 in Japan. Each test has a customer of its own (freshHubCustomer): an
// on-premises port (…01), an M2 public 100M port (…02, billing from 2026-10-24) and one
// 30,000-session NAPT add-on on it (…03).
const TODAY = '2026-11-24';
const NOW = new Date('2026-11-24T03:00:00Z');
const review: Ctx = { now: NOW, mode: 'review' };
const confirm: Ctx = { now: NOW, mode: 'confirm' };
const op = { now: NOW };
let keySeq = 0;
const key = () => `napt-key-${++keySeq}`;

const ALL_CONDITIONS = ['operator_terms', 'cloud_side_setup', 'disclose_cloud_info', 'cloud_support_elsewhere'];
const cloudInfo = { cloudAccountId: '123456789012', cloudConnectionKey: 'dxcon-napt', cloudConditions: ALL_CONDITIONS };
/** A public cloud port with its NAPT add-ons, as the order form's schema yields them. */
function publicPortWith(sessions: number[], speed: '1G' | '2G' = '1G'): OptionOrder[] {
  return [
    { option: { kind: 'cloud_port', cloudType: 'A_PUBLIC', speed, ref: 'port' }, ...cloudInfo },
    ...sessions.map((s): OptionOrder => ({ option: { kind: 'napt', sessions: s, portId: 'port' } })),
  ];
}
const naptOn = (portId: string, sessions = 30_000): OptionOrder => ({ option: { kind: 'napt', sessions, portId } });

function rules(outcome: Outcome<unknown>): string[] {
  return outcome.ok ? [] : outcome.kind === 'violations' ? outcome.violations.map((v) => v.rule).sort() : [outcome.kind];
}

describe.each(targets)('NAPT per port on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let olivia: StaffActor;
  let alice: CustomerActor;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    olivia = await staffActor(db, DEMO_USERS.olivia);
    alice = await customerActor(db, DEMO_USERS.alice);
  });
  afterAll(async () => open?.close());

  /** A fresh customer's contract and its three seeded options. */
  async function hubOf(tag: string) {
    const actor = await freshHubCustomer(db, tag, TODAY);
    const [hub] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, `SH-00${tag}`));
    const prefix = `SH-O-${tag.slice(2)}${tag.slice(2)}0`;
    const byCode = async (n: number) => (await db.select().from(options).where(eq(options.code, `${prefix}${n}`)))[0]!;
    return { actor, hub: hub!, onprem: await byCode(1), port: await byCode(2), napt: await byCode(3), byCode };
  }

  /** A second running 60,000-session NAPT add-on on the hub's port, as if ordered and completed earlier. */
  async function secondNapt(hub: { id: string; customerId: string }, port: { id: string }, code: string) {
    const [row] = await db
      .insert(options)
      .values({
        customerId: hub.customerId,
        contractId: hub.id,
        code,
        kind: 'napt',
        portId: port.id,
        attributes: { sessions: 60_000 },
        status: 'active',
        billingStartDate: '2026-10-24',
      })
      .returning();
    return row!;
  }

  async function optionsOf(contractId: string) {
    return db.select().from(options).where(eq(options.contractId, contractId)).orderBy(options.createdAt, options.code);
  }

  it('a public port with its NAPT add-ons is one application: one review, one confirm, one key; accepted and billed as one', async () => {
    const { actor, hub } = await hubOf('1101');
    const parsed = flows.add.parse({
      contractId: hub.id,
      kind: 'cloud_port',
      cloudType: 'A_PUBLIC',
      speed: '1G',
      cloudAccountId: '123456789012',
      cloudConnectionKey: 'dxcon-napt',
      conditions: ALL_CONDITIONS,
      naptSessions: ['30000', '60000'],
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    const k = key();
    const input = { ...parsed.data, idempotencyKey: k };
    const before = (await optionsOf(hub.id)).length;

    const shown = await addOption(db, actor, input, review);
    expect(shown).toMatchObject({ ok: true, mode: 'review' });
    if (!shown.ok || shown.mode !== 'review') return;
    expect(shown.preview.fees.map((f) => [f.kind, f.item, f.initialYen, f.monthlyYen])).toEqual([
      ['cloud_port', 'A_PUBLIC:1G', 30_000, 60_000],
      ['napt', '30000', 10_000, 8_000],
      ['napt', '60000', 10_000, 16_000],
    ]);
    expect(shown.preview.totalInitialYen).toBe(50_000);
    // A port added with its NAPT is not running yet: nothing is interrupted.
    expect(shown.preview.interruptions).toEqual([]);
    expect((await optionsOf(hub.id)).length).toBe(before);

    const first = await addOption(db, actor, input, confirm);
    const again = await addOption(db, actor, input, confirm);
    expect(first).toMatchObject({ ok: true, mode: 'confirm', duplicate: false });
    expect(again).toMatchObject({ ok: true, mode: 'confirm', duplicate: true });
    const withKey = await db.select().from(applications).where(and(eq(applications.customerId, actor.customerId), eq(applications.idempotencyKey, k)));
    expect(withKey).toHaveLength(1);
    const application = withKey[0]!;
    expect(application.type).toBe('add_option');
    const rows = await optionsOf(hub.id);
    expect(rows.length).toBe(before + 3);
    const applied = readApplicationPayload(application.payload).optionIds;
    // Written in one transaction: ordered here by kind and size, as a screen groups them under their port.
    const bySize = (a: { kind: string; attributes: { sessions?: number } }, b: typeof a) =>
      a.kind.localeCompare(b.kind) || (a.attributes.sessions ?? 0) - (b.attributes.sessions ?? 0);
    const mine = rows.filter((r) => applied.includes(r.id)).sort(bySize);
    const port = mine.find((r) => r.kind === 'cloud_port')!;
    expect(mine.map((r) => [r.kind, r.status, r.attributes.sessions ?? null, r.portId])).toEqual([
      ['cloud_port', 'applied', null, null],
      ['napt', 'applied', 30_000, port.id],
      ['napt', 'applied', 60_000, port.id],
    ]);
    expect(first.ok && first.mode === 'confirm' && first.id).toBe(port.id);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'option.apply'), inArray(auditLog.targetId, applied)));
    expect(audits).toHaveLength(3);
    expect(audits.every((a) => (a.detail as { applicationId?: string }).applicationId === application.id)).toBe(true);

    // The operator accepts and completes it as one: three initial fees, one billing start.
    const accepted = await acceptApplication(db, olivia, { applicationId: application.id }, op);
    expect(accepted).toMatchObject({ ok: true });
    if (accepted.ok) expect(accepted.charges.map((c) => [c.optionId, c.amountYen]).sort()).toEqual(mine.map((r) => [r.id, r.kind === 'napt' ? 10_000 : 30_000]).sort());
    expect(await completeApplication(db, olivia, { applicationId: application.id, billingStartDate: '2026-11-25' }, op)).toMatchObject({ ok: true });
    const after = (await optionsOf(hub.id)).filter((r) => applied.includes(r.id));
    expect(after.map((r) => [r.status, r.billingStartDate])).toEqual(Array(3).fill(['active', '2026-11-25']));
    const owed = await db.select().from(charges).where(inArray(charges.optionId, applied));
    expect(owed).toHaveLength(3);
  });

  it('a public port alone is refused (R-NAPT-PER-PORT), on an existing contract and on a new one', async () => {
    const { actor, hub } = await hubOf('1102');
    const [portAlone] = publicPortWith([]);
    expect(rules(await addOption(db, actor, { contractId: hub.id, orders: [portAlone!], idempotencyKey: key() }, review))).toEqual(['R-NAPT-PER-PORT']);
    const before = await db.select({ n: count() }).from(options);
    expect(rules(await addOption(db, actor, { contractId: hub.id, orders: [portAlone!], idempotencyKey: key() }, confirm))).toEqual(['R-NAPT-PER-PORT']);
    expect(await db.select({ n: count() }).from(options)).toEqual(before);

    const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-1102-PL'));
    expect(rules(await applyForContract(db, actor, { closedNetworkId: plants!.id, orders: [portAlone!], idempotencyKey: key() }, review))).toEqual([
      'R-NAPT-PER-PORT',
    ]);
    // With its NAPT, the same new contract is accepted as one application.
    const applied = await applyForContract(db, actor, { closedNetworkId: plants!.id, orders: publicPortWith([120_000]), idempotencyKey: key() }, confirm);
    expect(applied).toMatchObject({ ok: true, mode: 'confirm', duplicate: false });
    if (!applied.ok || applied.mode !== 'confirm') return;
    const rows = (await optionsOf(applied.contractId)).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(rows.map((r) => [r.kind, r.portId === null ? null : r.portId === rows[0]!.id])).toEqual([
      ['cloud_port', null],
      ['napt', true],
    ]);
    expect(await acceptApplication(db, olivia, { applicationId: applied.id }, op)).toMatchObject({ ok: true });
  });

  it('the ninth NAPT on a port is refused while another port of the same contract still takes eight; only eligible ports are offered', async () => {
    const { actor, hub, port } = await hubOf('1103');
    const other = await freshHubCustomer(db, '1113', TODAY);
    expect((await naptPortChoices(db, actor.customerId, hub.id, TODAY)).map((c) => [c.code, c.naptCount, c.totalSessions])).toEqual([[port.code, 1, 30_000]]);
    expect(await naptPortChoices(db, other.customerId, hub.id, TODAY)).toEqual([]);

    // Seven more on the seeded port, as one application: eight, pending ones counted.
    const seven = Array.from({ length: 7 }, () => naptOn(port.id));
    expect(await addOption(db, actor, { contractId: hub.id, orders: seven, idempotencyKey: key() }, confirm)).toMatchObject({ ok: true });
    expect(rules(await addOption(db, actor, { contractId: hub.id, orders: [naptOn(port.id)], idempotencyKey: key() }, review))).toEqual([
      'R-ADDON-QUANTITY',
    ]);
    expect(await naptPortChoices(db, actor.customerId, hub.id, TODAY)).toEqual([]);

    // A second public port: nine NAPT with it are refused, seven then an eighth are not.
    expect(rules(await addOption(db, actor, { contractId: hub.id, orders: publicPortWith(Array(9).fill(30_000)), idempotencyKey: key() }, review))).toEqual([
      'R-ADDON-QUANTITY',
    ]);
    const second = await addOption(db, actor, { contractId: hub.id, orders: publicPortWith(Array(7).fill(30_000)), idempotencyKey: key() }, confirm);
    expect(second).toMatchObject({ ok: true, mode: 'confirm' });
    if (!second.ok || second.mode !== 'confirm') return;
    const choices = await naptPortChoices(db, actor.customerId, hub.id, TODAY);
    expect(choices.map((c) => [c.id, c.cloudType, c.speed, c.naptCount, c.totalSessions])).toEqual([[second.id, 'A_PUBLIC', '1G', 7, 210_000]]);
    expect(await addOption(db, actor, { contractId: hub.id, orders: [naptOn(second.id)], idempotencyKey: key() }, confirm)).toMatchObject({ ok: true });
    expect(rules(await addOption(db, actor, { contractId: hub.id, orders: [naptOn(second.id)], idempotencyKey: key() }, review))).toEqual([
      'R-ADDON-QUANTITY',
    ]);
    const napt = (await optionsOf(hub.id)).filter((r) => r.kind === 'napt');
    expect(napt.filter((r) => r.portId === port.id)).toHaveLength(8);
    expect(napt.filter((r) => r.portId === second.id)).toHaveLength(8);
    // A NAPT add-on without a port, or on a private or unknown one, is refused.
    expect(rules(await addOption(db, actor, { contractId: hub.id, orders: [{ option: { kind: 'napt', sessions: 30_000 } }], idempotencyKey: key() }, review))).toEqual([
      'R-NAPT-NEEDS-PUBLIC',
    ]);
  });

  it("cancelling a port's last NAPT add-on is refused (R-NAPT-PER-PORT), and nothing is written", async () => {
    const { actor, napt } = await hubOf('1104');
    const before = await db.select({ n: count() }).from(cancellationNotices);
    const outcome = await cancelOption(db, actor, { optionId: napt.id, idempotencyKey: key() }, confirm);
    expect(rules(outcome)).toEqual(['R-NAPT-PER-PORT']);
    expect(await db.select({ n: count() }).from(cancellationNotices)).toEqual(before);
    expect((await db.select().from(options).where(eq(options.id, napt.id)))[0]!.endsOn).toBeNull();
  });

  it('cancelling a public port ends its NAPT the same day at no charge; withdrawing the notice gives both back; the settle job ends both', async () => {
    const { actor, port, napt, byCode } = await hubOf('1105');
    const done = await cancelOption(db, actor, { optionId: port.id, idempotencyKey: key() }, confirm);
    expect(done).toMatchObject({ ok: true, mode: 'confirm', preview: { effectiveDate: '2026-12-24' } });
    if (!done.ok || done.mode !== 'confirm') return;
    expect((await byCode(2)).endsOn).toBe('2026-12-24');
    expect((await byCode(3)).endsOn).toBe('2026-12-24');
    const [notice] = await db.select().from(cancellationNotices).where(eq(cancellationNotices.id, done.id));
    expect(notice!.optionId).toBe(port.id);
    const summary = readCancellationSummary(notice!.summary);
    expect(summary?.ending.map((e) => [e.code, e.endsOn, e.endsWithPort ?? null, e.earlyTermination?.totalYen ?? null])).toEqual([
      [port.code, '2026-12-24', null, 19_354],
      [napt.code, '2026-12-24', port.code, null],
    ]);
    expect(summary?.totalEarlyTerminationYen).toBe(19_354);

    expect(await withdrawCancellation(db, actor, { noticeId: done.id }, confirm)).toMatchObject({ ok: true });
    expect((await byCode(2)).endsOn).toBeNull();
    expect((await byCode(3)).endsOn).toBeNull();

    // Sent again and left to take effect: the port and its NAPT end, only the port owes a charge.
    const again = await cancelOption(db, actor, { optionId: port.id, idempotencyKey: key() }, confirm);
    if (!again.ok || again.mode !== 'confirm') throw new Error(JSON.stringify(again));
    const settled = await settleEndedCancellations(db, new Date('2026-12-25T03:00:00Z'));
    const mine = settled.find((s) => s.noticeId === again.id);
    const expected = earlyTerminationFeeYen({ kind: 'cloud_port', monthlyFeeYen: 20_000, billingStartDate: '2026-10-24', terminationDate: '2026-12-24' });
    expect(mine?.charges).toEqual([{ optionId: port.id, amountYen: expected }]);
    expect([(await byCode(2)).status, (await byCode(3)).status]).toEqual(['ended', 'ended']);
  });

  it('a NAPT already ending earlier keeps its own day when its port is cancelled, and the summary says so', async () => {
    const { actor, hub, port, napt } = await hubOf('1110');
    const second = await secondNapt(hub, port, 'SH-O-101004');
    expect(await cancelOption(db, actor, { optionId: second.id, idempotencyKey: key() }, confirm)).toMatchObject({
      ok: true,
      preview: { effectiveDate: '2026-12-24' },
    });
    const portNotice = await cancelOption(db, actor, { optionId: port.id, requestedDate: '2027-01-31', idempotencyKey: key() }, confirm);
    expect(portNotice).toMatchObject({ ok: true, preview: { effectiveDate: '2027-01-31' } });
    if (!portNotice.ok || portNotice.mode !== 'confirm') return;
    const [notice] = await db.select().from(cancellationNotices).where(eq(cancellationNotices.id, portNotice.id));
    const summary = readCancellationSummary(notice!.summary);
    expect(summary?.ending.map((e) => [e.code, e.endsOn, e.endsWithPort ?? null, e.endsEarlier ?? false])).toEqual([
      [port.code, '2027-01-31', null, false],
      [napt.code, '2027-01-31', port.code, false],
      ['SH-O-101004', '2026-12-24', port.code, true],
    ]);
    // Operators see the port's notice with the NAPT that ends with it; the other has its own notice.
    const listed = (await listPendingCancellationsForStaff(db)).filter((n) => n.contractNumber === hub.contractNumber);
    expect(listed.map((n) => [n.option?.code, n.endingWithPort])).toEqual([
      ['SH-O-101004', []],
      [port.code, [napt.code]],
    ]);
    const rows = await optionsOf(hub.id);
    expect(rows.filter((o) => o.kind === 'napt').map((o) => [o.code, o.endsOn])).toEqual([
      [napt.code, '2027-01-31'],
      ['SH-O-101004', '2026-12-24'],
    ]);
  });

  it("two concurrent cancellations of a port's two NAPT add-ons: exactly one is accepted", async () => {
    const { actor, hub, port, napt } = await hubOf('1106');
    const second = await secondNapt(hub, port, 'SH-O-060604');
    const outcomes = await Promise.all([
      cancelOption(db, actor, { optionId: napt.id, idempotencyKey: key() }, confirm),
      cancelOption(db, actor, { optionId: second.id, idempotencyKey: key() }, confirm),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(rules(outcomes.find((o) => !o.ok)!)).toEqual(['R-NAPT-PER-PORT']);
    const pending = await db
      .select()
      .from(cancellationNotices)
      .where(and(eq(cancellationNotices.customerId, actor.customerId), eq(cancellationNotices.status, 'pending')));
    expect(pending).toHaveLength(1);
    const ending = (await optionsOf(hub.id)).filter((r) => r.kind === 'napt' && r.endsOn !== null);
    expect(ending).toHaveLength(1);
  });

  it('an add-NAPT review that takes a 1G port across 500,000 sessions shows the interruption; so do the operator and a cancellation back', async () => {
    const { actor, hub, port } = await hubOf('1107');
    await db.update(options).set({ attributes: { ...port.attributes, speed: '1G' } }).where(eq(options.id, port.id));

    const small = await addOption(db, actor, { contractId: hub.id, orders: [naptOn(port.id, 60_000)], idempotencyKey: key() }, review);
    expect(small).toMatchObject({ ok: true, preview: { interruptions: [] } });

    const input = { contractId: hub.id, orders: [naptOn(port.id, 480_000)], idempotencyKey: key() };
    const crossing = { portId: port.id, portCode: port.code, speed: '1G', sessionsBefore: 30_000, sessionsAfter: 510_000 };
    expect(await addOption(db, actor, input, review)).toMatchObject({ ok: true, mode: 'review', preview: { interruptions: [crossing] } });
    const done = await addOption(db, actor, input, confirm);
    if (!done.ok || done.mode !== 'confirm') throw new Error(JSON.stringify(done));
    // Kept with the application as the customer saw it, and on the operator's screen.
    const [application] = await db.select().from(applications).where(eq(applications.idempotencyKey, input.idempotencyKey));
    expect(readApplicationPayload(application!.payload).fees?.interruptions).toEqual([crossing]);
    const queue = await listApplicationQueueForStaff(db, TODAY);
    const item = queue.find((q) => q.id === application!.id);
    expect(item).toMatchObject({ source: 'application', interruptions: [crossing] });
    // The NAPT is added to a port the contract already holds: the queue still names that port.
    expect(item?.source === 'application' && item.options.map((o) => [o.kind, o.portCode])).toEqual([['napt', port.code]]);
    const others = queue.filter((q) => q.source === 'application' && q.id !== application!.id);
    expect(others.every((q) => q.source === 'application' && q.interruptions.length === 0)).toBe(true);

    expect(await acceptApplication(db, olivia, { applicationId: application!.id }, op)).toMatchObject({ ok: true });
    expect(await completeApplication(db, olivia, { applicationId: application!.id, billingStartDate: TODAY }, op)).toMatchObject({ ok: true });
    // Cancelling the large NAPT takes the port back below 500,000: the cancel review says so too.
    const back = await cancelOption(db, actor, { optionId: done.id, idempotencyKey: key() }, review);
    expect(back).toMatchObject({
      ok: true,
      preview: { interruptions: [{ ...crossing, sessionsBefore: 510_000, sessionsAfter: 30_000 }] },
    });
  });

  it('withdrawing a pending port-and-NAPT application withdraws all its options', async () => {
    const { actor, hub } = await hubOf('1108');
    const applied = await addOption(db, actor, { contractId: hub.id, orders: publicPortWith([30_000, 30_000]), idempotencyKey: key() }, confirm);
    if (!applied.ok || applied.mode !== 'confirm') throw new Error(JSON.stringify(applied));
    const [application] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.customerId, actor.customerId), eq(applications.status, 'submitted')));
    const ids = readApplicationPayload(application!.payload).optionIds;
    expect(ids).toHaveLength(3);
    expect(await withdrawApplication(db, actor, { kind: 'application', id: application!.id }, confirm)).toMatchObject({ ok: true });
    const rows = await db.select().from(options).where(inArray(options.id, ids));
    expect(rows.map((r) => r.status)).toEqual(['ended', 'ended', 'ended']);
    expect((await db.select().from(applications).where(eq(applications.id, application!.id)))[0]!.status).toBe('withdrawn');
  });

  it('a pending port is neither withdrawn nor rejected from under a NAPT applied for on it separately: that one goes first', async () => {
    const { actor, hub } = await hubOf('1109');
    const first = await addOption(db, actor, { contractId: hub.id, orders: publicPortWith([30_000]), idempotencyKey: key() }, confirm);
    if (!first.ok || first.mode !== 'confirm') throw new Error(JSON.stringify(first));
    const submitted = async () =>
      db
        .select()
        .from(applications)
        .where(and(eq(applications.customerId, actor.customerId), eq(applications.status, 'submitted')));
    const [portApplication] = await submitted();
    const [pendingPortId, pendingNaptId] = readApplicationPayload(portApplication!.payload).optionIds;
    // The pending port is offered for a NAPT of its own application.
    expect((await naptPortChoices(db, actor.customerId, hub.id, TODAY)).map((c) => c.id)).toContain(pendingPortId);
    const second = await addOption(db, actor, { contractId: hub.id, orders: [naptOn(pendingPortId!)], idempotencyKey: key() }, confirm);
    expect(second).toMatchObject({ ok: true, mode: 'confirm' });
    const naptApplication = (await submitted()).find((a) => a.id !== portApplication!.id);
    const [laterNaptId] = readApplicationPayload(naptApplication!.payload).optionIds;
    const statuses = async () =>
      (await db.select().from(options).where(inArray(options.id, [pendingPortId!, pendingNaptId!, laterNaptId!])).orderBy(options.createdAt, options.code)).map(
        (o) => o.status,
      );

    // Neither the customer nor an operator may take the port away from the later NAPT.
    const withdrawn = await withdrawApplication(db, actor, { kind: 'application', id: portApplication!.id }, confirm);
    expect(rules(withdrawn)).toEqual(['R-NAPT-NEEDS-PUBLIC']);
    const rejected = await rejectApplication(db, olivia, { applicationId: portApplication!.id, reason: 'No capacity at this site' }, op);
    expect(rejected.ok ? [] : rejected.kind === 'violations' ? rejected.violations.map((v) => v.rule) : [rejected.kind]).toEqual(['R-NAPT-NEEDS-PUBLIC']);
    expect(await statuses()).toEqual(['applied', 'applied', 'applied']);
    expect((await submitted()).map((a) => a.id).sort()).toEqual([portApplication!.id, naptApplication!.id].sort());

    // The later NAPT rejected first, the port's application may go.
    expect(await rejectApplication(db, olivia, { applicationId: naptApplication!.id, reason: 'Its port is not available' }, op)).toMatchObject({ ok: true });
    expect(await withdrawApplication(db, actor, { kind: 'application', id: portApplication!.id }, confirm)).toMatchObject({ ok: true });
    expect(await statuses()).toEqual(['ended', 'ended', 'ended']);
    expect(await submitted()).toEqual([]);
  });

  it("the demo customer's NAPT add-on sits on its M2 public port", async () => {
    const rows = await db.select().from(options).where(and(eq(options.customerId, alice.customerId), like(options.code, 'SH-O-0001%')));
    const port = rows.find((r) => r.code === 'SH-O-000102');
    expect(rows.find((r) => r.code === 'SH-O-000103')?.portId).toBe(port?.id);
  });
});
