import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { charges, creditClaims, options, outages, prices, smarthubContracts } from '@/db/schema';
import type { CustomerActor } from '@/lib/auth/access';
import { statementCsv } from '@/lib/billing/statement-csv';
import { statementPdf } from '@/lib/billing/statement-pdf';
import { firstStatementMonth, monthlyStatement, nextMonthEstimate } from '@/lib/billing/statements';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { proratedMonthlyFeeYen, statementTotals } from '@/lib/rules';
import { customerActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

// Seeded "today" is 2026-11-24 in Japan: Acme's contract SH-000101 and its on-premises port
// started billing 2026-09-24, the M2 public port (¥20,000) and its NAPT add-on (¥8,000) 2026-10-24.
const NOW = new Date('2026-11-24T03:00:00Z');

describe.each(targets)('monthly statements on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let grace: CustomerActor;
  let acmeContractId: string;

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
    expect(rows[0]).toEqual(['statements.csvHead.type', 'statements.csvHead.contract', 'statements.csvHead.option', 'statements.csvHead.kind', 'statements.csvHead.firstDay', 'statements.csvHead.lastDay', 'statements.csvHead.days', 'statements.csvHead.daysInMonth', 'statements.csvHead.monthlyFee', 'statements.csvHead.owedOn', 'statements.csvHead.amount']);
    expect(rows).toHaveLength(1 + january.lines.length + january.reductions.length + 3);
    const amounts = rows.slice(1, 1 + january.lines.length + january.reductions.length).map((r) => Number(r.at(-1)));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(january.subtotalYen);
    expect(rows.at(-1)).toEqual(['statements.csvTypes.total', '', '', '', '', '', '', '', '', '', String(january.totalYen)]);
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

  it("estimates next month, and shows what a pending cancellation takes off", async () => {
    const before = await nextMonthEstimate(db, alice.customerId, '2026-11-24');
    expect(before).toMatchObject({ month: '2026-12', cancellationsLowerByYen: 0 });
    // A cancellation notice of the M2 port, effective 2026-12-24, is pending (withdrawable on 11-24).
    await db.update(options).set({ endsOn: '2026-12-24' }).where(eq(options.code, 'SH-O-000102'));
    const after = await nextMonthEstimate(db, alice.customerId, '2026-11-24');
    expect(after.withoutCancellationsYen).toBe(before.totalYen);
    expect(after.totalYen).toBe((await monthlyStatement(db, alice.customerId, '2026-12')).totalYen);
    expect(after.cancellationsLowerByYen).toBe(before.totalYen - after.totalYen);
    expect(after.cancellationsLowerByYen).toBeGreaterThan(0);
    await db.update(options).set({ endsOn: null }).where(eq(options.code, 'SH-O-000102'));
  });

  it("holds only the customer's own contracts", async () => {
    const globex = await monthlyStatement(db, grace.customerId, '2026-11');
    expect(globex.lines.every((l) => l.contractNumber !== 'SH-000101')).toBe(true);
    expect((await monthlyStatement(db, grace.customerId, '2027-01')).reductions).toEqual([]);
  });
});
