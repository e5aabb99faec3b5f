import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import {
  applications,
  auditLog,
  cancellationNotices,
  changeRequests,
  charges,
  closedNetworks,
  options,
  outages,
  pbbContracts,
  prices,
  smarthubContracts,
} from '@/db/schema';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import type { Actor, CustomerActor, StaffActor } from '@/lib/auth/access';
import { acceptApplication, completeApplication, rejectApplication } from '@/lib/backoffice/applications';
import { acceptChangeRequest, completeChangeRequest, rejectChangeRequest } from '@/lib/backoffice/change-requests';
import { settleEndedCancellations } from '@/lib/backoffice/cancellations';
import { correctOutage, endOutage, recordOutage, type NewOutage, type OutageFacts } from '@/lib/backoffice/outages';
import { endPbbContract, recordPbbContract } from '@/lib/backoffice/pbb';
import { addPrice, type NewPrice } from '@/lib/backoffice/prices';
import { addPriceSchema, correctOutageSchema, endOutageSchema, japanDateTime, japanDateTimeInput, recordOutageSchema, rejectSchema } from '@/lib/backoffice/schemas';
import { fieldErrorsOf } from '@/lib/form-state';
import { pricesInForce } from '@/lib/billing/prices';
import {
  addOption,
  applyForContract,
  cancelOption,
  requestOptionChange,
  withdrawCancellation,
  type Ctx,
  type OptionOrder,
} from '@/lib/contracts/services';
import { earlyTerminationFeeYen, minimumTermLastDay } from '@/lib/rules';
import { customerActor, freshHubCustomer, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

// "Today" is 2026-11-24 in Japan (12:00 JST). Globex (grace) holds SH-000202 with one
// on-premises port; Acme (alice) SH-000101 with an on-premises, an M2 public 100M port and NAPT.
const NOW = new Date('2026-11-24T03:00:00Z');
const op = { now: NOW };
const confirm: Ctx = { now: NOW, mode: 'confirm' };
let keySeq = 0;
const key = () => `backoffice-key-${++keySeq}`;

const globexPort: OptionOrder = {
  option: { kind: 'onprem_port', line: 'individual', speed: '1G' },
  dataCentre: 'Osaka DC2',
  rack: 'B04',
};
const acmePort: OptionOrder = {
  option: { kind: 'onprem_port', line: 'optical', speed: '1G' },
  dataCentre: 'Tokyo DC1',
  rack: 'R13',
};

async function contractByNumber(db: Db, contractNumber: string) {
  const [row] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, contractNumber));
  if (!row) throw new Error(contractNumber);
  return row;
}

async function optionById(db: Db, id: string) {
  const [row] = await db.select().from(options).where(eq(options.id, id));
  if (!row) throw new Error(id);
  return row;
}

async function applicationOf(db: Db, optionId: string) {
  const rows = await db.select().from(applications);
  const row = rows.find((a) => ((a.payload as { optionIds?: string[] }).optionIds ?? []).includes(optionId));
  if (!row) throw new Error(`no application for ${optionId}`);
  return row;
}

/** Row counts of everything an operator writes: "nothing changed" compares these. */
async function footprint(db: Db) {
  const tables = [applications, changeRequests, cancellationNotices, charges, options, smarthubContracts, pbbContracts, prices, outages, auditLog];
  const counts = await Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0]?.n));
  const statuses = await db.select({ id: applications.id, status: applications.status }).from(applications);
  const optionStates = await db.select({ id: options.id, status: options.status, endsOn: options.endsOn, attributes: options.attributes }).from(options);
  return JSON.stringify({
    counts,
    statuses: statuses.sort((a, b) => a.id.localeCompare(b.id)),
    options: optionStates.sort((a, b) => a.id.localeCompare(b.id)),
  });
}

