import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import {
  applications,
  auditLog,
  cancellationNotices,
  changeRequests,
  closedNetworks,
  customerUsers,
  options,
  pbbContracts,
  smarthubContracts,
} from '@/db/schema';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import type { CustomerActor } from '@/lib/auth/access';
import {
  addOption,
  applyForContract,
  cancelContract,
  cancelOption,
  requestOptionChange,
  updateCloudInfo,
  withdrawApplication,
  withdrawCancellation,
  type Ctx,
  type OptionOrder,
  type Outcome,
} from '@/lib/contracts/services';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

// Seeded "today" is 2026-11-24 in Japan: the on-premises port started billing 2026-09-24,
// the M2 public port and the NAPT add-on 2026-10-24.
const NOW = new Date('2026-11-24T03:00:00Z');
const review: Ctx = { now: NOW, mode: 'review' };
const confirm: Ctx = { now: NOW, mode: 'confirm' };
let keySeq = 0;
const key = () => `test-key-${++keySeq}`;

const ALL_CONDITIONS = ['operator_terms', 'cloud_side_setup', 'disclose_cloud_info', 'cloud_support_elsewhere'];
const privatePort: OptionOrder = {
  option: { kind: 'cloud_port', cloudType: 'A_PRIVATE', speed: '1G' },
  cloudAccountId: '123456789012',
  cloudConnectionKey: 'dxcon-abc123',
  cloudConditions: ALL_CONDITIONS,
};
const onpremPort: OptionOrder = {
  option: { kind: 'onprem_port', line: 'optical', speed: '1G' },
  dataCentre: 'Osaka DC2',
  rack: 'B01',
};

async function actorOf(db: Db, email: string): Promise<CustomerActor> {
  const [u] = await db.select().from(customerUsers).where(eq(customerUsers.email, email));
  if (!u) throw new Error(email);
  return {
    kind: 'customer',
    userId: u.id,
    customerId: u.customerId,
    role: u.role,
    name: u.name,
    email: u.email,
    canWrite: u.role === 'admin',
  };
}

function rules(outcome: Outcome<unknown>): string[] {
  return outcome.ok ? [] : outcome.kind === 'violations' ? outcome.violations.map((v) => v.rule).sort() : [outcome.kind];
}

async function optionByCode(db: Db, code: string) {
  const [row] = await db.select().from(options).where(eq(options.code, code));
  if (!row) throw new Error(code);
  return row;
}

async function acmeContract(db: Db) {
  const [row] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, 'SH-000101'));
  return row!;
}

/** Row counts of everything a customer action writes: "nothing changed" compares these. */
async function footprint(db: Db) {
  const [a] = await db.select({ n: count() }).from(applications);
  const [c] = await db.select({ n: count() }).from(changeRequests);
  const [k] = await db.select({ n: count() }).from(cancellationNotices);
  const [o] = await db.select({ n: count() }).from(options);
  const [s] = await db.select({ n: count() }).from(smarthubContracts);
  const [l] = await db.select({ n: count() }).from(auditLog);
  const ends = await db.select({ id: options.id, endsOn: options.endsOn, attributes: options.attributes }).from(options);
  return { a: a?.n, c: c?.n, k: k?.n, o: o?.n, s: s?.n, l: l?.n, ends: JSON.stringify(ends.sort((x, y) => x.id.localeCompare(y.id))) };
}

