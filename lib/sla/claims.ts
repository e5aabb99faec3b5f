// SLA credit claims (Art. 9), the customer's side: a reduction an outage earned is claimed once
// per outage and kind, within the window. Whether it may be is lib/rules' decision (claimRefusal);
// this file loads, locks and writes. Operators decide claims in lib/backoffice/claims.ts.
import { and, eq } from 'drizzle-orm';
import { creditClaims, outages } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import { mayClaimCredits } from '@/lib/auth/access';
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

/** Claims one reduction of one outage of the actor's customer; the amount is the one shown today. Admins and the billing role claim. */
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
}, mayClaimCredits);
