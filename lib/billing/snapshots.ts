// Issued statements (statement_snapshots) read back. An issued month is what the customer was
// billed: it is shown as issued, never recomputed, and today's records are computed beside it only
// to say, out loud, when they would now give another total (a later price correction is never
// silent). The JSON column is parsed with zod into the Statement type, never cast; unknown fields
// a later version adds to a line are kept as they were stored.
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { readAll } from '@/db/read-all';
import { statementSnapshots } from '@/db/schema';
import { OPTION_KINDS, type OptionKind } from '@/lib/rules';
import { monthlyStatement, statementAndEstimate, type Statement } from './statements';

const yen = z.number().int();
const day = z.string();
const optionKind = z.enum(OPTION_KINDS as [OptionKind, ...OptionKind[]]);
const fee = z.looseObject({
  firstDay: day,
  lastDay: day,
  days: z.number().int().nonnegative(),
  daysInMonth: z.number().int().positive(),
  monthlyFeeYen: yen.nullable(),
  amountYen: yen,
});

const line = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('basic'), contractNumber: z.string(), fee, amountYen: yen }),
  z.looseObject({
    type: z.literal('monthly'),
    contractNumber: z.string(),
    optionCode: z.string(),
    kind: optionKind,
    // The item the days were billed at ('' where the kind has none).
    item: z.string(),
    fee,
    amountYen: yen,
  }),
  z.looseObject({
    type: z.enum(['initial', 'one_time', 'early_termination']),
    contractNumber: z.string(),
    optionCode: z.string().nullable(),
    kind: optionKind.nullable(),
    owedOn: day,
    amountYen: yen,
    // An early termination charge of a cancellation still pending when the month was issued.
    pending: z.literal(true).optional(),
  }),
]);

const reduction = z.looseObject({
  contractNumber: z.string(),
  claimedYen: yen,
  appliedYen: yen,
  cappedYen: yen,
  basicMonthlyFeeYen: yen.nullable(),
});

/** A Statement as stored in statement_snapshots.statement. */
export const storedStatement: z.ZodType<Statement> = z.looseObject({
  month: z.string(),
  lines: z.array(line),
  reductions: z.array(reduction),
  subtotalYen: yen,
  taxYen: yen,
  totalYen: yen,
  unpriced: z.number().int().nonnegative(),
});

export interface IssuedStatement {
  statement: Statement;
  issuedAt: Date;
  totalYen: number;
}

/**
 * The issued statement of `month` for one customer, or null when that month is not issued. A row
 * that does not parse is an error, not a recomputation: what was issued must never be replaced
 * silently by what the records say today.
 */
export async function issuedStatement(db: DbOrTx, customerId: string, month: string): Promise<IssuedStatement | null> {
  const [row] = await db
    .select({ statement: statementSnapshots.statement, issuedAt: statementSnapshots.issuedAt, totalYen: statementSnapshots.totalYen })
    .from(statementSnapshots)
    .where(and(eq(statementSnapshots.customerId, customerId), eq(statementSnapshots.month, month)));
  if (!row) return null;
  const parsed = storedStatement.safeParse(row.statement);
  if (!parsed.success) throw new Error(`statement_snapshots: the issued statement of ${month} does not parse: ${parsed.error.message}`);
  return { statement: parsed.data, issuedAt: row.issuedAt, totalYen: row.totalYen };
}

/** The months of one customer that are issued, oldest first. */
export async function issuedMonths(db: DbOrTx, customerId: string): Promise<string[]> {
  const rows = await db
    .select({ month: statementSnapshots.month })
    .from(statementSnapshots)
    .where(eq(statementSnapshots.customerId, customerId))
    .orderBy(asc(statementSnapshots.month));
  return rows.map((r) => r.month);
}

/**
 * What the customer's statement page, CSV and PDF show for `month`: the issued statement when the
 * month is issued, with the total today's records would give and the difference (positive: today's
 * records give more); otherwise the statement computed from today's records.
 */
export type StatementView =
  | { statement: Statement; issued: null }
  | { statement: Statement; issued: { issuedAt: Date; totalYen: number }; today: { totalYen: number; differenceYen: number } };

export async function statementView(db: DbOrTx, customerId: string, month: string): Promise<StatementView> {
  const [issued, computed] = await readAll(db, [() => issuedStatement(db, customerId, month), () => monthlyStatement(db, customerId, month)]);
  return viewOf(issued, computed);
}

/** The statement page's figures: `month`'s view and next month's estimate as of `today`, from one read of the records. */
export async function statementPageView(db: DbOrTx, customerId: string, month: string, today: string) {
  const [issued, { statement, estimate }] = await readAll(db, [
    () => issuedStatement(db, customerId, month),
    () => statementAndEstimate(db, customerId, month, today),
  ]);
  return { view: viewOf(issued, statement), estimate };
}

function viewOf(issued: IssuedStatement | null, computed: Statement): StatementView {
  if (!issued) return { statement: computed, issued: null };
  return {
    statement: issued.statement,
    issued: { issuedAt: issued.issuedAt, totalYen: issued.totalYen },
    today: { totalYen: computed.totalYen, differenceYen: computed.totalYen - issued.totalYen },
  };
}