describe.each(targets)('customer actions on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let victor: CustomerActor;
  let grace: CustomerActor;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    alice = await actorOf(db, DEMO_USERS.alice);
    victor = await actorOf(db, DEMO_USERS.victor);
    grace = await actorOf(db, DEMO_USERS.grace);
  });
  afterAll(async () => open?.close());

  describe('happy paths', () => {
    it('applies for a Smart HUB contract with a port, showing the fees first, and lands once for a double submit', async () => {
      const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
      const input = { closedNetworkId: plants!.id, orders: [onpremPort], idempotencyKey: key() };
      const preview = await applyForContract(db, alice, input, review);
      expect(preview).toMatchObject({ ok: true, mode: 'review' });
      if (!preview.ok || preview.mode !== 'review') return;
      expect(preview.preview.fees.map((f) => [f.kind, f.initialYen, f.monthlyYen, f.minimumTermMonths])).toEqual([
        ['basic', 50_000, 100_000, null],
        ['onprem_port', 30_000, 40_000, 3],
      ]);
      expect(preview.preview.fees[1]!.taxOnMonthlyYen).toBe(4_000);
      expect(await db.select().from(smarthubContracts).where(eq(smarthubContracts.closedNetworkId, plants!.id))).toHaveLength(0);

      const first = await applyForContract(db, alice, input, confirm);
      const second = await applyForContract(db, alice, input, confirm);
      expect(first).toMatchObject({ ok: true, mode: 'confirm', duplicate: false });
      expect(second).toMatchObject({ ok: true, mode: 'confirm', duplicate: true });
      const contracts = await db.select().from(smarthubContracts).where(eq(smarthubContracts.closedNetworkId, plants!.id));
      expect(contracts).toHaveLength(1);
      expect(contracts[0]!.status).toBe('applied');
      const opts = await db.select().from(options).where(eq(options.contractId, contracts[0]!.id));
      expect(opts.map((o) => [o.kind, o.status, o.attributes.dataCentre])).toEqual([['onprem_port', 'applied', 'Osaka DC2']]);
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'contract.apply'), eq(auditLog.targetId, contracts[0]!.id)));
      expect(audit).toMatchObject({ actorId: alice.userId, customerId: alice.customerId });

      // A pending application's options count as held: a firewall may follow a pending private port.
      const privateApplied = await addOption(db, alice, { contractId: contracts[0]!.id, orders: [privatePort], idempotencyKey: key() }, confirm);
      expect(privateApplied).toMatchObject({ ok: true });
      const fw = await addOption(
        db,
        alice,
        { contractId: contracts[0]!.id, orders: [{ option: { kind: 'firewall', sessions: 500_000 } }], idempotencyKey: key() },
        review,
      );
      expect(fw).toMatchObject({ ok: true, mode: 'review' });
    });

    it('withdraws a new contract application before acceptance, freeing the closed network', async () => {
      const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
      const [application] = await db
        .select()
        .from(applications)
        .where(and(eq(applications.closedNetworkId, plants!.id), eq(applications.type, 'new_contract')));
      const outcome = await withdrawApplication(db, alice, { kind: 'application', id: application!.id }, confirm);
      expect(outcome).toMatchObject({ ok: true });
      const [after] = await db.select().from(applications).where(eq(applications.id, application!.id));
      expect(after!.status).toBe('withdrawn');
      const [contract] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.id, application!.contractId!));
      expect(contract!.status).toBe('ended');
      const again = await applyForContract(db, alice, { closedNetworkId: plants!.id, orders: [onpremPort], idempotencyKey: key() }, review);
      expect(again).toMatchObject({ ok: true });
      // Withdrawn twice: refused with a clear reason.
      expect(await withdrawApplication(db, alice, { kind: 'application', id: application!.id }, confirm)).toMatchObject({
        ok: false,
        kind: 'refused',
        reason: 'not_withdrawable',
      });
    });

    it('upgrades the M2 public port, showing the new monthly fee; a second request waits for the first', async () => {
      const m2 = await optionByCode(db, 'SH-O-000102');
      const preview = await requestOptionChange(db, alice, { optionId: m2.id, to: '1G', idempotencyKey: key() }, review);
      expect(preview).toMatchObject({
        ok: true,
        preview: { type: 'change_speed', from: '100M', to: '1G', monthlyBeforeYen: 20_000, monthlyAfterYen: 60_000, oneTimeYen: 0 },
      });
      const done = await requestOptionChange(db, alice, { optionId: m2.id, to: '1G', idempotencyKey: key() }, confirm);
      expect(done).toMatchObject({ ok: true, mode: 'confirm' });
      const requests = await db.select().from(changeRequests).where(eq(changeRequests.optionId, m2.id));
      expect(requests.map((r) => [r.type, r.status])).toEqual([['change_speed', 'submitted']]);
      expect(await requestOptionChange(db, alice, { optionId: m2.id, to: '500M', idempotencyKey: key() }, review)).toMatchObject({
        ok: false,
        reason: 'pending_change',
      });
      // Withdrawing the change request lets a new one be made.
      expect(await withdrawApplication(db, alice, { kind: 'change', id: requests[0]!.id }, confirm)).toMatchObject({ ok: true });
      expect(await requestOptionChange(db, alice, { optionId: m2.id, to: '500M', idempotencyKey: key() }, review)).toMatchObject({
        ok: true,
      });
    });

    it('changes a PBB expansion item with the one-time item change fee', async () => {
      const contract = await acmeContract(db);
      const added = await addOption(
        db,
        alice,
        { contractId: contract.id, orders: [{ option: { kind: 'pbb_expansion', speed: '5G' } }], idempotencyKey: key() },
        confirm,
      );
      expect(added).toMatchObject({ ok: true });
      const [pbbx] = await db.select().from(options).where(and(eq(options.contractId, contract.id), eq(options.kind, 'pbb_expansion')));
      const preview = await requestOptionChange(db, alice, { optionId: pbbx!.id, to: '10G', idempotencyKey: key() }, review);
      expect(preview).toMatchObject({
        ok: true,
        preview: { type: 'change_item', from: '5G', to: '10G', oneTimeYen: 10_000, taxOnOneTimeYen: 1_000, monthlyAfterYen: 120_000 },
      });
    });

    it('updates the disclosed cloud information and records the edit', async () => {
      const m2 = await optionByCode(db, 'SH-O-000102');
      const outcome = await updateCloudInfo(
        db,
        alice,
        { optionId: m2.id, cloudAccountId: 'new-subscription-id', cloudConnectionKey: 'new-key' },
        confirm,
      );
      expect(outcome).toMatchObject({ ok: true });
      expect((await optionByCode(db, 'SH-O-000102')).attributes).toMatchObject({
        cloudAccountId: 'new-subscription-id',
        cloudConnectionKey: 'new-key',
        speed: '100M',
      });
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'option.cloud_info'), eq(auditLog.targetId, m2.id)));
      expect(audit!.detail).toMatchObject({
        before: { cloudAccountId: '3f2b9c1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b' },
        after: { cloudAccountId: 'new-subscription-id' },
      });
      const onprem = await optionByCode(db, 'SH-O-000101');
      expect(await updateCloudInfo(db, alice, { optionId: onprem.id, cloudAccountId: 'x', cloudConnectionKey: 'y' }, confirm)).toMatchObject({
        ok: false,
        reason: 'not_cloud_port',
      });
    });
  });

  describe('cancellations', () => {
    it("refuses to cancel a port's only NAPT add-on (R-NAPT-PER-PORT); the port may go, its NAPT with it", async () => {
      const napt = await optionByCode(db, 'SH-O-000103');
      const m2 = await optionByCode(db, 'SH-O-000102');
      expect(napt.portId).toBe(m2.id);
      expect(rules(await cancelOption(db, alice, { optionId: napt.id, idempotencyKey: key() }, review))).toEqual(['R-NAPT-PER-PORT']);
      const port = await cancelOption(db, alice, { optionId: m2.id, idempotencyKey: key() }, review);
      expect(port).toMatchObject({ ok: true, mode: 'review' });
      if (!port.ok || port.mode !== 'review') return;
      expect(port.preview.ending.map((e) => [e.code, e.endsOn, e.endsWithPort ?? null, e.earlyTermination])).toEqual([
        ['SH-O-000102', '2026-12-24', null, expect.anything()],
        ['SH-O-000103', '2026-12-24', 'SH-O-000102', null],
      ]);
      // A second NAPT add-on on the port (60,000 sessions, billing with the first): now one of them may go.
      await db.insert(options).values({
        customerId: alice.customerId,
        contractId: m2.contractId,
        code: 'SH-O-000104',
        kind: 'napt',
        portId: m2.id,
        attributes: { sessions: 60_000 },
        status: 'active',
        billingStartDate: '2026-10-24',
      });
    });

    it('cancels an option: dates, the early termination charge, "ending on", and an idempotent double submit', async () => {
      const napt = await optionByCode(db, 'SH-O-000103');
      const m2 = await optionByCode(db, 'SH-O-000102');
      const k = key();
      const naptDone = await cancelOption(db, alice, { optionId: napt.id, idempotencyKey: k }, confirm);
      expect(naptDone).toMatchObject({
        ok: true,
        preview: { noticeDate: '2026-11-24', earliestDate: '2026-12-24', effectiveDate: '2026-12-24', totalEarlyTerminationYen: 0 },
      });
      expect(await cancelOption(db, alice, { optionId: napt.id, idempotencyKey: k }, confirm)).toMatchObject({ ok: true, duplicate: true });
      expect((await optionByCode(db, 'SH-O-000103')).endsOn).toBe('2026-12-24');
      // Cancelled again with a new notice: already ending.
      expect(rules(await cancelOption(db, alice, { optionId: napt.id, idempotencyKey: key() }, review))).toEqual(['R-ALREADY-ENDING']);

      // The M2 port may now end with the NAPT add-on; billing started 2026-10-24, so its minimum
      // period runs to 2027-01-23: 7/31 of December and 23/31 of January at ¥20,000 a month.
      const m2Preview = await cancelOption(db, alice, { optionId: m2.id, idempotencyKey: key() }, review);
      expect(m2Preview).toMatchObject({ ok: true });
      if (!m2Preview.ok || m2Preview.mode !== 'review') return;
      expect(m2Preview.preview.ending[0]).toMatchObject({
        minimumTermLastDay: '2027-01-23',
        monthlyFeeYen: 20_000,
        earlyTermination: {
          totalYen: 19_354,
          months: [
            { month: '2026-12', days: 7, daysInMonth: 31 },
            { month: '2027-01', days: 23, daysInMonth: 31 },
          ],
        },
      });
      // The review names the cheapest end date: the last day of that period, which owes nothing.
      expect(m2Preview.preview.cheapest).toEqual({ date: '2027-01-23', totalEarlyTerminationYen: 0, savesYen: 19_354 });
      // A later requested date is the effective date when it is later than arrival + 30 days.
      const later = await cancelOption(db, alice, { optionId: m2.id, requestedDate: '2027-01-23', idempotencyKey: key() }, review);
      expect(later).toMatchObject({ ok: true, preview: { effectiveDate: '2027-01-23', totalEarlyTerminationYen: 0 } });
      if (later.ok) expect(later.preview?.cheapest).toBeUndefined();
      // But not beyond the NAPT add-on's needs? It ends earlier, so that is fine; an earlier
      // requested date than arrival + 30 days yields arrival + 30 days.
      const early = await cancelOption(db, alice, { optionId: m2.id, requestedDate: '2026-12-01', idempotencyKey: key() }, review);
      expect(early).toMatchObject({ ok: true, preview: { requestedDate: '2026-12-01', effectiveDate: '2026-12-24' } });
    });

    it('refuses a requested date in the past or more than 365 days ahead', async () => {
      const onprem = await optionByCode(db, 'SH-O-000101');
      expect(await cancelOption(db, alice, { optionId: onprem.id, requestedDate: '2026-11-23', idempotencyKey: key() }, review)).toMatchObject({
        ok: false,
        reason: 'date_in_past',
      });
      expect(await cancelOption(db, alice, { optionId: onprem.id, requestedDate: '2027-11-25', idempotencyKey: key() }, review)).toMatchObject({
        ok: false,
        reason: 'date_too_far',
      });
    });

    it('cancels the whole contract: every option ends on its date, a second notice is refused, and it can be withdrawn', async () => {
      const contract = await acmeContract(db);
      const before = await db.select().from(options).where(eq(options.contractId, contract.id));
      const outcome = await cancelContract(db, alice, { contractId: contract.id, requestedDate: '2027-01-10', idempotencyKey: key() }, confirm);
      expect(outcome).toMatchObject({ ok: true, preview: { effectiveDate: '2027-01-10' } });
      if (!outcome.ok || outcome.mode !== 'confirm') return;
      expect((await acmeContract(db)).endsOn).toBe('2027-01-10');
      const after = await db.select().from(options).where(eq(options.contractId, contract.id));
      const napt = after.find((o) => o.code === 'SH-O-000103');
      expect(napt!.endsOn).toBe('2026-12-24'); // already ending earlier: keeps its own day
      expect(after.find((o) => o.code === 'SH-O-000101')!.endsOn).toBe('2027-01-10');
      expect(rules(await cancelContract(db, alice, { contractId: contract.id, idempotencyKey: key() }, review))).toEqual(['R-ALREADY-ENDING']);

      expect(await withdrawCancellation(db, alice, { noticeId: outcome.id }, confirm)).toMatchObject({ ok: true });
      const restored = await db.select().from(options).where(eq(options.contractId, contract.id));
      expect(restored.find((o) => o.code === 'SH-O-000101')!.endsOn).toBeNull();
      expect(restored.find((o) => o.code === 'SH-O-000103')!.endsOn).toBe('2026-12-24');
      expect((await acmeContract(db)).endsOn).toBeNull();
      expect(before.length).toBe(after.length);
      // Withdrawing it again: refused.
      expect(await withdrawCancellation(db, alice, { noticeId: outcome.id }, confirm)).toMatchObject({ reason: 'not_withdrawable' });
    });

    it('refuses withdrawing a cancellation on or after its effective date', async () => {
      const napt = await optionByCode(db, 'SH-O-000103');
      const [notice] = await db.select().from(cancellationNotices).where(and(eq(cancellationNotices.optionId, napt.id), eq(cancellationNotices.status, 'pending')));
      const onTheDay: Ctx = { now: new Date('2026-12-24T01:00:00Z'), mode: 'confirm' };
      expect(await withdrawCancellation(db, alice, { noticeId: notice!.id }, onTheDay)).toMatchObject({ reason: 'not_withdrawable' });
      expect(await withdrawCancellation(db, alice, { noticeId: notice!.id }, confirm)).toMatchObject({ ok: true });
      expect((await optionByCode(db, 'SH-O-000103')).endsOn).toBeNull();
    });

    it('refuses cancelling the last port (R-PORT-REQUIRED) and offers the contract instead', async () => {
      const onprem = await optionByCode(db, 'SH-O-000101');
      const napt = await optionByCode(db, 'SH-O-000103');
      const m2 = await optionByCode(db, 'SH-O-000102');
      expect(await cancelOption(db, alice, { optionId: napt.id, idempotencyKey: key() }, confirm)).toMatchObject({ ok: true });
      expect(await cancelOption(db, alice, { optionId: onprem.id, idempotencyKey: key() }, confirm)).toMatchObject({ ok: true });
      expect(rules(await cancelOption(db, alice, { optionId: m2.id, idempotencyKey: key() }, review))).toEqual(['R-PORT-REQUIRED']);
    });
  });

  describe('rule violations carry their rule IDs', () => {
    it('R-ONE-PER-NETWORK, R-PORT-REQUIRED and R-CATALOG on a new contract', async () => {
      const contract = await acmeContract(db);
      const dup = await applyForContract(db, alice, { closedNetworkId: contract.closedNetworkId, orders: [onpremPort], idempotencyKey: key() }, review);
      expect(rules(dup)).toEqual(['R-ONE-PER-NETWORK']);
      const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
      const noPort = await applyForContract(
        db,
        alice,
        { closedNetworkId: plants!.id, orders: [{ option: { kind: 'static_nat' } }], idempotencyKey: key() },
        review,
      );
      expect(rules(noPort)).toEqual(['R-PORT-REQUIRED', 'R-SNAT-NEEDS-PUBLIC']);
      const badSpeed = await applyForContract(
        db,
        alice,
        { closedNetworkId: plants!.id, orders: [{ option: { kind: 'onprem_port', line: 'optical', speed: '2G' } }], idempotencyKey: key() },
        review,
      );
      expect(rules(badSpeed)).toEqual(['R-CATALOG']);
    });

    it('R-NAPT-NEEDS-PUBLIC, R-SNAT-NEEDS-PUBLIC, R-FW-NEEDS-PRIVATE, R-CLOUD-CONDITIONS when adding', async () => {
      const [globexHub] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, 'SH-000202'));
      const add = (order: OptionOrder) => addOption(db, grace, { contractId: globexHub!.id, orders: [order], idempotencyKey: key() }, review);
      expect(rules(await add({ option: { kind: 'napt', sessions: 30_000 } }))).toEqual(['R-NAPT-NEEDS-PUBLIC']);
      expect(rules(await add({ option: { kind: 'static_nat' } }))).toEqual(['R-SNAT-NEEDS-PUBLIC']);
      expect(rules(await add({ option: { kind: 'firewall', sessions: 500_000 } }))).toEqual(['R-FW-NEEDS-PRIVATE']);
      expect(rules(await add({ ...privatePort, cloudConditions: ['operator_terms'] }))).toEqual(['R-CLOUD-CONDITIONS']);
      expect(rules(await add({ ...privatePort, cloudAccountId: undefined }))).toEqual(['R-CLOUD-CONDITIONS']);
    });

    it('R-ADDON-QUANTITY: at most one firewall-sized item (PBB expansion) per contract', async () => {
      const contract = await acmeContract(db);
      const outcome = await addOption(
        db,
        alice,
        { contractId: contract.id, orders: [{ option: { kind: 'pbb_expansion', speed: '10G' } }], idempotencyKey: key() },
        review,
      );
      expect(rules(outcome)).toEqual(['R-ADDON-QUANTITY']);
    });

    it('R-M2-UPGRADE-ONLY and R-ITEM-CHANGE on changes', async () => {
      const m2 = await optionByCode(db, 'SH-O-000102');
      const onprem = await optionByCode(db, 'SH-O-000101');
      const napt = await optionByCode(db, 'SH-O-000103');
      expect(rules(await requestOptionChange(db, alice, { optionId: m2.id, to: '2G', idempotencyKey: key() }, review))).toEqual([
        'R-M2-UPGRADE-ONLY',
      ]);
      expect(rules(await requestOptionChange(db, alice, { optionId: onprem.id, to: '10G', idempotencyKey: key() }, review))).toEqual([
        'R-M2-UPGRADE-ONLY',
      ]);
      expect(rules(await requestOptionChange(db, alice, { optionId: napt.id, to: '60000', idempotencyKey: key() }, review))).toEqual([
        'R-ITEM-CHANGE',
      ]);
    });

    it('R-ELIG-PBB: no application without an active Private Backbone contract', async () => {
      await db.update(pbbContracts).set({ status: 'ended', endedOn: '2026-11-01' }).where(eq(pbbContracts.customerId, grace.customerId));
      const [globexHub] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, 'SH-000202'));
      const outcome = await addOption(db, grace, { contractId: globexHub!.id, orders: [onpremPort], idempotencyKey: key() }, review);
      expect(rules(outcome)).toEqual(['R-ELIG-PBB']);
      await db.update(pbbContracts).set({ status: 'active', endedOn: null }).where(eq(pbbContracts.customerId, grace.customerId));
    });

    it('R-UNKNOWN-OPTION: an option that has ended is no longer held', async () => {
      const [globexPort] = await db.select().from(options).where(eq(options.code, 'SH-O-000201'));
      const ended = await db
        .insert(options)
        .values({ customerId: grace.customerId, contractId: globexPort!.contractId, code: 'SH-O-ENDED', kind: 'static_nat', status: 'ended' })
        .returning();
      expect(rules(await cancelOption(db, grace, { optionId: ended[0]!.id, idempotencyKey: key() }, review))).toEqual(['R-UNKNOWN-OPTION']);
    });
  });

  describe('who may act', () => {
    it("another customer's contract or option id is not found, and nothing changes", async () => {
      const contract = await acmeContract(db);
      const m2 = await optionByCode(db, 'SH-O-000102');
      const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
      const [notice] = await db.select().from(cancellationNotices).where(eq(cancellationNotices.customerId, alice.customerId));
      const [application] = await db.select().from(applications).where(eq(applications.customerId, alice.customerId));
      const [change] = await db.select().from(changeRequests).where(eq(changeRequests.customerId, alice.customerId));
      const before = await footprint(db);
      const attempts = [
        applyForContract(db, grace, { closedNetworkId: plants!.id, orders: [onpremPort], idempotencyKey: key() }, confirm),
        addOption(db, grace, { contractId: contract.id, orders: [onpremPort], idempotencyKey: key() }, confirm),
        requestOptionChange(db, grace, { optionId: m2.id, to: '1G', idempotencyKey: key() }, confirm),
        cancelOption(db, grace, { optionId: m2.id, idempotencyKey: key() }, confirm),
        cancelContract(db, grace, { contractId: contract.id, idempotencyKey: key() }, confirm),
        withdrawApplication(db, grace, { kind: 'application', id: application!.id }, confirm),
        withdrawApplication(db, grace, { kind: 'change', id: change!.id }, confirm),
        withdrawCancellation(db, grace, { noticeId: notice!.id }, confirm),
        updateCloudInfo(db, grace, { optionId: m2.id, cloudAccountId: 'stolen', cloudConnectionKey: 'stolen' }, confirm),
      ];
      for (const outcome of await Promise.all(attempts)) expect(outcome).toEqual({ ok: false, kind: 'not_found' });
      expect(await footprint(db)).toEqual(before);
    });

    it('a viewer is refused every change, and nothing changes', async () => {
      const contract = await acmeContract(db);
      const m2 = await optionByCode(db, 'SH-O-000102');
      const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
      const before = await footprint(db);
      const attempts = [
        applyForContract(db, victor, { closedNetworkId: plants!.id, orders: [onpremPort], idempotencyKey: key() }, confirm),
        addOption(db, victor, { contractId: contract.id, orders: [onpremPort], idempotencyKey: key() }, confirm),
        requestOptionChange(db, victor, { optionId: m2.id, to: '1G', idempotencyKey: key() }, confirm),
        cancelOption(db, victor, { optionId: m2.id, idempotencyKey: key() }, confirm),
        cancelContract(db, victor, { contractId: contract.id, idempotencyKey: key() }, confirm),
        withdrawApplication(db, victor, { kind: 'application', id: m2.id }, confirm),
        withdrawCancellation(db, victor, { noticeId: m2.id }, confirm),
        updateCloudInfo(db, victor, { optionId: m2.id, cloudAccountId: 'x', cloudConnectionKey: 'y' }, confirm),
      ];
      for (const outcome of await Promise.all(attempts)) expect(outcome).toEqual({ ok: false, kind: 'refused', reason: 'read_only', preview: undefined });
      expect(await footprint(db)).toEqual(before);
    });
  });

  describe('concurrency', () => {
    it('20 concurrent identical cancellations leave exactly one notice', async () => {
      const [globexPort] = await db.select().from(options).where(eq(options.code, 'SH-O-000201'));
      // Globex needs a second port so its first may be cancelled.
      await db.insert(options).values({
        customerId: grace.customerId,
        contractId: globexPort!.contractId,
        code: 'SH-O-000202',
        kind: 'onprem_port',
        attributes: { line: 'optical', speed: '1G' },
        status: 'active',
        billingStartDate: '2025-12-01',
      });
      const k = key();
      const sameKey = await Promise.all(
        Array.from({ length: 20 }, () => cancelOption(db, grace, { optionId: globexPort!.id, idempotencyKey: k }, confirm)),
      );
      expect(sameKey.every((o) => o.ok)).toBe(true);
      expect(sameKey.filter((o) => o.ok && o.mode === 'confirm' && !o.duplicate)).toHaveLength(1);
      const notices = await db.select().from(cancellationNotices).where(eq(cancellationNotices.optionId, globexPort!.id));
      expect(notices).toHaveLength(1);
      await withdrawCancellation(db, grace, { noticeId: notices[0]!.id }, confirm);

      // 20 separate submissions (different keys): one notice, the rest already ending.
      const distinct = await Promise.all(
        Array.from({ length: 20 }, () => cancelOption(db, grace, { optionId: globexPort!.id, idempotencyKey: key() }, confirm)),
      );
      expect(distinct.filter((o) => o.ok)).toHaveLength(1);
      expect(distinct.filter((o) => !o.ok).every((o) => rules(o).join() === 'R-ALREADY-ENDING')).toBe(true);
      const pending = await db
        .select()
        .from(cancellationNotices)
        .where(and(eq(cancellationNotices.optionId, globexPort!.id), eq(cancellationNotices.status, 'pending')));
      expect(pending).toHaveLength(1);
      await withdrawCancellation(db, grace, { noticeId: pending[0]!.id }, confirm);
    });

    it('two concurrent cancellations of the last two ports: only one is accepted', async () => {
      const [a] = await db.select().from(options).where(eq(options.code, 'SH-O-000201'));
      const [b] = await db.select().from(options).where(eq(options.code, 'SH-O-000202'));
      const [first, second] = await Promise.all([
        cancelOption(db, grace, { optionId: a!.id, idempotencyKey: key() }, confirm),
        cancelOption(db, grace, { optionId: b!.id, idempotencyKey: key() }, confirm),
      ]);
      const outcomes = [first!, second!];
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(rules(outcomes.find((o) => !o.ok)!)).toEqual(['R-PORT-REQUIRED']);
      const pending = await db
        .select()
        .from(cancellationNotices)
        .where(and(eq(cancellationNotices.customerId, grace.customerId), eq(cancellationNotices.status, 'pending')));
      expect(pending).toHaveLength(1);
    });
  });
});

