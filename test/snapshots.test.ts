import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { auditLog, prices, statementSnapshots } from '@/db/schema';
import type { Actor, CustomerActor, StaffActor } from '@/lib/auth/access';
import { issuePreviewForStaff, issueStatements } from '@/lib/backoffice/statements';
import { statementCsv } from '@/lib/billing/statement-csv';
import { issuedMonths, issuedStatement, statementView, storedStatement } from '@/lib/billing/snapshots';
import { monthlyStatement, statementWithInputs } from '@/lib/billing/statements';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import type { Translate } from '@/lib/i18n/translate';
import { customerActor, freshHubCustomer, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

// Seeded "today" is 2026-11-24 in Japan: Acme's contract SH-000101 started billing 2026-09-24, its
// M2 public port (¥20,000 a month) 2026-10-24. Issuing happens on 2026-12-01 (Japan), when
// October and November are over.
const SEEDED = new Date('2026-11-24T03:00:00Z');
const DECEMBER_1 = new Date('2026-12-01T03:00:00Z');

/** Labels as their keys: enough to read the CSV's amounts. */
const keysOnly: Translate = ((key: string) => key) as Translate;

describe.each(targets)('issued statements on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let grace: CustomerActor;
  let olivia: StaffActor;
  let sam: StaffActor;

  const snapshotCount = async (month?: string) =>
    (await db.select({ n: count() }).from(statementSnapshots).where(month ? eq(statementSnapshots.month, month) : undefined))[0]!.n;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, SEEDED);
    alice = await customerActor(db, DEMO_USERS.alice);
    grace = await customerActor(db, DEMO_USERS.grace);
    olivia = await staffActor(db, DEMO_USERS.olivia);
    sam = await staffActor(db, DEMO_USERS.sam);
  });
  afterAll(async () => {
    await open.close();
  });

  it('refuses to issue a month that is not over, and support staff and customers are refused', async () => {
    expect(await issueStatements(db, olivia, { month: '2026-11' }, { now: SEEDED })).toEqual({ ok: false, kind: 'refused', reason: 'month_not_over' });
    expect(await issueStatements(db, olivia, { month: '2026-12' }, { now: DECEMBER_1 })).toEqual({ ok: false, kind: 'refused', reason: 'month_not_over' });
    for (const actor of [sam, alice] as Actor[]) {
      expect(await issueStatements(db, actor as StaffActor, { month: '2026-10' }, { now: DECEMBER_1 })).toEqual({ ok: false, kind: 'refused', reason: 'forbidden' });
    }
    expect(await snapshotCount()).toBe(0);
  });

  it('issuing a past month freezes every statement of it, with its inputs, audited per customer', async () => {
    const preview = await issuePreviewForStaff(db, '2026-10');
    expect(preview.issued).toBe(0);
    expect(preview.customers).toBeGreaterThanOrEqual(2);
    const acme = preview.toIssue.find((c) => c.id === alice.customerId);
    const computed = await monthlyStatement(db, alice.customerId, '2026-10');
    expect(acme?.totalYen).toBe(computed.totalYen);

    const result = await issueStatements(db, olivia, { month: '2026-10' }, { now: DECEMBER_1 });
    expect(result).toEqual({ ok: true, month: '2026-10', issued: preview.customers, totalYen: preview.toIssueTotalYen });
    expect(await snapshotCount('2026-10')).toBe(preview.customers);

    const issued = await issuedStatement(db, alice.customerId, '2026-10');
    expect(issued).toEqual({ statement: computed, issuedAt: DECEMBER_1, totalYen: computed.totalYen });
    const [row] = await db.select().from(statementSnapshots).where(and(eq(statementSnapshots.customerId, alice.customerId), eq(statementSnapshots.month, '2026-10')));
    expect(row?.issuedBy).toBe(olivia.userId);
    // The inputs are the records it was computed from (as JSON).
    const { inputs } = await statementWithInputs(db, alice.customerId, '2026-10');
    expect(row?.inputs).toEqual(JSON.parse(JSON.stringify(inputs)));
    // Frozen for good, so without the M2 port's connection key (a secret no bill needs); its item is kept.
    expect(JSON.stringify(row?.inputs)).not.toContain('peering-acme-hq-01');
    expect(JSON.stringify(row?.inputs)).toContain('M2_PUBLIC');

    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'billing.statement.issue'));
    expect(audits).toHaveLength(preview.customers);
    expect(audits.find((a) => a.customerId === alice.customerId)).toMatchObject({
      actorType: 'staff_user',
      actorId: olivia.userId,
      targetType: 'statement_snapshot',
      targetId: row?.id,
      detail: { month: '2026-10', totalYen: computed.totalYen },
    });
    expect(await issuedMonths(db, alice.customerId)).toEqual(['2026-10']);
    expect((await issuePreviewForStaff(db, '2026-10')).toIssue).toEqual([]);
  });

  it('a later price correction changes the computed statement, but the issued one stands and the difference is shown', async () => {
    const before = await issuedStatement(db, alice.customerId, '2026-10');
    // A correction of the M2 port's price for Acme, applying inside October.
    await db.insert(prices).values({ kind: 'cloud_port', item: 'M2_PUBLIC:100M', customerId: alice.customerId, monthlyYen: 15_000, appliesFrom: '2026-10-26' });
    const today = await monthlyStatement(db, alice.customerId, '2026-10');
    expect(today.totalYen).toBeLessThan(before!.totalYen);

    expect(await issuedStatement(db, alice.customerId, '2026-10')).toEqual(before);
    const view = await statementView(db, alice.customerId, '2026-10');
    expect(view).toEqual({
      statement: before!.statement,
      issued: { issuedAt: DECEMBER_1, totalYen: before!.totalYen },
      today: { totalYen: today.totalYen, differenceYen: today.totalYen - before!.totalYen },
    });
    // The CSV carries the issued figures.
    const csv = statementCsv(view.statement, keysOnly);
    expect(csv).toContain(`statements.csvTypes.total,,,,,,,,,,,${before!.totalYen}`);
    expect(csv).not.toContain(`,${today.totalYen}\r\n`);

    // A month not issued shows as computed today.
    expect(await statementView(db, alice.customerId, '2026-11')).toEqual({ statement: await monthlyStatement(db, alice.customerId, '2026-11'), issued: null });
  });

  it('issuing twice issues nothing twice; a customer added since is issued alone', async () => {
    const rows = await snapshotCount();
    expect(await issueStatements(db, olivia, { month: '2026-10' }, { now: DECEMBER_1 })).toEqual({ ok: false, kind: 'refused', reason: 'nothing_to_issue' });
    expect(await snapshotCount()).toBe(rows);

    // Two operators issuing November at once: one issues, the other finds nothing left.
    const outcomes = await Promise.all([
      issueStatements(db, olivia, { month: '2026-11' }, { now: DECEMBER_1 }),
      issueStatements(db, olivia, { month: '2026-11' }, { now: DECEMBER_1 }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, kind: 'refused', reason: 'nothing_to_issue' }]);
    const november = await snapshotCount('2026-11');
    expect(november).toBe((await issuePreviewForStaff(db, '2026-11')).customers);

    // A customer whose service started billing in September, recorded after October was issued.
    const late = await freshHubCustomer(db, '0931');
    const again = await issueStatements(db, olivia, { month: '2026-10' }, { now: DECEMBER_1 });
    expect(again).toMatchObject({ ok: true, issued: 1 });
    expect(await issuedStatement(db, late.customerId, '2026-10')).not.toBeNull();
  });

  it("a customer's id reads only that customer's issued statement", async () => {
    const acme = await issuedStatement(db, alice.customerId, '2026-10');
    const globex = await issuedStatement(db, grace.customerId, '2026-10');
    expect(globex).not.toBeNull();
    expect(globex!.statement.lines.map((l) => l.contractNumber)).not.toContain('SH-000101');
    expect(acme!.statement.lines.map((l) => l.contractNumber)).not.toContain('SH-000202');
    const view = await statementView(db, grace.customerId, '2026-10');
    expect(view.statement).toEqual(globex!.statement);
    expect(await issuedStatement(db, crypto.randomUUID(), '2026-10')).toBeNull();
  });

  it('the database refuses to edit or remove an issued statement', async () => {
    const before = await issuedStatement(db, alice.customerId, '2026-10');
    const mine = and(eq(statementSnapshots.customerId, alice.customerId), eq(statementSnapshots.month, '2026-10'));
    await expect(db.update(statementSnapshots).set({ totalYen: 1 }).where(mine)).rejects.toThrow();
    await expect(db.delete(statementSnapshots).where(mine)).rejects.toThrow();
    expect(await issuedStatement(db, alice.customerId, '2026-10')).toEqual(before);
  });
});

describe('an issued statement read back', () => {
  const statement = {
    month: '2026-10',
    lines: [
      { type: 'basic', contractNumber: 'SH-1', fee: { firstDay: '2026-10-01', lastDay: '2026-10-31', days: 31, daysInMonth: 31, monthlyFeeYen: 100, amountYen: 100 }, amountYen: 100 },
      { type: 'early_termination', contractNumber: 'SH-1', optionCode: null, kind: null, owedOn: '2026-10-31', amountYen: 50, pending: true },
    ],
    reductions: [],
    subtotalYen: 150,
    taxYen: 15,
    totalYen: 165,
    unpriced: 0,
  };

  it('keeps the fields a later version adds to a line, as stored', () => {
    expect(storedStatement.parse(statement)).toEqual(statement);
  });

  it('does not read a damaged statement as one', () => {
    expect(storedStatement.safeParse({ ...statement, totalYen: '165' }).success).toBe(false);
    expect(storedStatement.safeParse({ ...statement, lines: [{ type: 'refund', amountYen: 1 }] }).success).toBe(false);
  });
});
