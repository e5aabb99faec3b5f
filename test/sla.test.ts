import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { auditLog, creditClaims, outages, smarthubContracts } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';
import { recordOutage, type NewOutage } from '@/lib/backoffice/outages';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { claimQueue, decideClaim } from '@/lib/backoffice/claims';
import { claimCredit } from '@/lib/sla/claims';
import { getSlaPage } from '@/lib/sla/queries';
import { customerActor, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

// Seeded "today" is 2026-11-24 in Japan; the basic monthly fee is ¥100,000.
const NOW = new Date('2026-11-24T03:00:00Z');
const at = (local: string) => new Date(`${local}:00+09:00`);
const on = (local: string) => ({ now: at(local), mode: 'confirm' as const });

async function contractId(db: Db, contractNumber: string): Promise<string> {
  const [row] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, contractNumber));
  if (!row) throw new Error(contractNumber);
  return row.id;
}

async function claimCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(creditClaims);
  return row?.n ?? 0;
}

describe.each(targets)('SLA credits and claims on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let victor: CustomerActor;
  let grace: CustomerActor;
  let olivia: StaffActor;
  let acme: string;

  /** Records an outage on Acme's contract as an operator would; returns its id. */
  async function outage(input: Partial<NewOutage> & Pick<NewOutage, 'startedAt'>): Promise<string> {
    const result = await recordOutage(
      db,
      olivia,
      { contractNumber: 'SH-000101', endedAt: null, detectedAt: input.startedAt, notifiedAt: input.startedAt, exclusionReason: null, ...input },
      { now: NOW },
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.id;
  }

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    alice = await customerActor(db, DEMO_USERS.alice);
    victor = await customerActor(db, DEMO_USERS.victor);
    grace = await customerActor(db, DEMO_USERS.grace);
    olivia = await staffActor(db, DEMO_USERS.olivia);
    acme = await contractId(db, 'SH-000101');
  });
  afterAll(async () => {
    await open.close();
  });

  it('shows each outage with its band, reduction, late notification and last day to claim', async () => {
    const id = await outage({
      startedAt: at('2026-11-01T10:00'),
      endedAt: at('2026-11-01T12:00'), // 2 h: 1/30 of ¥100,000
      detectedAt: at('2026-11-01T10:05'),
      notifiedAt: at('2026-11-01T11:00'), // 55 min after detection: late
    });
    const page = await getSlaPage(db, { contractId: acme, customerId: alice.customerId, now: NOW });
    const view = page?.outages.find((o) => o.outage.id === id);
    expect(view?.basicMonthlyFeeYen).toBe(100_000);
    expect(view?.credits?.availability).toMatchObject({ state: 'ended', fraction: { numerator: 1, denominator: 30 }, yen: 3_333, lastDayToClaim: '2027-02-01' });
    expect(view?.credits?.notification).toMatchObject({ state: 'late', yen: 3_333, claimableFrom: '2026-11-01', lastDayToClaim: '2027-02-01' });
    expect(view?.kinds.availability).toEqual({ claim: null, refusal: null });
  });

  it('a claim is written once with the amount shown; a duplicate is refused and changes nothing', async () => {
    const id = await outage({ startedAt: at('2026-11-02T10:00'), endedAt: at('2026-11-02T11:00'), notifiedAt: at('2026-11-02T10:10') });
    const first = await claimCredit(db, alice, { outageId: id, kind: 'availability', comment: '  Our Osaka office lost the link.  ' }, on('2026-11-24T12:00'));
    expect(first).toMatchObject({ ok: true, mode: 'confirm' });
    const [claim] = await db.select().from(creditClaims).where(and(eq(creditClaims.outageId, id), eq(creditClaims.kind, 'availability')));
    expect(claim).toMatchObject({ status: 'submitted', amountYen: 1_111, comment: 'Our Osaka office lost the link.', customerId: alice.customerId });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'sla.claim'), eq(auditLog.targetId, claim!.id)));
    expect(audit).toBeDefined();

    const before = await claimCount(db);
    expect(await claimCredit(db, alice, { outageId: id, kind: 'availability' }, on('2026-11-24T12:00'))).toMatchObject({ ok: false, reason: 'already_claimed' });
    // Notified within 30 minutes: there is no notification reduction to claim.
    expect(await claimCredit(db, alice, { outageId: id, kind: 'notification' }, on('2026-11-24T12:00'))).toMatchObject({ ok: false, reason: 'nothing_to_claim' });
    expect(await claimCount(db)).toBe(before);
  });

  it('the last day to claim is accepted and the next day refused with R-SLA-CLAIM-WINDOW', async () => {
    // Ended 2026-09-30 (Japan): claimable from that day, last day 2026-12-30.
    const id = await outage({ startedAt: at('2026-09-30T20:00'), endedAt: at('2026-09-30T21:00'), notifiedAt: at('2026-09-30T20:40') });
    const before = await claimCount(db);
    expect(await claimCredit(db, alice, { outageId: id, kind: 'availability' }, on('2026-12-31T00:00'))).toMatchObject({
      ok: false,
      kind: 'violations',
      violations: [{ rule: 'R-SLA-CLAIM-WINDOW' }],
    });
    expect(await claimCount(db)).toBe(before);
    expect(await claimCredit(db, alice, { outageId: id, kind: 'availability' }, on('2026-12-30T23:59'))).toMatchObject({ ok: true });
    // The missed notification is its own claim, with its own window.
    expect(await claimCredit(db, alice, { outageId: id, kind: 'notification' }, on('2026-12-30T23:59'))).toMatchObject({ ok: true });
  });

  it('an excluded outage earns nothing and its claim is refused with R-SLA-EXCLUSIONS; one in progress cannot be claimed yet', async () => {
    const excluded = await outage({ startedAt: at('2026-11-03T10:00'), endedAt: at('2026-11-04T10:00'), exclusionReason: 'not_company_fault' });
    const page = await getSlaPage(db, { contractId: acme, customerId: alice.customerId, now: NOW });
    expect(page?.outages.find((o) => o.outage.id === excluded)?.credits?.availability).toMatchObject({ state: 'ended', yen: 0 });
    const before = await claimCount(db);
    expect(await claimCredit(db, alice, { outageId: excluded, kind: 'availability' }, on('2026-11-24T12:00'))).toMatchObject({
      ok: false,
      violations: [{ rule: 'R-SLA-EXCLUSIONS' }],
    });
    const ongoing = await outage({ startedAt: at('2026-11-23T10:00') });
    expect(await claimCredit(db, alice, { outageId: ongoing, kind: 'availability' }, on('2026-11-24T12:00'))).toMatchObject({ ok: false, reason: 'outage_ongoing' });
    expect(await claimCount(db)).toBe(before);
  });

  it("another customer's outage is not found, a viewer may not claim, and nothing changes", async () => {
    const id = await outage({ startedAt: at('2026-11-05T10:00'), endedAt: at('2026-11-05T12:00') });
    const before = await claimCount(db);
    expect(await claimCredit(db, grace, { outageId: id, kind: 'availability' }, on('2026-11-24T12:00'))).toEqual({ ok: false, kind: 'not_found' });
    expect(await getSlaPage(db, { contractId: acme, customerId: grace.customerId, now: NOW })).toBeNull();
    expect(await claimCredit(db, victor, { outageId: id, kind: 'availability' }, on('2026-11-24T12:00'))).toMatchObject({ ok: false, reason: 'read_only' });
    expect(await claimCount(db)).toBe(before);
  });

  it('an operator approves a claim into a billing month or rejects it with a reason; a claim is decided once', async () => {
    const id = await outage({ startedAt: at('2026-11-06T10:00'), endedAt: at('2026-11-06T23:00'), notifiedAt: at('2026-11-06T11:00') });
    const claimed = await claimCredit(db, alice, { outageId: id, kind: 'availability' }, on('2026-11-24T12:00'));
    const late = await claimCredit(db, alice, { outageId: id, kind: 'notification' }, on('2026-11-24T12:00'));
    if (!claimed.ok || claimed.mode !== 'confirm' || !late.ok || late.mode !== 'confirm') throw new Error('claims failed');

    // The queue shows each claim with what approving it into the month would apply under the cap.
    const queue = await claimQueue(db, '2026-11');
    expect(queue.find((r) => r.claim.id === claimed.id)).toMatchObject({ contractNumber: 'SH-000101', basicFeeYen: 100_000, ifApproved: { appliedYen: 10_000, cappedYen: 0 } });
    expect(await decideClaim(db, olivia, { claimId: claimed.id, decision: 'approve', billingMonth: '2026-11' }, { now: NOW })).toMatchObject({ ok: true });
    expect((await claimQueue(db, '2026-11')).find((r) => r.claim.id === late.id)).toMatchObject({ approvedInMonthYen: 10_000 });
    expect((await claimQueue(db, '2026-11')).some((r) => r.claim.id === claimed.id)).toBe(false);
    expect(await decideClaim(db, olivia, { claimId: late.id, decision: 'reject', reason: 'Notified by phone at 10:20.' }, { now: NOW })).toMatchObject({ ok: true });
    const rows = await db.select().from(creditClaims).where(eq(creditClaims.outageId, id));
    expect(rows.find((r) => r.kind === 'availability')).toMatchObject({ status: 'approved', billingMonth: '2026-11', amountYen: 10_000, decidedBy: olivia.userId });
    expect(rows.find((r) => r.kind === 'notification')).toMatchObject({ status: 'rejected', decisionReason: 'Notified by phone at 10:20.', billingMonth: null });
    expect(await decideClaim(db, olivia, { claimId: claimed.id, decision: 'reject', reason: 'again' }, { now: NOW })).toMatchObject({ ok: false, reason: 'already_decided' });

    // A past month is refused, and a claim whose outage was excluded since is not approved.
    const other = await outage({ startedAt: at('2026-11-07T10:00'), endedAt: at('2026-11-07T12:00') });
    const pending = await claimCredit(db, alice, { outageId: other, kind: 'availability' }, on('2026-11-24T12:00'));
    if (!pending.ok || pending.mode !== 'confirm') throw new Error('claim failed');
    expect(await decideClaim(db, olivia, { claimId: pending.id, decision: 'approve', billingMonth: '2026-10' }, { now: NOW })).toMatchObject({ ok: false, reason: 'month_in_past' });
    await db.update(outages).set({ exclusionReason: 'customer_breach' }).where(eq(outages.id, other));
    expect(await decideClaim(db, olivia, { claimId: pending.id, decision: 'approve', billingMonth: '2026-11' }, { now: NOW })).toMatchObject({ ok: false, reason: 'claim_excluded' });
    expect((await db.select().from(creditClaims).where(eq(creditClaims.id, pending.id)))[0]).toMatchObject({ status: 'submitted' });

    const sam = await staffActor(db, DEMO_USERS.sam);
    expect(await decideClaim(db, sam, { claimId: late.id, decision: 'approve', billingMonth: '2026-11' }, { now: NOW })).toMatchObject({ ok: false, reason: 'forbidden' });
    const page = await getSlaPage(db, { contractId: acme, customerId: alice.customerId, now: NOW });
    expect(page?.outages.find((o) => o.outage.id === id)?.kinds.notification.claim).toMatchObject({ status: 'rejected' });
  });

  it('shows the cap of each billing month: to the customer on an approved claim, to the operator for any month chosen', async () => {
    const big = await outage({ startedAt: at('2026-11-08T10:00'), endedAt: at('2026-11-08T12:00') });
    const approved = (kind: 'availability' | 'notification', amountYen: number) => ({
      customerId: alice.customerId,
      contractId: acme,
      outageId: big,
      kind,
      amountYen,
      status: 'approved' as const,
      billingMonth: '2027-01',
      claimedBy: alice.userId,
    });
    await db.insert(creditClaims).values([approved('availability', 95_000), approved('notification', 10_000)]);
    const page = await getSlaPage(db, { contractId: acme, customerId: alice.customerId, now: NOW });
    expect(page?.monthCaps['2027-01']).toEqual({ claimedYen: 105_000, appliedYen: 100_000, cappedYen: 5_000, basicMonthlyFeeYen: 100_000 });
    // Another customer's page holds none of it.
    expect(await getSlaPage(db, { contractId: acme, customerId: grace.customerId, now: NOW })).toBeNull();

    const next = await outage({ startedAt: at('2026-11-09T10:00'), endedAt: at('2026-11-09T12:00') });
    const claimed = await claimCredit(db, alice, { outageId: next, kind: 'availability' }, on('2026-11-24T12:00'));
    if (!claimed.ok || claimed.mode !== 'confirm') throw new Error('claim failed');
    const inJanuary = (await claimQueue(db, '2027-01')).find((r) => r.claim.id === claimed.id);
    expect(inJanuary).toMatchObject({ approvedInMonthYen: 105_000, basicFeeYen: 100_000, ifApproved: { appliedYen: 0 } });
    expect(inJanuary?.ifApproved?.cappedYen).toBe(inJanuary?.claim.amountYen);
    const inDecember = (await claimQueue(db, '2026-12')).find((r) => r.claim.id === claimed.id);
    expect(inDecember).toMatchObject({ approvedInMonthYen: 0, ifApproved: { cappedYen: 0 } });
  });
});