// PGlite runs one transaction at a time, so a lock held by another transaction exists only on PostgreSQL.
describe.each(targets.filter((t) => t.name === 'postgres'))('reviews and the contract lock on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    alice = await actorOf(db, DEMO_USERS.alice);
  });
  afterAll(async () => open?.close());

  it('a review reads past a change in progress on the same contract; the confirm waits for it', async () => {
    const contract = await acmeContract(db);
    const port = await optionByCode(db, 'SH-O-000101');
    let release!: () => void;
    let taken!: () => void;
    const lockTaken = new Promise<void>((resolve) => (taken = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = db.transaction(async (tx) => {
      await tx.select().from(smarthubContracts).where(eq(smarthubContracts.id, contract.id)).for('update');
      taken();
      await held;
    });
    let confirming: Promise<Outcome<unknown>> | undefined;
    let confirmed = false;
    try {
      await lockTaken;
      // While another transaction holds the contract, the customer still sees the review.
      const preview = await cancelOption(db, alice, { optionId: port.id, idempotencyKey: key() }, review);
      expect(preview).toMatchObject({ ok: true, mode: 'review' });
      confirming = cancelOption(db, alice, { optionId: port.id, idempotencyKey: key() }, confirm).then((outcome) => {
        confirmed = true;
        return outcome;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(confirmed).toBe(false); // it cannot pass the lock while it is held
    } finally {
      release();
      await holder;
    }
    const outcome = await confirming;
    expect(outcome).toMatchObject({ ok: true, mode: 'confirm' });
    const [ending] = await db.select().from(options).where(eq(options.id, port.id));
    expect(ending?.endsOn).not.toBeNull();
  });
});