describe.each(targets)('operator back office on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let grace: CustomerActor;
  let olivia: StaffActor;
  let sam: StaffActor;
  let globexContractId: string;
  let acmeContractId: string;

  /** Grace applies for an on-premises port on SH-000202: the option and its application. */
  async function globexApplies() {
    const outcome = await addOption(db, grace, { contractId: globexContractId, orders: [globexPort], idempotencyKey: key() }, confirm);
    if (!outcome.ok || outcome.mode !== 'confirm') throw new Error(`apply failed: ${JSON.stringify(outcome)}`);
    return { optionId: outcome.id, application: await applicationOf(db, outcome.id) };
  }

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    alice = await customerActor(db, DEMO_USERS.alice);
    grace = await customerActor(db, DEMO_USERS.grace);
    olivia = await staffActor(db, DEMO_USERS.olivia);
    sam = await staffActor(db, DEMO_USERS.sam);
    globexContractId = (await contractByNumber(db, 'SH-000202')).id;
    acmeContractId = (await contractByNumber(db, 'SH-000101')).id;
    // Globex's own price for an individual 1G port, and a later one that does not apply yet.
    await db.insert(prices).values([
      { kind: 'onprem_port', item: 'individual:1G', customerId: grace.customerId, initialYen: 12_345, monthlyYen: 45_000, appliesFrom: '2026-01-01' },
      { kind: 'onprem_port', item: 'individual:1G', customerId: grace.customerId, initialYen: 99_999, monthlyYen: 99_000, appliesFrom: '2027-01-01' },
    ]);
  });
  afterAll(async () => open?.close());

  describe('applications queue', () => {
    it('accept: a new contract owes the basic and port initial fees of the price list, from the acceptance date', async () => {
      const [plants] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0101-PL'));
      const applied = await applyForContract(db, alice, { closedNetworkId: plants!.id, orders: [acmePort], idempotencyKey: key() }, confirm);
      if (!applied.ok || applied.mode !== 'confirm') throw new Error('apply failed');
      const outcome = await acceptApplication(db, olivia, { applicationId: applied.id }, op);
      expect(outcome).toMatchObject({ ok: true });

      const [application] = await db.select().from(applications).where(eq(applications.id, applied.id));
      expect(application).toMatchObject({ status: 'accepted', decidedBy: olivia.userId });
      const [contract] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.id, applied.contractId));
      expect(contract!.status).toBe('accepted');
      const [port] = await db.select().from(options).where(eq(options.contractId, applied.contractId));
      expect(port!.status).toBe('accepted');

      const owed = await db.select().from(charges).where(eq(charges.contractId, applied.contractId));
      expect(owed.map((c) => [c.kind, c.sourceType, c.sourceId, c.amountYen, c.owedOn]).sort()).toEqual(
        [
          ['initial', 'application', `${applied.id}:basic`, 50_000, '2026-11-24'],
          ['initial', 'application', `${applied.id}:${port!.id}`, 30_000, '2026-11-24'],
        ].sort(),
      );
      expect(owed.every((c) => c.customerId === alice.customerId)).toBe(true);
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'application.accept'), eq(auditLog.targetId, applied.id)));
      expect(audit).toMatchObject({ actorType: 'staff_user', actorId: olivia.userId, customerId: alice.customerId });
    });

    it("accept: the customer's own price in force on the acceptance date is the one owed", async () => {
      const { optionId, application } = await globexApplies();
      expect(await acceptApplication(db, olivia, { applicationId: application.id }, op)).toMatchObject({
        ok: true,
        charges: [{ kind: 'initial', optionId, amountYen: 12_345 }],
      });
      const owed = await db.select().from(charges).where(eq(charges.optionId, optionId));
      expect(owed.map((c) => c.amountYen)).toEqual([12_345]);
    });

    it('accept twice: the second is refused and the initial fee is owed once', async () => {
      const { optionId, application } = await globexApplies();
      expect(await acceptApplication(db, olivia, { applicationId: application.id }, op)).toMatchObject({ ok: true });
      const before = await footprint(db);
      const again = await Promise.all([
        acceptApplication(db, olivia, { applicationId: application.id }, op),
        acceptApplication(db, olivia, { applicationId: application.id }, op),
      ]);
      expect(again).toEqual([
        { ok: false, kind: 'refused', reason: 'not_submitted' },
        { ok: false, kind: 'refused', reason: 'not_submitted' },
      ]);
      expect(await footprint(db)).toBe(before);
      expect(await db.select().from(charges).where(eq(charges.optionId, optionId))).toHaveLength(1);
    });

    it('accept: two operators at once — one accepts, the other is told it was already decided', async () => {
      const { optionId, application } = await globexApplies();
      const both = await Promise.all([
        acceptApplication(db, olivia, { applicationId: application.id }, op),
        acceptApplication(db, olivia, { applicationId: application.id }, op),
      ]);
      expect(both.filter((o) => o.ok)).toHaveLength(1);
      expect(both.filter((o) => !o.ok)).toEqual([{ ok: false, kind: 'refused', reason: 'not_submitted' }]);
      expect(await db.select().from(charges).where(eq(charges.optionId, optionId))).toHaveLength(1);
    });

    it('reject: the customer sees the reason, the port applied for ends, and nothing is owed', async () => {
      const { optionId, application } = await globexApplies();
      const reason = 'Rack B04 has no free 1G port; please choose another rack.';
      expect(await rejectApplication(db, olivia, { applicationId: application.id, reason }, op)).toMatchObject({ ok: true });
      const [after] = await db.select().from(applications).where(eq(applications.id, application.id));
      expect(after).toMatchObject({ status: 'rejected', decisionReason: reason, decidedBy: olivia.userId });
      expect((await optionById(db, optionId)).status).toBe('ended');
      expect(await db.select().from(charges).where(eq(charges.optionId, optionId))).toHaveLength(0);
      // Decided already: neither a second rejection nor an acceptance.
      expect(await rejectApplication(db, olivia, { applicationId: application.id, reason }, op)).toMatchObject({ reason: 'not_submitted' });
      expect(await acceptApplication(db, olivia, { applicationId: application.id }, op)).toMatchObject({ reason: 'not_submitted' });
    });

    it('reject: a rejected new contract ends with its options and frees the closed network', async () => {
      const initech = await freshHubCustomer(db, '0404');
      const [network] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0404-PL'));
      const applied = await applyForContract(db, initech, { closedNetworkId: network!.id, orders: [acmePort], idempotencyKey: key() }, confirm);
      if (!applied.ok || applied.mode !== 'confirm') throw new Error('apply failed');
      expect(await rejectApplication(db, olivia, { applicationId: applied.id, reason: 'No capacity at this site.' }, op)).toMatchObject({ ok: true });
      const [contract] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.id, applied.contractId));
      expect(contract!.status).toBe('ended');
      expect((await db.select().from(options).where(eq(options.contractId, applied.contractId))).map((o) => o.status)).toEqual(['ended']);
      // The network is free again: a new application is judged as any other.
      expect(
        await applyForContract(db, initech, { closedNetworkId: network!.id, orders: [acmePort], idempotencyKey: key() }, { now: NOW, mode: 'review' }),
      ).toMatchObject({ ok: true });
    });

    it('accept: an option on a contract still only applied for waits until the contract is accepted', async () => {
      const hooli = await freshHubCustomer(db, '0909');
      const [network] = await db.select().from(closedNetworks).where(eq(closedNetworks.networkCode, 'CN-0909-PL'));
      const applied = await applyForContract(db, hooli, { closedNetworkId: network!.id, orders: [acmePort], idempotencyKey: key() }, confirm);
      if (!applied.ok || applied.mode !== 'confirm') throw new Error('apply failed');
      const added = await addOption(db, hooli, { contractId: applied.contractId, orders: [acmePort], idempotencyKey: key() }, confirm);
      if (!added.ok || added.mode !== 'confirm') throw new Error('add failed');
      const addApplication = await applicationOf(db, added.id);
      expect(await acceptApplication(db, olivia, { applicationId: addApplication.id }, op)).toMatchObject({ reason: 'contract_not_accepted' });
      expect(await acceptApplication(db, olivia, { applicationId: applied.id }, op)).toMatchObject({ ok: true });
      expect(await acceptApplication(db, olivia, { applicationId: addApplication.id }, op)).toMatchObject({ ok: true });
    });

    it('reject: a reason is required (the form says so) and nothing changes without one', () => {
      const parsed = rejectSchema.safeParse({ source: 'application', id: crypto.randomUUID(), reason: '   ' });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toEqual({ reason: 'required' });
    });

    it('complete: the port is active from the billing start date; its minimum use period ends three months later', async () => {
      const { optionId, application } = await globexApplies();
      // Not accepted yet: cannot be completed.
      expect(await completeApplication(db, olivia, { applicationId: application.id, billingStartDate: '2026-12-01' }, op)).toMatchObject({
        reason: 'not_accepted',
      });
      expect(await acceptApplication(db, olivia, { applicationId: application.id }, op)).toMatchObject({ ok: true });
      // Billing cannot start before the acceptance.
      expect(await completeApplication(db, olivia, { applicationId: application.id, billingStartDate: '2026-11-23' }, op)).toMatchObject({
        reason: 'billing_before_acceptance',
      });
      const done = await completeApplication(db, olivia, { applicationId: application.id, billingStartDate: '2026-12-01' }, op);
      expect(done).toMatchObject({ ok: true });
      const option = await optionById(db, optionId);
      expect(option).toMatchObject({ status: 'active', billingStartDate: '2026-12-01', endsOn: null });
      expect(minimumTermLastDay(option.kind, option.billingStartDate!)).toBe('2027-02-28');
      if (done.ok) expect(Object.values(done.minimumTermLastDays)).toEqual(['2027-02-28']);
      const [after] = await db.select().from(applications).where(eq(applications.id, application.id));
      expect(after!.status).toBe('completed');
      // Completed once only.
      expect(await completeApplication(db, olivia, { applicationId: application.id, billingStartDate: '2026-12-01' }, op)).toMatchObject({
        reason: 'not_accepted',
      });
    });

    it('complete: a new contract becomes active with its billing start date', async () => {
      const [application] = await db
        .select()
        .from(applications)
        .where(and(eq(applications.customerId, alice.customerId), eq(applications.type, 'new_contract'), eq(applications.status, 'accepted')));
      expect(await completeApplication(db, olivia, { applicationId: application!.id, billingStartDate: '2026-11-25' }, op)).toMatchObject({ ok: true });
      const [contract] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.id, application!.contractId!));
      expect(contract).toMatchObject({ status: 'active', billingStartDate: '2026-11-25' });
      const [port] = await db.select().from(options).where(eq(options.contractId, contract!.id));
      expect(port).toMatchObject({ status: 'active', billingStartDate: '2026-11-25' });
    });

    it('accept: an application the terms no longer allow is refused with the rule (R-ELIG-PBB)', async () => {
      const initech = await freshHubCustomer(db, '0505');
      const hub = await contractByNumber(db, 'SH-000505');
      const applied = await addOption(db, initech, { contractId: hub.id, orders: [acmePort], idempotencyKey: key() }, confirm);
      if (!applied.ok || applied.mode !== 'confirm') throw new Error('apply failed');
      const application = await applicationOf(db, applied.id);
      await db.update(pbbContracts).set({ status: 'ended', endedOn: '2026-11-20' }).where(eq(pbbContracts.customerId, initech.customerId));
      const before = await footprint(db);
      const outcome = await acceptApplication(db, olivia, { applicationId: application.id }, op);
      expect(outcome).toMatchObject({ ok: false, kind: 'violations', violations: [{ rule: 'R-ELIG-PBB' }] });
      expect(await footprint(db)).toBe(before);
    });
  });

  describe('change requests', () => {
    it('an M2 upgrade: accepting owes no fee, completing changes the interface', async () => {
      const [m2] = await db.select().from(options).where(eq(options.code, 'SH-O-000102'));
      const requested = await requestOptionChange(db, alice, { optionId: m2!.id, to: '500M', idempotencyKey: key() }, confirm);
      if (!requested.ok || requested.mode !== 'confirm') throw new Error('request failed');
      expect(await completeChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({ reason: 'not_accepted' });
      expect(await acceptChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({ ok: true, charges: [] });
      expect(await db.select().from(charges).where(eq(charges.sourceType, 'change_request'))).toHaveLength(0);
      expect(await acceptChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({ reason: 'not_submitted' });
      expect(await completeChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({ ok: true });
      expect((await optionById(db, m2!.id)).attributes).toMatchObject({ speed: '500M', cloudType: 'M2_PUBLIC' });
      const [request] = await db.select().from(changeRequests).where(eq(changeRequests.id, requested.id));
      expect(request!.status).toBe('completed');
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'change.complete'), eq(auditLog.targetId, requested.id)));
      expect(audit).toMatchObject({ actorId: olivia.userId, customerId: alice.customerId, detail: { from: '100M', to: '500M' } });
    });

    it('a PBB expansion item change: accepting owes the item change fee, completing changes the item', async () => {
      const added = await addOption(db, alice, { contractId: acmeContractId, orders: [{ option: { kind: 'pbb_expansion', speed: '5G' } }], idempotencyKey: key() }, confirm);
      if (!added.ok || added.mode !== 'confirm') throw new Error('add failed');
      const application = await applicationOf(db, added.id);
      expect(await acceptApplication(db, olivia, { applicationId: application.id }, op)).toMatchObject({ ok: true, charges: [{ amountYen: 20_000 }] });
      expect(await completeApplication(db, olivia, { applicationId: application.id, billingStartDate: '2026-11-24' }, op)).toMatchObject({ ok: true });

      const requested = await requestOptionChange(db, alice, { optionId: added.id, to: '10G', idempotencyKey: key() }, confirm);
      if (!requested.ok || requested.mode !== 'confirm') throw new Error('request failed');
      expect(await acceptChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({
        ok: true,
        charges: [{ kind: 'one_time', amountYen: 10_000 }],
      });
      const owed = await db.select().from(charges).where(and(eq(charges.optionId, added.id), eq(charges.kind, 'one_time')));
      expect(owed.map((c) => [c.amountYen, c.owedOn, c.sourceType, c.sourceId])).toEqual([[10_000, '2026-11-24', 'change_request', `${requested.id}:${added.id}`]]);
      expect(await completeChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({ ok: true });
      expect((await optionById(db, added.id)).attributes).toEqual({ speed: '10G' });
    });

    it('reject: the change request is closed with the reason and the option is unchanged', async () => {
      const [m2] = await db.select().from(options).where(eq(options.code, 'SH-O-000102'));
      const requested = await requestOptionChange(db, alice, { optionId: m2!.id, to: '1G', idempotencyKey: key() }, confirm);
      if (!requested.ok || requested.mode !== 'confirm') throw new Error('request failed');
      const reason = 'The peering location is at capacity until March.';
      expect(await rejectChangeRequest(db, olivia, { changeRequestId: requested.id, reason }, op)).toMatchObject({ ok: true });
      const [request] = await db.select().from(changeRequests).where(eq(changeRequests.id, requested.id));
      expect(request).toMatchObject({ status: 'rejected', decisionReason: reason });
      expect((await optionById(db, m2!.id)).attributes.speed).toBe('500M');
      expect(await acceptChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({ reason: 'not_submitted' });
    });

    it('a stored request whose target is not a catalog item is refused with R-CATALOG, and can still be rejected', async () => {
      const [m2] = await db.select().from(options).where(eq(options.code, 'SH-O-000102'));
      const requested = await requestOptionChange(db, alice, { optionId: m2!.id, to: '1G', idempotencyKey: key() }, confirm);
      if (!requested.ok || requested.mode !== 'confirm') throw new Error('request failed');
      // The shape of a request saved before targets were kept, naming a size the catalog lacks.
      const legacy = { type: 'change_speed', from: '500M', to: '700M', monthlyBeforeYen: 0, monthlyAfterYen: 0, oneTimeYen: 0, taxOnOneTimeYen: 0 };
      await db.execute(sql`UPDATE change_requests SET payload = ${JSON.stringify(legacy)}::jsonb WHERE id = ${requested.id}`);
      const before = await footprint(db);
      expect(await acceptChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({
        ok: false,
        kind: 'violations',
        violations: [{ rule: 'R-CATALOG' }],
      });
      expect(await footprint(db)).toBe(before);
      expect(await rejectChangeRequest(db, olivia, { changeRequestId: requested.id, reason: 'Not a size we sell.' }, op)).toMatchObject({ ok: true });
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'change.reject'), eq(auditLog.targetId, requested.id)));
      expect(audit?.detail).toMatchObject({ from: '500M', to: '700M' });
      expect((await optionById(db, m2!.id)).attributes.speed).toBe('500M');
    });
  });

  describe('cancellations', () => {
    it('settle: after the effective date the notice is effective, the port ended and its early termination charge owed — twice gives the same rows', async () => {
      const { optionId, application } = await globexApplies();
      await acceptApplication(db, olivia, { applicationId: application.id }, op);
      await completeApplication(db, olivia, { applicationId: application.id, billingStartDate: '2026-11-24' }, op);
      const cancelled = await cancelOption(db, grace, { optionId, idempotencyKey: key() }, confirm);
      if (!cancelled.ok || cancelled.mode !== 'confirm') throw new Error('cancel failed');
      expect(cancelled.preview?.effectiveDate).toBe('2026-12-24');

      // Not yet: the effective date is the last day of service.
      expect(await settleEndedCancellations(db, new Date('2026-12-24T14:59:00Z'))).toEqual([]);
      const dayAfter = new Date('2026-12-25T03:00:00Z');
      const settled = await settleEndedCancellations(db, dayAfter);
      // Globex's own monthly ¥45,000; billing from 2026-11-24, so the minimum period runs to
      // 2027-02-23: 7/31 of December, all of January, 23/28 of February.
      const expected = earlyTerminationFeeYen({ kind: 'onprem_port', monthlyFeeYen: 45_000, billingStartDate: '2026-11-24', terminationDate: '2026-12-24' });
      expect(expected).toBe(92_125);
      expect(settled).toEqual([{ noticeId: cancelled.id, customerId: grace.customerId, effectiveDate: '2026-12-24', charges: [{ optionId, amountYen: expected }] }]);
      const rowsAfterFirst = await db.select().from(charges).where(eq(charges.kind, 'early_termination'));

      expect(await settleEndedCancellations(db, dayAfter)).toEqual([]);
      expect(await db.select().from(charges).where(eq(charges.kind, 'early_termination'))).toEqual(rowsAfterFirst);
      const own = rowsAfterFirst.filter((c) => c.optionId === optionId);
      expect(own.map((c) => [c.amountYen, c.owedOn, c.sourceType, c.sourceId])).toEqual([[92_125, '2026-12-24', 'cancellation', `${cancelled.id}:${optionId}`]]);
      const [notice] = await db.select().from(cancellationNotices).where(eq(cancellationNotices.id, cancelled.id));
      expect(notice!.status).toBe('effective');
      expect((await optionById(db, optionId)).status).toBe('ended');
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'cancellation.effective'), eq(auditLog.targetId, optionId)));
      expect(audit).toMatchObject({ actorType: 'system', customerId: grace.customerId });
    });

    it('settle: a port past its minimum use period owes nothing', async () => {
      const [acmeOnprem] = await db.select().from(options).where(eq(options.code, 'SH-O-000101'));
      const cancelled = await cancelOption(db, alice, { optionId: acmeOnprem!.id, idempotencyKey: key() }, confirm);
      if (!cancelled.ok || cancelled.mode !== 'confirm') throw new Error('cancel failed');
      const settled = await settleEndedCancellations(db, new Date('2026-12-26T00:00:00Z'));
      expect(settled).toEqual([{ noticeId: cancelled.id, customerId: alice.customerId, effectiveDate: '2026-12-24', charges: [] }]);
      expect((await optionById(db, acmeOnprem!.id)).status).toBe('ended');
    });
  });

  describe('designated-service contracts', () => {
    it('records a new Private Backbone contract for a customer; a taken number or unknown customer is refused', async () => {
      const outcome = await recordPbbContract(db, olivia, { customerCode: 'C-000202', contractNumber: 'PBB-0202-02', startedOn: '2026-12-01' }, op);
      expect(outcome).toMatchObject({ ok: true });
      const [row] = await db.select().from(pbbContracts).where(eq(pbbContracts.contractNumber, 'PBB-0202-02'));
      expect(row).toMatchObject({ customerId: grace.customerId, status: 'active', startedOn: '2026-12-01' });
      const before = await footprint(db);
      expect(await recordPbbContract(db, olivia, { customerCode: 'C-000101', contractNumber: 'PBB-0202-02', startedOn: '2026-12-01' }, op)).toMatchObject({
        reason: 'duplicate_contract_number',
      });
      expect(await recordPbbContract(db, olivia, { customerCode: 'C-999999', contractNumber: 'PBB-X', startedOn: '2026-12-01' }, op)).toMatchObject({
        reason: 'unknown_customer',
      });
      expect(await footprint(db)).toBe(before);
    });

    it("the last one ending ends every Smart HUB contract of the customer that day, with early termination charges (R-PBB-ENDS)", async () => {
      const initech = await freshHubCustomer(db, '0303');
      const hub = await contractByNumber(db, 'SH-000303');
      const byCode = async (code: string) => (await db.select().from(options).where(eq(options.code, code)))[0]!;
      // The NAPT add-on already ends earlier, on 2026-12-24, by its own notice: it keeps that day.
      // (A second NAPT add-on on the same port lets it go: a port never runs without one.)
      const napt = await byCode('SH-O-030303');
      await db.insert(options).values({
        customerId: initech.customerId,
        contractId: hub.id,
        code: 'SH-O-030304',
        kind: 'napt',
        portId: napt.portId,
        attributes: { sessions: 60_000 },
        status: 'active',
        billingStartDate: '2026-10-24',
      });
      expect(await cancelOption(db, initech, { optionId: napt.id, idempotencyKey: key() }, confirm)).toMatchObject({ ok: true });
      const pbbs = await db.select().from(pbbContracts).where(eq(pbbContracts.customerId, initech.customerId)).orderBy(pbbContracts.contractNumber);

      // Not the last one: the Smart HUB contract runs on.
      expect(await endPbbContract(db, olivia, { pbbContractId: pbbs[0]!.id, endedOn: '2026-12-31', confirmLast: false }, op)).toMatchObject({
        ok: true,
        lastEnded: false,
        endedHubs: [],
      });
      expect((await contractByNumber(db, 'SH-000303')).endsOn).toBeNull();
      // Ending twice, or before it started: refused.
      expect(await endPbbContract(db, olivia, { pbbContractId: pbbs[0]!.id, endedOn: '2026-12-31', confirmLast: true }, op)).toMatchObject({
        reason: 'pbb_not_active',
      });
      expect(await endPbbContract(db, olivia, { pbbContractId: pbbs[1]!.id, endedOn: '2024-12-31', confirmLast: true }, op)).toMatchObject({
        reason: 'end_before_start',
      });
      // The last one: the operator must confirm what it does.
      const before = await footprint(db);
      expect(await endPbbContract(db, olivia, { pbbContractId: pbbs[1]!.id, endedOn: '2027-01-10', confirmLast: false }, op)).toMatchObject({
        reason: 'confirm_last_pbb',
      });
      expect(await footprint(db)).toBe(before);

      const ended = await endPbbContract(db, olivia, { pbbContractId: pbbs[1]!.id, endedOn: '2027-01-10', confirmLast: true }, op);
      expect(ended).toMatchObject({ ok: true, lastEnded: true });
      expect((await contractByNumber(db, 'SH-000303')).endsOn).toBe('2027-01-10');
      expect((await byCode('SH-O-030301')).endsOn).toBe('2027-01-10');
      expect((await byCode('SH-O-030302')).endsOn).toBe('2027-01-10');
      expect((await byCode('SH-O-030303')).endsOn).toBe('2026-12-24');
      expect((await byCode('SH-O-030304')).endsOn).toBe('2027-01-10');

      // On-premises port: billing from 2026-09-24, its minimum period ended 2026-12-23 — nothing owed.
      // M2 public 100M (¥20,000 a month) from 2026-10-24: 2027-01-11…23 is 13/31 of January.
      const m2Fee = earlyTerminationFeeYen({ kind: 'cloud_port', monthlyFeeYen: 20_000, billingStartDate: '2026-10-24', terminationDate: '2027-01-10' });
      expect(m2Fee).toBe(8_387);
      const owed = await db.select().from(charges).where(and(eq(charges.contractId, hub.id), eq(charges.kind, 'early_termination')));
      expect(owed.map((c) => [c.optionId, c.amountYen, c.owedOn, c.sourceType, c.sourceId])).toEqual([
        [(await byCode('SH-O-030302')).id, m2Fee, '2027-01-10', 'pbb_end', `${pbbs[1]!.id}:${(await byCode('SH-O-030302')).id}`],
      ]);
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'contract.end_with_pbb'), eq(auditLog.targetId, hub.id)));
      expect(audit).toMatchObject({ actorId: olivia.userId, customerId: initech.customerId, detail: { rule: 'R-PBB-ENDS', effectiveDate: '2027-01-10' } });

      // The customer cannot keep the contract running by withdrawing the NAPT notice now.
      const [naptNotice] = await db
        .select()
        .from(cancellationNotices)
        .where(and(eq(cancellationNotices.optionId, napt.id), eq(cancellationNotices.status, 'pending')));
      expect(await withdrawCancellation(db, initech, { noticeId: naptNotice!.id }, confirm)).toMatchObject({ reason: 'not_withdrawable' });

      // Settling the NAPT notice later changes nothing of the PBB end, and charges nothing twice.
      await settleEndedCancellations(db, new Date('2027-01-12T00:00:00Z'));
      expect(await db.select().from(charges).where(and(eq(charges.contractId, hub.id), eq(charges.kind, 'early_termination')))).toHaveLength(1);
    });
  });

  describe('price list', () => {
    const base: NewPrice = { kind: 'static_nat', item: '', initialYen: 6_000, monthlyYen: 3_500, oneTimeYen: 0, appliesFrom: '2027-04-01' };

    it('a negative, fractional or missing amount is refused by the form with a clear message', () => {
      const form = { priceItem: 'static_nat|', customerCode: '', initialYen: '-1', monthlyYen: '1.5', oneTimeYen: '', appliesFrom: '2027-02-30' };
      const parsed = addPriceSchema.safeParse(form);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toEqual({ initialYen: 'yen', monthlyYen: 'yen', appliesFrom: 'invalidDate' });
      const ok = addPriceSchema.safeParse({ ...form, initialYen: '6,000', monthlyYen: '3500', appliesFrom: '2027-04-01' });
      expect(ok).toMatchObject({ success: true, data: { kind: 'static_nat', item: '', initialYen: 6_000, monthlyYen: 3_500, oneTimeYen: 0 } });
    });

    it('refuses a negative amount, an unknown item, a past date or a double submit, and changes nothing', async () => {
      const before = await footprint(db);
      expect(await addPrice(db, olivia, { ...base, monthlyYen: -1 }, op)).toMatchObject({ reason: 'invalid_amount' });
      expect(await addPrice(db, olivia, { ...base, initialYen: 1.5 }, op)).toMatchObject({ reason: 'invalid_amount' });
      expect(await addPrice(db, olivia, { ...base, kind: 'napt', item: '12345' }, op)).toMatchObject({ reason: 'unknown_price_item' });
      expect(await addPrice(db, olivia, { ...base, appliesFrom: '2026-11-23' }, op)).toMatchObject({ reason: 'applies_from_past' });
      expect(await addPrice(db, olivia, { ...base, customerCode: 'C-999999' }, op)).toMatchObject({ reason: 'unknown_customer' });
      expect(await footprint(db)).toBe(before);
    });

    it('adds a price that applies from its date; earlier rows stay as history', async () => {
      expect(await addPrice(db, olivia, base, op)).toMatchObject({ ok: true });
      expect(await addPrice(db, olivia, base, op)).toMatchObject({ reason: 'duplicate_price' });
      const rows = await db.select().from(prices).where(eq(prices.kind, 'static_nat'));
      expect(rows.map((r) => [r.monthlyYen, r.appliesFrom]).sort()).toEqual([
        [3_000, '2024-01-01'],
        [3_500, '2027-04-01'],
      ]);
      expect((await pricesInForce(db, alice.customerId, '2027-03-31')).get('static_nat|')?.monthlyYen).toBe(3_000);
      expect((await pricesInForce(db, alice.customerId, '2027-04-01')).get('static_nat|')?.monthlyYen).toBe(3_500);
      // A per-customer price applies to that customer only.
      expect(await addPrice(db, olivia, { ...base, monthlyYen: 2_000, customerCode: 'C-000202' }, op)).toMatchObject({ ok: true });
      expect((await pricesInForce(db, grace.customerId, '2027-04-01')).get('static_nat|')?.monthlyYen).toBe(2_000);
      expect((await pricesInForce(db, alice.customerId, '2027-04-01')).get('static_nat|')?.monthlyYen).toBe(3_500);
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'price.add'));
      expect(audit).toMatchObject({ actorId: olivia.userId });
    });
  });

  describe('outages', () => {
    const at = (value: string) => japanDateTime(value)!;
    const outage: NewOutage = {
      contractNumber: 'SH-000202',
      startedAt: at('2026-11-20T10:00'),
      endedAt: at('2026-11-20T11:15'),
      detectedAt: at('2026-11-20T10:05'),
      notifiedAt: at('2026-11-20T10:20'),
      exclusionReason: null,
    };

    it('reads the form\'s times as Japan time and refuses an end before the start', () => {
      expect(at('2026-11-20T10:00').toISOString()).toBe('2026-11-20T01:00:00.000Z');
      const form = { contractNumber: 'sh-000202', startedAt: '2026-11-20T10:00', endedAt: '', detectedAt: '2026-11-20T25:00', notifiedAt: '', exclusionReason: 'bad' };
      const parsed = recordOutageSchema.safeParse(form);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toEqual({ detectedAt: 'invalidDateTime', exclusionReason: 'invalid' });
      expect(recordOutageSchema.safeParse({ ...form, detectedAt: '2026-11-20T10:05', exclusionReason: 'not_company_fault' })).toMatchObject({
        success: true,
        data: { contractNumber: 'SH-000202', endedAt: null, notifiedAt: null, exclusionReason: 'not_company_fault' },
      });
    });

    it('refuses times out of order, in the future, or an unknown contract, and changes nothing', async () => {
      const before = await footprint(db);
      expect(await recordOutage(db, olivia, { ...outage, endedAt: at('2026-11-20T09:59') }, op)).toMatchObject({ reason: 'outage_ends_before_start' });
      expect(await recordOutage(db, olivia, { ...outage, endedAt: outage.startedAt }, op)).toMatchObject({ reason: 'outage_ends_before_start' });
      expect(await recordOutage(db, olivia, { ...outage, detectedAt: at('2026-11-20T09:00') }, op)).toMatchObject({ reason: 'detected_before_start' });
      expect(await recordOutage(db, olivia, { ...outage, notifiedAt: at('2026-11-20T10:01') }, op)).toMatchObject({ reason: 'notified_before_detected' });
      expect(await recordOutage(db, olivia, { ...outage, endedAt: at('2026-11-25T10:00') }, op)).toMatchObject({ reason: 'in_future' });
      expect(await recordOutage(db, olivia, { ...outage, contractNumber: 'SH-999999' }, op)).toMatchObject({ reason: 'unknown_contract' });
      expect(await footprint(db)).toBe(before);
    });

    it('records an outage with its exclusion reason; the same outage twice is recorded once', async () => {
      expect(await recordOutage(db, olivia, { ...outage, exclusionReason: 'customer_breach' }, op)).toMatchObject({ ok: true });
      expect(await recordOutage(db, olivia, outage, op)).toMatchObject({ reason: 'duplicate_outage' });
      const rows = await db.select().from(outages).where(eq(outages.customerId, grace.customerId));
      expect(rows.map((r) => [r.startedAt.toISOString(), r.endedAt?.toISOString(), r.exclusionReason])).toEqual([
        ['2026-11-20T01:00:00.000Z', '2026-11-20T02:15:00.000Z', 'customer_breach'],
      ]);
      // An outage still going on has no end yet.
      expect(await recordOutage(db, olivia, { ...outage, startedAt: at('2026-11-24T11:00'), detectedAt: at('2026-11-24T11:01'), endedAt: null, notifiedAt: null }, op)).toMatchObject({ ok: true });
    });
  });

  describe('outage lifecycle: end and correct', () => {
    const at = (value: string) => japanDateTime(value)!;
    /** Records an outage of SH-000202 still in progress, starting at `start` (Japan time); its id. */
    async function inProgress(start: string, detected: string, extra: Partial<NewOutage> = {}) {
      const outcome = await recordOutage(
        db,
        olivia,
        { contractNumber: 'SH-000202', startedAt: at(start), endedAt: null, detectedAt: at(detected), notifiedAt: null, exclusionReason: null, ...extra },
        op,
      );
      if (!outcome.ok) throw new Error(JSON.stringify(outcome));
      return outcome.id;
    }
    const outageRow = async (id: string) => (await db.select().from(outages).where(eq(outages.id, id)))[0]!;
    const auditOf = (id: string, action: string) =>
      db.select().from(auditLog).where(and(eq(auditLog.targetId, id), eq(auditLog.action, action)));

    it('the forms read the outage id and Japan time; a prefilled value reads back to the same instant', () => {
      const outageId = crypto.randomUUID();
      expect(endOutageSchema.safeParse({ outageId, endedAt: '2026-11-21T08:30' })).toMatchObject({ success: true, data: { outageId, endedAt: at('2026-11-21T08:30') } });
      const bad = endOutageSchema.safeParse({ outageId: 'nope', endedAt: '' });
      expect(bad.success).toBe(false);
      if (!bad.success) expect(fieldErrorsOf(bad.error)).toEqual({ outageId: 'invalid', endedAt: 'required' });
      expect(
        correctOutageSchema.safeParse({ outageId, startedAt: '2026-11-21T08:00', endedAt: '', detectedAt: '2026-11-21T08:02', notifiedAt: '', exclusionReason: '' }),
      ).toMatchObject({ success: true, data: { endedAt: null, notifiedAt: null, exclusionReason: null } });
      for (const instant of [at('2026-11-21T08:00'), new Date('2026-11-20T23:59:30Z')]) {
        expect(japanDateTime(japanDateTimeInput(instant))).toEqual(instant);
      }
      expect(japanDateTimeInput(at('2026-11-21T08:00'))).toBe('2026-11-21T08:00');
    });

    it('end: an outage in progress gets its end, audited with the previous end and the new one', async () => {
      const id = await inProgress('2026-11-21T08:00', '2026-11-21T08:02');
      expect(await endOutage(db, olivia, { outageId: id, endedAt: at('2026-11-21T09:40') }, op)).toEqual({ ok: true, id });
      expect((await outageRow(id)).endedAt?.toISOString()).toBe('2026-11-21T00:40:00.000Z');
      const [audit] = await auditOf(id, 'outage.end');
      expect(audit).toMatchObject({ actorType: 'staff_user', actorId: olivia.userId, customerId: grace.customerId, targetType: 'outage' });
      expect(audit?.detail).toMatchObject({
        contractNumber: 'SH-000202',
        changed: ['endedAt'],
        previous: { endedAt: null, startedAt: '2026-11-20T23:00:00.000Z' },
        next: { endedAt: '2026-11-21T00:40:00.000Z', startedAt: '2026-11-20T23:00:00.000Z' },
      });
    });

    it('end: refused at or before the start, in the future, or once it has ended, and nothing is written', async () => {
      const id = await inProgress('2026-11-22T08:00', '2026-11-22T08:02');
      const ended = await inProgress('2026-11-22T12:00', '2026-11-22T12:01', { endedAt: at('2026-11-22T13:00') });
      const before = await footprint(db);
      const rowsBefore = JSON.stringify(await db.select().from(outages).orderBy(outages.id));
      expect(await endOutage(db, olivia, { outageId: id, endedAt: at('2026-11-22T08:00') }, op)).toMatchObject({ reason: 'outage_ends_before_start' });
      expect(await endOutage(db, olivia, { outageId: id, endedAt: at('2026-11-22T07:59') }, op)).toMatchObject({ reason: 'outage_ends_before_start' });
      expect(await endOutage(db, olivia, { outageId: id, endedAt: new Date(NOW.getTime() + 60_000) }, op)).toMatchObject({ reason: 'in_future' });
      expect(await endOutage(db, olivia, { outageId: ended, endedAt: at('2026-11-22T14:00') }, op)).toMatchObject({ reason: 'outage_already_ended' });
      expect(await footprint(db)).toBe(before);
      expect(JSON.stringify(await db.select().from(outages).orderBy(outages.id))).toBe(rowsBefore);
    });

    it('correct: every field may change; the audit row holds the previous values and the new ones', async () => {
      const id = await inProgress('2026-11-23T01:00', '2026-11-23T01:10', { notifiedAt: at('2026-11-23T01:20') });
      const corrected: OutageFacts = {
        startedAt: at('2026-11-23T00:55'),
        endedAt: at('2026-11-23T03:00'),
        detectedAt: at('2026-11-23T01:05'),
        notifiedAt: at('2026-11-23T01:50'),
        exclusionReason: 'not_company_fault',
      };
      expect(await correctOutage(db, olivia, { outageId: id, ...corrected }, op)).toEqual({ ok: true, id });
      expect(await outageRow(id)).toMatchObject(corrected);
      const [audit] = await auditOf(id, 'outage.correct');
      expect(audit?.detail).toEqual({
        contractNumber: 'SH-000202',
        changed: ['startedAt', 'endedAt', 'detectedAt', 'notifiedAt', 'exclusionReason'],
        previous: {
          startedAt: '2026-11-22T16:00:00.000Z',
          endedAt: null,
          detectedAt: '2026-11-22T16:10:00.000Z',
          notifiedAt: '2026-11-22T16:20:00.000Z',
          exclusionReason: null,
        },
        next: {
          startedAt: '2026-11-22T15:55:00.000Z',
          endedAt: '2026-11-22T18:00:00.000Z',
          detectedAt: '2026-11-22T16:05:00.000Z',
          notifiedAt: '2026-11-22T16:50:00.000Z',
          exclusionReason: 'not_company_fault',
        },
      });

      // The exclusion reason cleared again: only it changed, and the audit says so.
      expect(await correctOutage(db, olivia, { outageId: id, ...corrected, exclusionReason: null }, op)).toEqual({ ok: true, id });
      expect((await outageRow(id)).exclusionReason).toBeNull();
      const audits = await auditOf(id, 'outage.correct');
      expect(audits).toHaveLength(2);
      expect(audits.map((a) => (a.detail as { changed: string[] }).changed)).toContainEqual(['exclusionReason']);
      expect(audits.map((a) => (a.detail as { previous: { exclusionReason: unknown } }).previous.exclusionReason)).toContain('not_company_fault');
    });

    it('correct: a correction that changes nothing, or breaks the recording rules, is refused and nothing is written', async () => {
      const id = await inProgress('2026-11-23T05:00', '2026-11-23T05:03');
      const other = await inProgress('2026-11-23T06:00', '2026-11-23T06:01', { endedAt: at('2026-11-23T06:30') });
      const same: OutageFacts = { startedAt: at('2026-11-23T05:00'), endedAt: null, detectedAt: at('2026-11-23T05:03'), notifiedAt: null, exclusionReason: null };
      const before = await footprint(db);
      const rowsBefore = JSON.stringify(await db.select().from(outages).orderBy(outages.id));
      const correct = (patch: Partial<OutageFacts>) => correctOutage(db, olivia, { outageId: id, ...same, ...patch }, op);
      expect(await correct({})).toEqual({ ok: false, kind: 'refused', reason: 'outage_unchanged' });
      expect(await correct({ endedAt: at('2026-11-23T05:00') })).toMatchObject({ reason: 'outage_ends_before_start' });
      expect(await correct({ detectedAt: at('2026-11-23T04:59') })).toMatchObject({ reason: 'detected_before_start' });
      expect(await correct({ notifiedAt: at('2026-11-23T05:02') })).toMatchObject({ reason: 'notified_before_detected' });
      expect(await correct({ notifiedAt: new Date(NOW.getTime() + 1) })).toMatchObject({ reason: 'in_future' });
      // Moving it onto another outage of the same contract would record that outage twice.
      expect(await correct({ startedAt: at('2026-11-23T06:00'), detectedAt: at('2026-11-23T06:01') })).toMatchObject({ reason: 'duplicate_outage' });
      expect(await footprint(db)).toBe(before);
      expect(JSON.stringify(await db.select().from(outages).orderBy(outages.id))).toBe(rowsBefore);
      expect(other).not.toBe(id);
    });

    it('an unknown outage id is not found, for end and correct alike, and nothing is written', async () => {
      const before = await footprint(db);
      const outageId = crypto.randomUUID();
      expect(await endOutage(db, olivia, { outageId, endedAt: at('2026-11-23T10:00') }, op)).toEqual({ ok: false, kind: 'not_found' });
      expect(
        await correctOutage(
          db,
          olivia,
          { outageId, startedAt: at('2026-11-23T09:00'), endedAt: null, detectedAt: at('2026-11-23T09:00'), notifiedAt: null, exclusionReason: null },
          op,
        ),
      ).toEqual({ ok: false, kind: 'not_found' });
      expect(await footprint(db)).toBe(before);
    });
  });

  describe('who may', () => {
    it('support staff and customers are refused every operator service, and nothing changes', async () => {
      const [pending] = await db.select().from(applications).where(eq(applications.status, 'submitted'));
      const anyId = pending?.id ?? crypto.randomUUID();
      const [pbb] = await db.select().from(pbbContracts).where(eq(pbbContracts.status, 'active'));
      const [outage] = await db.select().from(outages).where(isNull(outages.endedAt));
      expect(outage).toBeDefined();
      const before = await footprint(db);
      for (const actor of [sam, alice] as Actor[]) {
        const outcomes = [
          await acceptApplication(db, actor, { applicationId: anyId }, op),
          await rejectApplication(db, actor, { applicationId: anyId, reason: 'no' }, op),
          await completeApplication(db, actor, { applicationId: anyId, billingStartDate: '2026-12-01' }, op),
          await acceptChangeRequest(db, actor, { changeRequestId: anyId }, op),
          await rejectChangeRequest(db, actor, { changeRequestId: anyId, reason: 'no' }, op),
          await completeChangeRequest(db, actor, { changeRequestId: anyId }, op),
          await recordPbbContract(db, actor, { customerCode: 'C-000202', contractNumber: 'PBB-NOPE', startedOn: '2026-12-01' }, op),
          await endPbbContract(db, actor, { pbbContractId: pbb!.id, endedOn: '2026-12-31', confirmLast: true }, op),
          await addPrice(db, actor, { kind: 'basic', item: '', initialYen: 1, monthlyYen: 1, oneTimeYen: 0, appliesFrom: '2027-01-01' }, op),
          await recordOutage(db, actor, { contractNumber: 'SH-000202', startedAt: NOW, endedAt: null, detectedAt: NOW, notifiedAt: null, exclusionReason: null }, op),
          await endOutage(db, actor, { outageId: outage!.id, endedAt: NOW }, op),
          await correctOutage(db, actor, { outageId: outage!.id, startedAt: NOW, endedAt: null, detectedAt: NOW, notifiedAt: null, exclusionReason: 'customer_breach' }, op),
        ];
        for (const outcome of outcomes) expect(outcome).toEqual({ ok: false, kind: 'refused', reason: 'forbidden' });
      }
      expect(await footprint(db)).toBe(before);
    });
  });
});
