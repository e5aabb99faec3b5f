// SLA credit claims (Art. 9), the operator's side: a submitted claim is approved into a billing
// month (R-SLA-CAP then applies per contract and month, on the statement) or rejected with a
// reason the customer sees; each once, audited.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { creditClaims, customers, outages, smarthubContracts } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import { enqueueNotification } from '@/lib/notify/outbox';
import type { StaffActor } from '@/lib/auth/access';
import { lockContract } from '@/lib/contract/lock';
import { billingMonthRefusal, capOneMoreReduction, earnedCredit, japanDate, monthDays } from '@/lib/rules';
import { basicMonthlyFeeOn, outageCreditView } from '@/lib/sla/queries';
import { isOperator, notFound, refused, type OpCtx } from './outcome';

export type ClaimDecision = { claimId: string; decision: 'approve'; billingMonth: string } | { claimId: string; decision: 'reject'; reason: string };

/** An operator's decision on a submitted claim, in one transaction; audited with the amount and the month or the reason. */
export async function decideClaim(db: Db, actor: StaffActor, input: ClaimDecision, ctx: OpCtx) {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction((tx) => decide(tx, actor, input, ctx.now));
}

async function decide(tx: DbOrTx, actor: StaffActor, input: ClaimDecision, now: Date) {
  const [claim] = await tx.select().from(creditClaims).where(eq(creditClaims.id, input.claimId));
  if (!claim) return notFound;
  const contract = await lockContract(tx, { contractId: claim.contractId, customerId: claim.customerId });
  if (!contract) return notFound;
  const [fresh] = await tx.select().from(creditClaims).where(and(eq(creditClaims.id, claim.id), eq(creditClaims.customerId, claim.customerId)));
  if (fresh?.status !== 'submitted') return refused('already_decided');
  let amountYen = claim.amountYen;
  if (input.decision === 'approve') {
    if (billingMonthRefusal(input.billingMonth, japanDate(now))) return refused('month_in_past');
    // Judged again as the outage stands now: an operator may have excluded or corrected it since the claim.
    const [outage] = await tx.select().from(outages).where(and(eq(outages.id, claim.outageId), eq(outages.customerId, claim.customerId)));
    if (!outage) return notFound;
    const view = await outageCreditView(tx, outage, [], now);
    if (view.credits?.excluded) return refused('claim_excluded');
    const earned = view.credits ? earnedCredit(view.credits, claim.kind) : null;
    if (!earned) return refused('claim_not_earned');
    amountYen = earned.yen;
  }
  const change =
    input.decision === 'approve'
      ? { status: 'approved' as const, billingMonth: input.billingMonth, decisionReason: null, amountYen }
      : { status: 'rejected' as const, billingMonth: null, decisionReason: input.reason.trim(), amountYen };
  await tx
    .update(creditClaims)
    .set({ ...change, decidedAt: now, decidedBy: actor.userId })
    .where(and(eq(creditClaims.id, claim.id), eq(creditClaims.customerId, claim.customerId)));
  await recordStaffAction(
    tx,
    actor,
    input.decision === 'approve' ? 'sla.claim.approve' : 'sla.claim.reject',
    { type: 'credit_claim', id: claim.id, customerId: claim.customerId },
    { amountYen: change.amountYen, claimedYen: claim.amountYen, kind: claim.kind, billingMonth: change.billingMonth, reason: change.decisionReason },
    now,
  );
  await enqueueNotification(
    tx,
    {
      customerId: claim.customerId,
      category: 'sla',
      type: 'sla.claim_decided',
      facts: {
        claimId: claim.id,
        contractNumber: contract.contractNumber,
        decision: input.decision,
        amountYen: change.amountYen,
        billingMonth: change.billingMonth,
        reason: change.decisionReason,
      },
      link: `/contracts/${claim.contractId}/sla`,
      to: [{ kind: 'customer_users', roles: ['admin', 'billing'] }],
    },
    now,
  );
  return { ok: true as const, id: claim.id };
}

/**
 * The operators' queue of submitted claims, oldest first, each with what approving it into
 * `month` would do under the cap (R-SLA-CAP): the reductions already approved for that contract
 * and month, the basic monthly fee in force on the month's first day, and what would be applied
 * and what capped.
 */
export async function claimQueue(db: DbOrTx, month: string) {
  const rows = await db
    .select({ claim: creditClaims, outage: outages, contractNumber: smarthubContracts.contractNumber, customerName: customers.name })
    .from(creditClaims)
    .innerJoin(outages, eq(outages.id, creditClaims.outageId))
    .innerJoin(smarthubContracts, eq(smarthubContracts.id, creditClaims.contractId))
    .innerJoin(customers, eq(customers.id, creditClaims.customerId))
    .where(eq(creditClaims.status, 'submitted'))
    .orderBy(asc(creditClaims.claimedAt))
    .limit(200);
  const contractIds = [...new Set(rows.map((r) => r.claim.contractId))];
  const approved = contractIds.length
    ? await db
        .select({ contractId: creditClaims.contractId, amountYen: creditClaims.amountYen })
        .from(creditClaims)
        .where(and(inArray(creditClaims.contractId, contractIds), eq(creditClaims.status, 'approved'), eq(creditClaims.billingMonth, month)))
    : [];
  const fees = new Map<string, Promise<number | null>>();
  const feeOf = (customerId: string) => {
    if (!fees.has(customerId)) fees.set(customerId, basicMonthlyFeeOn(db, customerId, monthDays(month).firstDay));
    return fees.get(customerId)!;
  };
  return Promise.all(
    rows.map(async (row) => {
      const before = approved.filter((a) => a.contractId === row.claim.contractId).map((a) => a.amountYen);
      const basicFeeYen = await feeOf(row.claim.customerId);
      const ifApproved = basicFeeYen === null ? null : capOneMoreReduction({ approvedYen: before, reductionYen: row.claim.amountYen, basicMonthlyFeeYen: basicFeeYen });
      return { ...row, approvedInMonthYen: before.reduce((a, b) => a + b, 0), basicFeeYen, ifApproved };
    }),
  );
}
