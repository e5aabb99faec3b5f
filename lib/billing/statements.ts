// A customer's monthly statement (Art. 7, 8, App. 2, 3; R-STATEMENT, I-6, I-7), computed from the
// records every time — contracts and options with their billing start and last day, the price
// list, the fees owed (charges) and the approved SLA claims — never stored twice. Every amount and
// every date decision is lib/rules'; this file reads and arranges.
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { charges, creditClaims, customers, options, prices, smarthubContracts } from '@/db/schema';
import {
  capReductions,
  isWithdrawableOn,
  monthDays,
  nextMonth,
  monthlyFeeLines,
  optionLastDay,
  priceOnDay,
  statementTotals,
  type MonthlyFeeLine,
  type OptionKind,
  type PricePoint,
} from '@/lib/rules';
import { priceItemKey } from './prices';

export type StatementLine =
  | { type: 'basic'; contractNumber: string; fee: MonthlyFeeLine; amountYen: number }
  | { type: 'monthly'; contractNumber: string; optionCode: string; kind: OptionKind; fee: MonthlyFeeLine; amountYen: number }
  | {
      type: 'initial' | 'one_time' | 'early_termination';
      contractNumber: string;
      optionCode: string | null;
      kind: OptionKind | null;
      owedOn: string;
      amountYen: number;
    };

export interface StatementReduction {
  contractNumber: string;
  /** Approved claims of the contract for this month, before the cap. */
  claimedYen: number;
  /** R-SLA-CAP: what applies (at most the basic monthly fee) and what the cap holds back. */
  appliedYen: number;
  cappedYen: number;
  basicMonthlyFeeYen: number | null;
}

export interface Statement {
  month: string;
  lines: StatementLine[];
  reductions: StatementReduction[];
  subtotalYen: number;
  taxYen: number;
  totalYen: number;
  /** Days billed without a price in the list: shown, never guessed. */
  unpriced: number;
}

/** The prices of one customer as price points per `kind|item`, in the order they apply. */
function pricePointsOf(rows: (typeof prices.$inferSelect)[]): Map<string, PricePoint[]> {
  const points = new Map<string, PricePoint[]>();
  for (const row of rows) {
    const key = `${row.kind}|${row.item}`;
    points.set(key, [...(points.get(key) ?? []), { appliesFrom: row.appliesFrom, monthlyFeeYen: row.monthlyYen, own: row.customerId !== null }]);
  }
  return points;
}

/** The first month a statement exists for: that of the customer's earliest billing start (null: none yet). */
export async function firstStatementMonth(db: DbOrTx, customerId: string): Promise<string | null> {
  const starts = await db
    .select({ start: smarthubContracts.billingStartDate })
    .from(smarthubContracts)
    .where(eq(smarthubContracts.customerId, customerId))
    .orderBy(asc(smarthubContracts.billingStartDate));
  const first = starts.find((s) => s.start !== null)?.start;
  return first ? first.slice(0, 7) : null;
}

/**
 * The statement of `month` (YYYY-MM) for one customer. With `withdrawnOn` (a Japan date), as if
 * every cancellation still withdrawable that day were withdrawn: what a pending notice changes.
 */
export async function monthlyStatement(db: DbOrTx, customerId: string, month: string, opts: { withdrawnOn?: string } = {}): Promise<Statement> {
  return statementOf(await statementRecords(db, customerId, month), month, opts);
}

/**
 * The statement of `month` with the records it was computed from: what an issued statement keeps
 * (statement_snapshots), so it can always show what it was computed from.
 */
export async function statementWithInputs(db: DbOrTx, customerId: string, month: string): Promise<{ statement: Statement; inputs: StatementRecords }> {
  const inputs = await statementRecords(db, customerId, month);
  return { statement: statementOf(inputs, month, {}), inputs };
}

export type StatementRecords = Awaited<ReturnType<typeof statementRecords>>;

/** The records one month's statement is computed from: contracts, options, prices, fees owed, approved claims. */
async function statementRecords(db: DbOrTx, customerId: string, month: string) {
  const { firstDay, lastDay } = monthDays(month);
  const [contracts, optionRows, priceRows, chargeRows, approved] = await Promise.all([
    db.select().from(smarthubContracts).where(eq(smarthubContracts.customerId, customerId)).orderBy(asc(smarthubContracts.contractNumber)),
    db.select().from(options).where(eq(options.customerId, customerId)).orderBy(asc(options.code)),
    db
      .select()
      .from(prices)
      .where(and(lte(prices.appliesFrom, lastDay), or(isNull(prices.customerId), eq(prices.customerId, customerId))))
      .orderBy(asc(prices.appliesFrom), asc(prices.createdAt)),
    db
      .select()
      .from(charges)
      .where(and(eq(charges.customerId, customerId), gte(charges.owedOn, firstDay), lte(charges.owedOn, lastDay)))
      .orderBy(asc(charges.owedOn), asc(charges.createdAt)),
    db
      .select()
      .from(creditClaims)
      .where(and(eq(creditClaims.customerId, customerId), eq(creditClaims.status, 'approved'), eq(creditClaims.billingMonth, month))),
  ]);
  return { contracts, optionRows, priceRows, chargeRows, approved };
}

