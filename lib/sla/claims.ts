// SLA credit claims (Art. 9): the customer claims a reduction an outage earned, once per outage
// and kind, within the window; an operator approves it into a billing month or rejects it with a
// reason the customer sees. Every decision is lib/rules' (claimRefusal); this file loads, locks
// and writes.
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { creditClaims, outages } from '@/db/schema';
import { recordCustomerAction, recordStaffAction } from '@/lib/audit';
import type { StaffActor } from '@/lib/auth/access';
import { isOperator } from '@/lib/backoffice/outcome';
import { lockContract } from '@/lib/contract/lock';
import { customerService } from '@/lib/contracts/common';
import type { Outcome } from '@/lib/contracts/types';
import { notFound, refused, violated } from '@/lib/result';
import { earnedCredit, type CreditKind } from '@/lib/rules';
import { outageCreditView } from './queries';

export interface ClaimInput {
  outageId: string;
  kind: CreditKind;
  comment?: string;
}

/** Claims one reduction of one outage of the actor's customer; the amount is the one shown today. */
export const claimCredit = customerService<ClaimInput, null>(async (tx, actor, input, ctx): Promise<Outcome<null>> => {
  const [outage] = await tx
    .select()
    .from(outages)
    .where(and(eq(outages.id, input.outageId), eq(outages.customerId, actor.customerId)));
  if (!outage) return notFound;
  // The contract row is the lock of everything on it: a second claim waits here and then sees the first.
  if (!(await lockContract(tx, { contractId: outage.contractId, customerId: actor.customerId }, ctx.mode))) return notFound;
  const claims = await tx
    .select()
    .from(creditClaims)
    .where(and(eq(creditClaims.outageId, outage.id), eq(creditClaims.customerId, actor.customerId)));
  const view = await outageCreditView(tx, outage, claims, ctx.now);
  const { refusal } = view.kinds[input.kind];
  if (refusal) {
    return 'rule' in refusal
      ? violated([{ rule: refusal.rule, message: refusal.reason === 'claim_lapsed' ? `the last day to claim was ${refusal.lastDayToClaim}` : 'the outage is excluded' }])
      : refused(refusal.reason);
  }
  const earned = view.credits && earnedCredit(view.credits, input.kind);
  if (!earned) return refused('nothing_to_claim');
  if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };
  const [claim] = await tx
    .insert(creditClaims)
    .values({
      customerId: actor.customerId,
      contractId: outage.contractId,
      outageId: outage.id,
      kind: input.kind,
      amountYen: earned.yen,
      comment: input.comment?.trim() || null,
      claimedAt: ctx.now,
      claimedBy: actor.impersonation?.staffUserId ?? actor.userId,
    })
    .returning();
  if (!claim) throw new Error('claim not inserted');
  await recordCustomerAction(
    tx,
    actor,
    'sla.claim',
    { type: 'credit_claim', id: claim.id },
    { outageId: outage.id, kind: input.kind, amountYen: earned.yen, lastDayToClaim: earned.lastDayToClaim },
    ctx.now,
  );
  return { ok: true, mode: 'confirm', preview: null, id: claim.id, contractId: outage.contractId, duplicate: false };
});

export type ClaimDecision = { claimId: string; decision: 'approve'; billingMonth: string } | { claimId: string; decision: 'reject'; reason: string };

/** An operator's decision on a submitted claim, in one transaction; audited with the amount and the month or the reason. */
export async function decideClaim(db: Db, actor: StaffActor, input: ClaimDecision, ctx: { now: Date }) {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction((tx) => decide(tx, actor, input, ctx.now));
}

async function decide(tx: DbOrTx, actor: StaffActor, input: ClaimDecision, now: Date) {
  const [claim] = await tx.select().from(creditClaims).where(eq(creditClaims.id, input.claimId));
  if (!claim) return notFound;
  if (!(await lockContract(tx, { contractId: claim.contractId, customerId: claim.customerId }))) return notFound;
  const [fresh] = await tx.select().from(creditClaims).where(and(eq(creditClaims.id, claim.id), eq(creditClaims.customerId, claim.customerId)));
  if (fresh?.status !== 'submitted') return refused('already_decided');
  const change =
    input.decision === 'approve'
      ? { status: 'approved' as const, billingMonth: input.billingMonth, decisionReason: null }
      : { status: 'rejected' as const, billingMonth: null, decisionReason: input.reason.trim() };
  await tx
    .update(creditClaims)
    .set({ ...change, decidedAt: now, decidedBy: actor.userId })
    .where(and(eq(creditClaims.id, claim.id), eq(creditClaims.customerId, claim.customerId)));
  await recordStaffAction(
    tx,
    actor,
    input.decision === 'approve' ? 'sla.claim.approve' : 'sla.claim.reject',
    { type: 'credit_claim', id: claim.id, customerId: claim.customerId },
    { amountYen: claim.amountYen, kind: claim.kind, billingMonth: change.billingMonth, reason: change.decisionReason },
    now,
  );
  return { ok: true as const, id: claim.id };
}
