// Issuing a month's statements (issue 12): an operator freezes a closed month, for every customer
// with a statement that month not yet issued, as it is computed now, with the records it was
// computed from (statement_snapshots; the database refuses to edit a row). From then on the
// customer sees the issued statement, and today's records only beside it.
import { and, asc, eq, exists, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { charges, customers, smarthubContracts, statementSnapshots } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import { enqueueNotification } from '@/lib/notify/outbox';
import type { StaffActor } from '@/lib/auth/access';
import { statementWithInputs } from '@/lib/billing/statements';
import { settleEndedCancellations } from './cancellations';
import { issueMonthRefusal, japanDate, monthDays } from '@/lib/rules';
import { isOperator, refused, type OpCtx } from './outcome';

/**
 * The customers with a statement in `month` (their first statement month, firstStatementMonth, is
 * `month` or earlier: some contract of theirs started billing, or some fee became owed, by the
 * month's last day), by customer code.
 */
async function customersWithStatement(db: DbOrTx, month: string) {
  const { lastDay } = monthDays(month);
  const billing = db
    .select({ one: sql`1` })
    .from(smarthubContracts)
    .where(and(eq(smarthubContracts.customerId, customers.id), isNotNull(smarthubContracts.billingStartDate), lte(smarthubContracts.billingStartDate, lastDay)));
  const owed = db
    .select({ one: sql`1` })
    .from(charges)
    .where(and(eq(charges.customerId, customers.id), lte(charges.owedOn, lastDay)));
  return db
    .select({ id: customers.id, code: customers.code, name: customers.name })
    .from(customers)
    .where(or(exists(billing), exists(owed)))
    .orderBy(asc(customers.code));
}

async function issuedIn(db: DbOrTx, month: string) {
  return db
    .select({ customerId: statementSnapshots.customerId, totalYen: statementSnapshots.totalYen, issuedAt: statementSnapshots.issuedAt })
    .from(statementSnapshots)
    .where(eq(statementSnapshots.month, month));
}

/**
 * What issuing `month` would do, for the operator's page: the customers with a statement that
 * month, those already issued (with their issued total), and those left to issue with the total
 * each statement has today. Computes every statement left to issue.
 */
export async function issuePreviewForStaff(db: DbOrTx, month: string) {
  const [all, issued] = await Promise.all([customersWithStatement(db, month), issuedIn(db, month)]);
  const issuedBy = new Map(issued.map((row) => [row.customerId, row] as const));
  const left: { id: string; code: string; name: string; totalYen: number }[] = [];
  for (const customer of all.filter((c) => !issuedBy.has(c.id))) {
    const { statement } = await statementWithInputs(db, customer.id, month);
    left.push({ ...customer, totalYen: statement.totalYen });
  }
  return {
    month,
    customers: all.length,
    issued: issued.length,
    issuedTotalYen: issued.reduce((n, row) => n + row.totalYen, 0),
    toIssue: left,
    toIssueTotalYen: left.reduce((n, row) => n + row.totalYen, 0),
  };
}

/**
 * Issues `month`'s statements: for every customer with a statement that month not yet issued, the
 * statement and its inputs are frozen, in one transaction, with one audit row per customer (so
 * each customer's history shows it). Refused while the month is not over (lib/rules) and when
 * nothing is left to issue; issuing twice issues nothing twice (one row per customer and month,
 * and two operators issuing the same month at once are taken one after the other).
 */
export async function issueStatements(db: Db, actor: StaffActor, input: { month: string }, ctx: OpCtx) {
  if (!isOperator(actor)) return refused('forbidden');
  const refusal = issueMonthRefusal(input.month, japanDate(ctx.now));
  if (refusal) return refused(refusal);
  // Cancellations that took effect are settled first, so their charges are recorded ones, not pending.
  await settleEndedCancellations(db, ctx.now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`statement-issue:${input.month}`}))`);
    // One after the other: a transaction is one connection.
    const all = await customersWithStatement(tx, input.month);
    const issued = await issuedIn(tx, input.month);
    const done = new Set(issued.map((row) => row.customerId));
    const left = all.filter((c) => !done.has(c.id));
    if (left.length === 0) return refused('nothing_to_issue');
    let count = 0;
    let totalYen = 0;
    for (const customer of left) {
      // The customer's contracts held against a settlement running meanwhile (it locks them for
      // update), so the records are read as one consistent picture.
      await tx.select({ id: smarthubContracts.id }).from(smarthubContracts).where(eq(smarthubContracts.customerId, customer.id)).for('share');
      const { statement, inputs } = await statementWithInputs(tx, customer.id, input.month);
      const [row] = await tx
        .insert(statementSnapshots)
        .values({ customerId: customer.id, month: input.month, statement, inputs, totalYen: statement.totalYen, issuedAt: ctx.now, issuedBy: actor.userId })
        .onConflictDoNothing({ target: [statementSnapshots.customerId, statementSnapshots.month] })
        .returning({ id: statementSnapshots.id });
      if (!row) continue;
      count += 1;
      totalYen += statement.totalYen;
      await recordStaffAction(
        tx,
        actor,
        'billing.statement.issue',
        { type: 'statement_snapshot', id: row.id, customerId: customer.id },
        { month: input.month, totalYen: statement.totalYen, subtotalYen: statement.subtotalYen, taxYen: statement.taxYen, lines: statement.lines.length },
        ctx.now,
      );
      await enqueueNotification(
        tx,
        {
          customerId: customer.id,
          category: 'statements',
          type: 'statement.ready',
          facts: { month: input.month, totalYen: statement.totalYen },
          link: `/statements?month=${input.month}`,
          to: [{ kind: 'customer_users' }],
          dedupeKey: `statement.ready:${customer.id}:${input.month}`,
        },
        ctx.now,
      );
    }
    if (count === 0) return refused('nothing_to_issue');
    return { ok: true as const, month: input.month, issued: count, totalYen };
  });
}