function statementOf(records: StatementRecords, month: string, opts: { withdrawnOn?: string }): Statement {
  const { contracts, optionRows, priceRows, chargeRows, approved } = records;
  const { firstDay } = monthDays(month);
  const points = pricePointsOf(priceRows);
  const numberOf = new Map(contracts.map((c) => [c.id, c.contractNumber] as const));
  const optionOf = new Map(optionRows.map((o) => [o.id, o] as const));
  // The last day of service: a pending or past cancellation's effective date (endsOn).
  const lastDayOf = (row: { endsOn: string | null }) =>
    opts.withdrawnOn && row.endsOn && isWithdrawableOn(opts.withdrawnOn, row.endsOn) ? null : row.endsOn;

  const lines: StatementLine[] = [];
  for (const contract of contracts) {
    for (const fee of monthlyFeeLines({ month, billingStartDate: contract.billingStartDate, lastDay: lastDayOf(contract), prices: points.get('basic|') ?? [] })) {
      lines.push({ type: 'basic', contractNumber: contract.contractNumber, fee, amountYen: fee.amountYen });
    }
    for (const option of optionRows.filter((o) => o.contractId === contract.id)) {
      const key = `${option.kind}|${priceItemKey(option.kind, option.attributes)}`;
      // An option never outlives its contract: the earlier of its own last day and the contract's.
      const contractLast = lastDayOf(contract);
      const optionLast = contractLast === null ? lastDayOf(option) : optionLastDay(lastDayOf(option), contractLast);
      for (const fee of monthlyFeeLines({ month, billingStartDate: option.billingStartDate, lastDay: optionLast, prices: points.get(key) ?? [] })) {
        lines.push({ type: 'monthly', contractNumber: contract.contractNumber, optionCode: option.code, kind: option.kind, fee, amountYen: fee.amountYen });
      }
    }
  }
  for (const charge of chargeRows) {
    const option = charge.optionId ? optionOf.get(charge.optionId) : undefined;
    lines.push({
      type: charge.kind,
      contractNumber: (charge.contractId && numberOf.get(charge.contractId)) ?? (option ? (numberOf.get(option.contractId) ?? '') : ''),
      optionCode: option?.code ?? null,
      kind: option?.kind ?? null,
      owedOn: charge.owedOn,
      amountYen: charge.amountYen,
    });
  }

  // R-SLA-CAP: that month's basic monthly fee, as in force on its first day.
  const basicOn = priceOnDay(points.get('basic|') ?? [], firstDay)?.monthlyFeeYen ?? null;
  const byContract = new Map<string, (typeof approved)[number][]>();
  for (const claim of approved) byContract.set(claim.contractId, [...(byContract.get(claim.contractId) ?? []), claim]);
  const reductions: StatementReduction[] = [...byContract].map(([contractId, claims]) => {
    const claimedYen = claims.reduce((n, c) => n + c.amountYen, 0);
    // Without a basic fee in the list nothing can be capped against: the reduction waits (applied 0, all shown as held).
    const capped = basicOn === null ? { appliedYen: 0, cappedYen: claimedYen } : capReductions({ reductionsYen: claims.map((c) => c.amountYen), basicMonthlyFeeYen: basicOn });
    return { contractNumber: numberOf.get(contractId) ?? '', claimedYen, ...capped, basicMonthlyFeeYen: basicOn };
  });
  const totals = statementTotals({ lineAmountsYen: lines.map((l) => l.amountYen), slaReductionsYen: reductions.map((r) => r.appliedYen) });
  const unpriced = lines.reduce((n, l) => n + ('fee' in l && l.fee.monthlyFeeYen === null ? l.fee.days : 0), 0);
  return { month, lines, reductions, ...totals, unpriced };
}


/** The customer's name as the statement is addressed. */
export async function customerName(db: DbOrTx, customerId: string): Promise<string> {
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  return row?.name ?? '';
}

/**
 * Next month's estimate: the statement of the month after `today`'s if nothing changes, and as it
 * would be if the pending cancellations were withdrawn, so the customer sees what they move.
 */
export async function nextMonthEstimate(db: DbOrTx, customerId: string, today: string) {
  const month = nextMonth(today.slice(0, 7));
  const records = await statementRecords(db, customerId, month);
  const estimate = statementOf(records, month, {});
  const withoutCancellations = statementOf(records, month, { withdrawnOn: today });
  return { month, totalYen: estimate.totalYen, withoutCancellationsYen: withoutCancellations.totalYen, cancellationsLowerByYen: withoutCancellations.totalYen - estimate.totalYen };
}
