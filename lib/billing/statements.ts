// A customer's monthly statement (Art. 7, 8, App. 2, 3; R-STATEMENT, I-6, I-7), computed from the
// records every time — contracts and options with their billing start and last day, the price
// list, the fees owed (charges) and the approved SLA claims — never stored twice. Every amount and
// every date decision is lib/rules'; this file reads and arranges.
import { and, asc, count, eq, gte, isNull, lte, min, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { readAll } from '@/db/read-all';
import { cancellationNotices, charges, creditClaims, customers, optionItemChanges, options, pbbContracts, prices, smarthubContracts } from '@/db/schema';
import { readCancellationSummary } from '@/lib/contract/payloads';
import {
  capReductions,
  endDatesIfWithdrawn,
  feesOwedOnEnding,
  isByEndOfMonth,
  isInMonth,
  itemFeeLines,
  itemPeriods,
  monthDays,
  nextMonth,
  monthlyFeeLines,
  noticeWithdrawal,
  optionLastDay,
  priceOnDay,
  statementTotals,
  type MonthlyFeeLine,
  type OptionKind,
  type PricePoint,
} from '@/lib/rules';
import { priceItemKey } from './prices';
import { withoutKey } from '@/lib/contracts/cloud-keys';

export type StatementLine =
  | { type: 'basic'; contractNumber: string; fee: MonthlyFeeLine; amountYen: number }
  | {
      type: 'monthly';
      contractNumber: string;
      optionCode: string;
      kind: OptionKind;
      /** The price-list item the days were at (lib/billing/prices priceItemKey); it may change mid-month. */
      item: string;
      fee: MonthlyFeeLine;
      amountYen: number;
    }
  | {
      type: 'initial' | 'one_time' | 'early_termination';
      contractNumber: string;
      optionCode: string | null;
      kind: OptionKind | null;
      owedOn: string;
      amountYen: number;
      /**
       * An early termination charge of a cancellation still pending: owed on its effective date
       * as the customer confirmed it, unless the notice is withdrawn first.
       */
      pending?: true;
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

/**
 * The first month a statement exists for: that of the customer's earliest billing start or earliest
 * fee owed (an initial fee is owed on acceptance, often the month before billing starts); null: none yet.
 */
export async function firstStatementMonth(db: DbOrTx, customerId: string): Promise<string | null> {
  const [[start], [owed]] = await readAll(db, [
    () => db.select({ day: min(smarthubContracts.billingStartDate) }).from(smarthubContracts).where(eq(smarthubContracts.customerId, customerId)),
    () => db.select({ day: min(charges.owedOn) }).from(charges).where(eq(charges.customerId, customerId)),
  ]);
  const days = [start?.day, owed?.day].filter((d): d is string => typeof d === 'string').sort();
  return days[0]?.slice(0, 7) ?? null;
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

/**
 * The records the statements of the months from `month` to `lastMonth` are computed from (one read
 * for a statement and next month's estimate): contracts, options and their item changes, prices,
 * fees owed, approved claims, the pending cancellations.
 */
async function statementRecords(db: DbOrTx, customerId: string, month: string, lastMonth: string = month) {
  const { firstDay } = monthDays(month);
  const { lastDay } = monthDays(lastMonth);
  const [contracts, optionRows, priceRows, chargeRows, approved, itemChanges, pendingNotices, terminated, pbb] = await readAll(db, [
    () => db.select().from(smarthubContracts).where(eq(smarthubContracts.customerId, customerId)).orderBy(asc(smarthubContracts.contractNumber)),
    // Without connection keys: these records are frozen with an issued statement.
    async () => (await db.select().from(options).where(eq(options.customerId, customerId)).orderBy(asc(options.code))).map((o) => ({ ...o, attributes: withoutKey(o.attributes) })),
    () =>
      db
        .select()
        .from(prices)
        .where(and(lte(prices.appliesFrom, lastDay), or(isNull(prices.customerId), eq(prices.customerId, customerId))))
        .orderBy(asc(prices.appliesFrom), asc(prices.createdAt)),
    () =>
      db
        .select()
        .from(charges)
        .where(and(eq(charges.customerId, customerId), gte(charges.owedOn, firstDay), lte(charges.owedOn, lastDay)))
        .orderBy(asc(charges.owedOn), asc(charges.createdAt)),
    () =>
      db
        .select()
        .from(creditClaims)
        .where(and(eq(creditClaims.customerId, customerId), eq(creditClaims.status, 'approved'), gte(creditClaims.billingMonth, month), lte(creditClaims.billingMonth, lastMonth))),
    () =>
      db
        .select({
          optionId: optionItemChanges.optionId,
          appliesFrom: optionItemChanges.appliesFrom,
          before: optionItemChanges.attributesBefore,
          after: optionItemChanges.attributesAfter,
        })
        .from(optionItemChanges)
        .where(eq(optionItemChanges.customerId, customerId))
        .orderBy(asc(optionItemChanges.appliesFrom), asc(optionItemChanges.createdAt)),
    () =>
      db
        .select({
          id: cancellationNotices.id,
          contractId: cancellationNotices.contractId,
          optionId: cancellationNotices.optionId,
          effectiveDate: cancellationNotices.effectiveDate,
          summary: cancellationNotices.summary,
        })
        .from(cancellationNotices)
        .where(and(eq(cancellationNotices.customerId, customerId), eq(cancellationNotices.status, 'pending')))
        .orderBy(asc(cancellationNotices.effectiveDate), asc(cancellationNotices.receivedAt)),
    // Options already charged an early termination (in any month): never charged again.
    () =>
      db
        .select({ optionId: charges.optionId })
        .from(charges)
        .where(and(eq(charges.customerId, customerId), eq(charges.kind, 'early_termination'))),
    () =>
      db
        .select({ n: count() })
        .from(pbbContracts)
        .where(and(eq(pbbContracts.customerId, customerId), eq(pbbContracts.status, 'active'))),
  ]);
  return {
    contracts,
    optionRows,
    priceRows,
    chargeRows,
    approved,
    itemChanges,
    pendingNotices: pendingNotices.map(({ summary, ...n }) => ({
      ...n,
      ending: (readCancellationSummary(summary)?.ending ?? []).map((e) => ({ key: e.optionId, earlyTerminationYen: e.earlyTermination?.totalYen ?? 0 })),
    })),
    terminatedOptionIds: terminated.flatMap((r) => (r.optionId ? [r.optionId] : [])),
    activePbbContracts: pbb[0]?.n ?? 0,
  };
}

function statementOf(records: StatementRecords, month: string, opts: { withdrawnOn?: string }): Statement {
  const { contracts, optionRows, priceRows, itemChanges, pendingNotices } = records;
  const { firstDay } = monthDays(month);
  // The records may span several months: this month's fees owed and reductions only.
  const chargeRows = records.chargeRows.filter((c) => isInMonth(c.owedOn, month));
  const approved = records.approved.filter((c) => c.billingMonth === month);
  const points = pricePointsOf(priceRows);
  const numberOf = new Map(contracts.map((c) => [c.id, c.contractNumber] as const));
  const optionOf = new Map(optionRows.map((o) => [o.id, o] as const));
  // With `withdrawnOn`: the pending notices the customer could still withdraw that day (R-WITHDRAW,
  // R-PBB-ENDS), and the end dates once they are; an end no notice set stays.
  const on = opts.withdrawnOn;
  const withdrawing = new Set(
    on === undefined
      ? []
      : pendingNotices.filter((n) => noticeWithdrawal({ today: on, status: 'pending', effectiveDate: n.effectiveDate, activePbbContracts: records.activePbbContracts }).ok),
  );

  const lines: StatementLine[] = [];
  for (const contract of contracts) {
    const own = optionRows.filter((o) => o.contractId === contract.id);
    const pending = pendingNotices.filter((n) => n.contractId === contract.id);
    const ends = endDatesIfWithdrawn({
      withdrawing: pending.filter((n) => withdrawing.has(n)),
      pending,
      contractEndsOn: contract.endsOn,
      options: own,
    });
    for (const fee of monthlyFeeLines({ month, billingStartDate: contract.billingStartDate, lastDay: ends.contractEndsOn, prices: points.get('basic|') ?? [] })) {
      lines.push({ type: 'basic', contractNumber: contract.contractNumber, fee, amountYen: fee.amountYen });
    }
    for (const option of own) {
      // An option never outlives its contract: the earlier of its own last day and the contract's.
      const ownLast = ends.optionEndsOn.get(option.id) ?? null;
      const optionLast = ends.contractEndsOn === null ? ownLast : optionLastDay(ownLast, ends.contractEndsOn);
      const changes = itemChanges
        .filter((c) => c.optionId === option.id)
        .map((c) => ({ appliesFrom: c.appliesFrom, before: priceItemKey(option.kind, c.before), after: priceItemKey(option.kind, c.after) }));
      const fees = itemFeeLines({
        month,
        billingStartDate: option.billingStartDate,
        lastDay: optionLast,
        periods: itemPeriods(priceItemKey(option.kind, option.attributes), changes),
        pricesOf: (item) => points.get(`${option.kind}|${item}`) ?? [],
      });
      for (const { item, ...fee } of fees) {
        lines.push({ type: 'monthly', contractNumber: contract.contractNumber, optionCode: option.code, kind: option.kind, item, fee, amountYen: fee.amountYen });
      }
    }
  }
  // R-ETF: the charges of cancellations still pending, owed on their effective dates in this month
  // as the customer confirmed them. In date order, an option is charged once, as settling does: an
  // earlier month's notice (an option's own, before its contract's) takes it first.
  const charged = new Set(records.terminatedOptionIds);
  for (const notice of pendingNotices) {
    if (withdrawing.has(notice) || !isByEndOfMonth(notice.effectiveDate, month)) continue;
    const inMonth = isInMonth(notice.effectiveDate, month);
    for (const fee of feesOwedOnEnding(notice.effectiveDate, notice.ending)) {
      if (charged.has(fee.key)) continue;
      charged.add(fee.key);
      if (!inMonth) continue;
      const option = optionOf.get(fee.key);
      lines.push({
        type: 'early_termination',
        contractNumber: numberOf.get(notice.contractId) ?? '',
        optionCode: option?.code ?? null,
        kind: option?.kind ?? null,
        owedOn: fee.owedOn,
        amountYen: fee.amountYen,
        pending: true,
      });
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
  return estimateOf(await statementRecords(db, customerId, month), month, today);
}

/**
 * The statement page's two figures from one read of the records: `month`'s statement and next
 * month's estimate as of `today`.
 */
export async function statementAndEstimate(db: DbOrTx, customerId: string, month: string, today: string) {
  const next = nextMonth(today.slice(0, 7));
  const [first = month, last = next] = [month, next].sort();
  const records = await statementRecords(db, customerId, first, last);
  return { statement: statementOf(records, month, {}), estimate: estimateOf(records, next, today) };
}

function estimateOf(records: StatementRecords, month: string, today: string) {
  const estimate = statementOf(records, month, {});
  const withoutCancellations = statementOf(records, month, { withdrawnOn: today });
  // A cancellation may raise next month's total (its early termination charge) or lower it (the fees it ends).
  return { month, totalYen: estimate.totalYen, withoutCancellationsYen: withoutCancellations.totalYen, cancellationsLowerByYen: withoutCancellations.totalYen - estimate.totalYen };
}
