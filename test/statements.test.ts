import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { charges, creditClaims, optionItemChanges, options, outages, prices, smarthubContracts } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';
import { settleEndedCancellations } from '@/lib/backoffice/cancellations';
import { acceptChangeRequest, completeChangeRequest } from '@/lib/backoffice/change-requests';
import { cancelContract, cancelOption, requestOptionChange } from '@/lib/contracts/services';
import type { Ctx } from '@/lib/contracts/types';
import { statementCsv } from '@/lib/billing/statement-csv';
import { statementPdf } from '@/lib/billing/statement-pdf';
import { firstStatementMonth, monthlyStatement, nextMonthEstimate, statementAndEstimate } from '@/lib/billing/statements';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { proratedMonthlyFeeYen, statementTotals } from '@/lib/rules';
import { customerActor, freshHubCustomer, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

// Seeded "today" is 2026-11-24 in Japan: Acme's contract SH-000101 and its on-premises port
// started billing 2026-09-24, the M2 public port (¥20,000) and its NAPT add-on (¥8,000) 2026-10-24.
const NOW = new Date('2026-11-24T03:00:00Z');
const confirm: Ctx = { now: NOW, mode: 'confirm' };

describe.each(targets)('monthly statements on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let grace: CustomerActor;
  let acmeContractId: string;

  let olivia: StaffActor;

  async function optionByCode(code: string) {
    const [row] = await db.select().from(options).where(eq(options.code, code));
    if (!row) throw new Error(code);
    return row;
  }
  async function contractByNumber(number: string) {
    const [row] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, number));
    if (!row) throw new Error(number);
    return row;
  }

  async function optionId(code: string): Promise<string> {
    const [row] = await db.select().from(options).where(eq(options.code, code));
    if (!row) throw new Error(code);
    return row.id;
  }

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    alice = await customerActor(db, DEMO_USERS.alice);
    grace = await customerActor(db, DEMO_USERS.grace);
    olivia = await staffActor(db, DEMO_USERS.olivia);
    const [contract] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, 'SH-000101'));
    acmeContractId = contract!.id;
  });
  afterAll(async () => {
    await open.close();
  });

  it('starts with the first billing month and prorates the month a service starts in by day', async () => {
    expect(await firstStatementMonth(db, alice.customerId)).toBe('2026-09');
    const october = await monthlyStatement(db, alice.customerId, '2026-10');
    const m2 = october.lines.find((l) => l.type === 'monthly' && l.optionCode === 'SH-O-000102');
    expect(m2).toMatchObject({ fee: { firstDay: '2026-10-24', lastDay: '2026-10-31', days: 8, daysInMonth: 31, monthlyFeeYen: 20_000 } });
    expect(m2?.amountYen).toBe(proratedMonthlyFeeYen({ monthlyFeeYen: 20_000, firstDay: '2026-10-24', lastDay: '2026-10-31' }));
    expect(october.lines.find((l) => l.type === 'basic')).toMatchObject({ contractNumber: 'SH-000101', amountYen: 100_000 });
    expect(october).toMatchObject(statementTotals({ lineAmountsYen: october.lines.map((l) => l.amountYen), slaReductionsYen: [] }));
    expect(october.unpriced).toBe(0);
    // Before any billing start there is nothing to pay.
    expect(await monthlyStatement(db, alice.customerId, '2026-08')).toMatchObject({ lines: [], totalYen: 0 });
  });

  it('splits a line where the price in force changes mid-month, each part prorated on its own', async () => {
    await db.insert(prices).values({ kind: 'cloud_port', item: 'M2_PUBLIC:100M', customerId: alice.customerId, monthlyYen: 15_000, appliesFrom: '2026-12-16' });
    const december = await monthlyStatement(db, alice.customerId, '2026-12');
    const m2 = december.lines.filter((l) => l.type === 'monthly' && l.optionCode === 'SH-O-000102');
    expect(m2.map((l) => ('fee' in l ? [l.fee.firstDay, l.fee.lastDay, l.fee.monthlyFeeYen, l.amountYen] : null))).toEqual([
      ['2026-12-01', '2026-12-15', 20_000, proratedMonthlyFeeYen({ monthlyFeeYen: 20_000, firstDay: '2026-12-01', lastDay: '2026-12-15' })],
      ['2026-12-16', '2026-12-31', 15_000, proratedMonthlyFeeYen({ monthlyFeeYen: 15_000, firstDay: '2026-12-16', lastDay: '2026-12-31' })],
    ]);
  });

  it('lists the fees owed in the month, and takes approved SLA reductions off under the cap', async () => {
    const m2 = await optionId('SH-O-000102');
    await db.insert(charges).values({
      customerId: alice.customerId,
      contractId: acmeContractId,
      optionId: m2,
      kind: 'early_termination',
      amountYen: 19_354,
      owedOn: '2027-01-23',
      sourceType: 'test',
      sourceId: 'etf-1',
    });
    const [outage] = await db
      .insert(outages)
      .values({ customerId: alice.customerId, contractId: acmeContractId, startedAt: NOW, endedAt: NOW, detectedAt: NOW })
      .returning();
    const claim = (kind: 'availability' | 'notification', amountYen: number) => ({
      customerId: alice.customerId,
      contractId: acmeContractId,
      outageId: outage!.id,
      kind,
      amountYen,
      status: 'approved' as const,
      billingMonth: '2027-01',
      claimedBy: alice.userId,
    });
    await db.insert(creditClaims).values([claim('availability', 95_000), claim('notification', 10_000)]);

    const january = await monthlyStatement(db, alice.customerId, '2027-01');
    expect(january.lines.find((l) => l.type === 'early_termination')).toMatchObject({ optionCode: 'SH-O-000102', owedOn: '2027-01-23', amountYen: 19_354 });
    expect(january.reductions).toEqual([
      { contractNumber: 'SH-000101', claimedYen: 105_000, appliedYen: 100_000, cappedYen: 5_000, basicMonthlyFeeYen: 100_000 },
    ]);
    const sum = january.lines.reduce((n, l) => n + l.amountYen, 0);
    expect(january.subtotalYen).toBe(sum - 100_000);
    expect(january.taxYen).toBe(Math.floor(january.subtotalYen / 10));
    expect(january.totalYen).toBe(january.subtotalYen + january.taxYen);
  });

  it('writes the same lines and total as CSV: one row per line, the reduction negative, the totals last', async () => {
    const january = await monthlyStatement(db, alice.customerId, '2027-01');
    const t = Object.assign((key: string) => key, { has: () => true });
    const rows = statementCsv(january, t).trimEnd().split('\r\n').map((r) => r.split(','));
    expect(rows[0]).toEqual(['statements.csvHead.type', 'statements.csvHead.contract', 'statements.csvHead.option', 'statements.csvHead.kind', 'statements.csvHead.item', 'statements.csvHead.firstDay', 'statements.csvHead.lastDay', 'statements.csvHead.days', 'statements.csvHead.daysInMonth', 'statements.csvHead.monthlyFee', 'statements.csvHead.owedOn', 'statements.csvHead.amount']);
    expect(rows).toHaveLength(1 + january.lines.length + january.reductions.length + 3);
    const amounts = rows.slice(1, 1 + january.lines.length + january.reductions.length).map((r) => Number(r.at(-1)));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(january.subtotalYen);
    expect(rows.at(-1)).toEqual(['statements.csvTypes.total', '', '', '', '', '', '', '', '', '', '', String(january.totalYen)]);
  });

  it('writes a PDF with Noto Sans JP embedded and the same total in its keywords', async () => {
    const january = await monthlyStatement(db, alice.customerId, '2027-01');
    const t = Object.assign((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})} 請求`, { has: () => true });
    const pdf = await statementPdf(january, t, 'ja', 'Acme 株式会社');
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansJP/);
    expect(text).toContain(`total-yen=${january.totalYen}`);
  });

  it('estimates next month: a pending cancellation ends the fees on its effective date and owes its early termination charge that day', async () => {
    const initech = await freshHubCustomer(db, '0611');
    const hub = await contractByNumber('SH-000611');
    const before = await nextMonthEstimate(db, initech.customerId, '2026-11-24');
    expect(before).toMatchObject({ month: '2026-12', cancellationsLowerByYen: 0 });
    expect(before.withoutCancellationsYen).toBe(before.totalYen);

    const done = await cancelContract(db, initech, { contractId: hub.id, idempotencyKey: 'estimate-0611' }, confirm);
    if (!done.ok || done.mode !== 'confirm' || !done.preview) throw new Error('cancel failed');
    const { effectiveDate, totalEarlyTerminationYen } = done.preview;
    expect(effectiveDate).toBe('2026-12-24');
    expect(totalEarlyTerminationYen).toBeGreaterThan(0);

    // December as it will be billed: the fees up to the 24th, and the charges the customer confirmed, owed that day.
    const december = await monthlyStatement(db, initech.customerId, '2026-12');
    const pending = december.lines.filter((l) => l.type === 'early_termination');
    expect(pending.every((l) => 'pending' in l && l.pending === true && l.owedOn === '2026-12-24')).toBe(true);
    expect(pending.reduce((n, l) => n + l.amountYen, 0)).toBe(totalEarlyTerminationYen);
    expect(december.lines.filter((l) => 'fee' in l).every((l) => 'fee' in l && l.fee.lastDay === '2026-12-24')).toBe(true);

    const after = await nextMonthEstimate(db, initech.customerId, '2026-11-24');
    expect(after.totalYen).toBe(december.totalYen);
    // Withdrawn, December is as before the notice: no charge, every fee to the 31st.
    expect(after.withoutCancellationsYen).toBe(before.totalYen);
    expect(after.cancellationsLowerByYen).toBe(before.totalYen - december.totalYen);

    // Once the notice has taken effect, the charge is recorded once and the statement stays the same.
    await settleEndedCancellations(db, new Date('2026-12-25T03:00:00Z'));
    const settled = await monthlyStatement(db, initech.customerId, '2026-12');
    expect(settled.totalYen).toBe(december.totalYen);
    expect(settled.lines.filter((l) => l.type === 'early_termination' && !('pending' in l && l.pending))).toHaveLength(pending.length);
  });

  it("charges a port's early termination once: on its own notice's month, not again on the contract notice's", async () => {
    const initech = await freshHubCustomer(db, '0614');
    const hub = await contractByNumber('SH-000614');
    const port = await optionByCode('SH-O-141402');
    const own = await cancelOption(db, initech, { optionId: port.id, requestedDate: '2027-01-10', idempotencyKey: 'own-0614' }, confirm);
    if (!own.ok || own.mode !== 'confirm' || !own.preview) throw new Error('option cancel failed');
    const portCharge = own.preview.totalEarlyTerminationYen;
    expect(portCharge).toBeGreaterThan(0);
    const whole = await cancelContract(db, initech, { contractId: hub.id, requestedDate: '2027-02-15', idempotencyKey: 'whole-0614' }, confirm);
    if (!whole.ok || whole.mode !== 'confirm') throw new Error('contract cancel failed');
    const etf = (statement: Awaited<ReturnType<typeof monthlyStatement>>, code: string) =>
      statement.lines.filter((l) => l.type === 'early_termination' && l.optionCode === code).reduce((n, l) => n + l.amountYen, 0);
    expect(etf(await monthlyStatement(db, initech.customerId, '2027-01'), 'SH-O-141402')).toBe(portCharge);
    expect(etf(await monthlyStatement(db, initech.customerId, '2027-02'), 'SH-O-141402')).toBe(0);
  });

  it('starts with the month a fee was first owed when that is before the first billing start', async () => {
    const initech = await freshHubCustomer(db, '0615');
    const hub = await contractByNumber('SH-000615');
    expect(await firstStatementMonth(db, initech.customerId)).toBe('2026-09');
    await db.insert(charges).values({ customerId: initech.customerId, contractId: hub.id, optionId: null, kind: 'initial', amountYen: 30_000, owedOn: '2026-08-25', sourceType: 'test', sourceId: 'initial-0615' });
    expect(await firstStatementMonth(db, initech.customerId)).toBe('2026-08');
    expect((await monthlyStatement(db, initech.customerId, '2026-08')).lines).toMatchObject([{ type: 'initial', owedOn: '2026-08-25', amountYen: 30_000 }]);
  });

  it('treats an end no notice set (the designated-service contract ended) as not withdrawable in the estimate', async () => {
    const initech = await freshHubCustomer(db, '0612');
    await db.update(smarthubContracts).set({ endsOn: '2026-12-20' }).where(eq(smarthubContracts.contractNumber, 'SH-000612'));
    await db.update(options).set({ endsOn: '2026-12-20' }).where(eq(options.customerId, initech.customerId));
    const estimate = await nextMonthEstimate(db, initech.customerId, '2026-11-24');
    expect(estimate.cancellationsLowerByYen).toBe(0);
    expect(estimate.withoutCancellationsYen).toBe(estimate.totalYen);
    const december = await monthlyStatement(db, initech.customerId, '2026-12');
    expect(december.lines.filter((l) => 'fee' in l).every((l) => 'fee' in l && l.fee.lastDay === '2026-12-20')).toBe(true);
  });

  it('prices each day at the item in force that day: a speed upgrade completed mid-month splits the line, earlier months stay', async () => {
    const initech = await freshHubCustomer(db, '0613');
    const port = await optionByCode('SH-O-131302');
    const novemberBefore = await monthlyStatement(db, initech.customerId, '2026-11');
    const requested = await requestOptionChange(db, initech, { optionId: port.id, to: '500M', idempotencyKey: 'upgrade-0613' }, confirm);
    if (!requested.ok || requested.mode !== 'confirm') throw new Error('request failed');
    const op = { now: new Date('2026-12-10T03:00:00Z') };
    expect(await acceptChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({ ok: true });
    expect(await completeChangeRequest(db, olivia, { changeRequestId: requested.id }, op)).toMatchObject({ ok: true });
    // The item history keeps the items, never the port's connection key (its rows are kept for good).
    const [history] = await db.select().from(optionItemChanges).where(eq(optionItemChanges.changeRequestId, requested.id));
    expect(history?.attributesAfter).toMatchObject({ cloudType: 'M2_PUBLIC', speed: '500M' });
    expect(history?.attributesBefore).not.toHaveProperty('cloudConnectionKey');
    expect(history?.attributesAfter).not.toHaveProperty('cloudConnectionKey');

    const december = await monthlyStatement(db, initech.customerId, '2026-12');
    const lines = december.lines.filter((l) => l.type === 'monthly' && l.optionCode === 'SH-O-131302');
    const [slow, fast] = lines;
    expect(lines.map((l) => (l.type === 'monthly' ? [l.item, l.fee.firstDay, l.fee.lastDay] : null))).toEqual([
      ['M2_PUBLIC:100M', '2026-12-01', '2026-12-09'],
      ['M2_PUBLIC:500M', '2026-12-10', '2026-12-31'],
    ]);
    const [price500] = await db.select().from(prices).where(and(eq(prices.kind, 'cloud_port'), eq(prices.item, 'M2_PUBLIC:500M'), isNull(prices.customerId)));
    expect(slow?.type === 'monthly' && slow.fee.monthlyFeeYen).toBe(20_000);
    expect(fast?.type === 'monthly' && fast.fee.monthlyFeeYen).toBe(price500!.monthlyYen);
    expect(fast?.amountYen).toBe(proratedMonthlyFeeYen({ monthlyFeeYen: price500!.monthlyYen, firstDay: '2026-12-10', lastDay: '2026-12-31' }));
    // November was at 100M and is still billed so, although the port is 500M today.
    expect(await monthlyStatement(db, initech.customerId, '2026-11')).toEqual(novemberBefore);
  });

  it('reads a statement and the estimate at once with the same figures as each alone', async () => {
    for (const month of ['2026-10', '2026-11', '2027-01']) {
      const both = await statementAndEstimate(db, alice.customerId, month, '2026-11-24');
      expect(both.statement).toEqual(await monthlyStatement(db, alice.customerId, month));
      expect(both.estimate).toEqual(await nextMonthEstimate(db, alice.customerId, '2026-11-24'));
    }
  });

  it("holds only the customer's own contracts", async () => {
    const globex = await monthlyStatement(db, grace.customerId, '2026-11');
    expect(globex.lines.every((l) => l.contractNumber !== 'SH-000101')).toBe(true);
    expect((await monthlyStatement(db, grace.customerId, '2027-01')).reductions).toEqual([]);
  });
});
