// Flow 6: withdrawing what IIJ has not yet acted on — an application or a change request before
// it is accepted, a cancellation notice before its effective date.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications, cancellationNotices, changeRequests, options, smarthubContracts } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import type { CustomerActor } from '@/lib/auth/access';
import { activePbbContracts, closeAppliedContract, closeOptionApplication, findOption, judgeWithdrawal, lockContract, unendedOptions } from '@/lib/contract/lock';
import { readApplicationPayload } from '@/lib/contract/payloads';
import { notFound, refused, violated } from '@/lib/result';
import { endDatesAfterWithdrawal, japanDate, noticeWithdrawal } from '@/lib/rules';
import { customerService } from './common';
import type { Ctx, Outcome } from './types';

/** A change request before IIJ accepted it; the option is unchanged. */
export const withdrawChangeRequest = customerService<{ id: string }, null>(async (tx, actor, input, ctx) => {
  const [request] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, input.id), eq(changeRequests.customerId, actor.customerId)));
  if (!request) return notFound;
  const option = await findOption(tx, { optionId: request.optionId, customerId: actor.customerId });
  if (!option || !(await lockContract(tx, { contractId: option.contractId, customerId: actor.customerId }))) return notFound;
  // Read again under the lock: a concurrent decision is seen here.
  const [fresh] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, request.id), eq(changeRequests.customerId, actor.customerId)));
  if (fresh?.status !== 'submitted') return refused('not_withdrawable');
  if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };
  await tx
    .update(changeRequests)
    .set({ status: 'withdrawn', decidedAt: ctx.now })
    .where(and(eq(changeRequests.id, request.id), eq(changeRequests.customerId, actor.customerId)));
  await recordCustomerAction(tx, actor, 'change.withdraw', { type: 'option', id: option.id }, { code: option.code, changeRequestId: request.id }, ctx.now);
  return { ok: true, mode: 'confirm', preview: null, id: request.id, contractId: option.contractId, duplicate: false };
});

/** An application (new contract or added option) before IIJ accepted it. */
export const withdrawContractApplication = customerService<{ id: string }, null>(async (tx, actor, input, ctx) => {
  const today = japanDate(ctx.now);
  const [application] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, input.id), eq(applications.customerId, actor.customerId)));
  if (!application?.contractId) return notFound;
  const contract = await lockContract(tx, { contractId: application.contractId, customerId: actor.customerId });
  if (!contract) return notFound;
  const [fresh] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, application.id), eq(applications.customerId, actor.customerId)));
  if (fresh?.status !== 'submitted') return refused('not_withdrawable');
  const { optionIds } = readApplicationPayload(application.payload);

  if (application.type === 'add_option') {
    // Withdrawing pending options is checked like their cancellation today (rules.md §2), all of
    // them as one: a NAPT add-on applied for with its port goes with that port.
    const verdict = await judgeWithdrawal(tx, { contractId: contract.id, customerId: actor.customerId, optionIds, today });
    if (!verdict.ok) return violated(verdict.violations);
  }
  if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };

  const decision = { status: 'withdrawn' as const, decidedAt: ctx.now };
  if (application.type === 'new_contract') {
    await closeAppliedContract(tx, { contractId: contract.id, customerId: actor.customerId }, decision);
  } else {
    await closeOptionApplication(tx, { applicationId: application.id, customerId: actor.customerId, optionIds }, decision);
  }
  const ofContract = application.type === 'new_contract';
  await recordCustomerAction(
    tx,
    actor,
    ofContract ? 'contract.withdraw' : 'option.withdraw',
    { type: ofContract ? 'contract' : 'option', id: ofContract ? contract.id : (optionIds[0] ?? '') },
    { applicationId: application.id, contractNumber: contract.contractNumber },
    ctx.now,
  );
  return { ok: true, mode: 'confirm', preview: null, id: application.id, contractId: contract.id, duplicate: false };
});

/** Either of the two above, as the contract page's withdraw buttons send it (kept for its callers). */
export function withdrawApplication(
  db: Db,
  actor: CustomerActor,
  input: { kind: 'application' | 'change'; id: string },
  ctx: Ctx,
): Promise<Outcome<null>> {
  return input.kind === 'change'
    ? withdrawChangeRequest(db, actor, { id: input.id }, ctx)
    : withdrawContractApplication(db, actor, { id: input.id }, ctx);
}

/** A cancellation notice before its effective date: every end date it set goes back (lib/rules endDatesAfterWithdrawal). */
export const withdrawCancellation = customerService<{ noticeId: string }, null>(async (tx, actor, input, ctx) => {
  const today = japanDate(ctx.now);
  const [notice] = await tx
    .select()
    .from(cancellationNotices)
    .where(and(eq(cancellationNotices.id, input.noticeId), eq(cancellationNotices.customerId, actor.customerId)));
  if (!notice) return notFound;
  const contract = await lockContract(tx, { contractId: notice.contractId, customerId: actor.customerId });
  if (!contract) return notFound;
  const pending = await tx
    .select()
    .from(cancellationNotices)
    .where(
      and(
        eq(cancellationNotices.contractId, contract.id),
        eq(cancellationNotices.customerId, actor.customerId),
        eq(cancellationNotices.status, 'pending'),
      ),
    );
  // Read again under the lock: a concurrent withdrawal is seen here.
  const [fresh] = await tx
    .select({ status: cancellationNotices.status })
    .from(cancellationNotices)
    .where(and(eq(cancellationNotices.id, notice.id), eq(cancellationNotices.customerId, actor.customerId)));
  const verdict = noticeWithdrawal({
    today,
    status: fresh?.status ?? 'withdrawn',
    effectiveDate: notice.effectiveDate,
    activePbbContracts: await activePbbContracts(tx, actor.customerId),
  });
  if (!verdict.ok) return refused('not_withdrawable');
  if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };

  await tx
    .update(cancellationNotices)
    .set({ status: 'withdrawn', withdrawnAt: ctx.now })
    .where(and(eq(cancellationNotices.id, notice.id), eq(cancellationNotices.customerId, actor.customerId)));
  const unended = await unendedOptions(tx, { contractId: contract.id, customerId: actor.customerId });
  const after = endDatesAfterWithdrawal({
    withdrawn: { optionId: notice.optionId, effectiveDate: notice.effectiveDate },
    pending: pending.filter((n) => n.id !== notice.id),
    options: unended,
  });
  if (after.contractEndsOn !== 'unchanged') {
    await tx
      .update(smarthubContracts)
      .set({ endsOn: after.contractEndsOn })
      .where(and(eq(smarthubContracts.id, contract.id), eq(smarthubContracts.customerId, actor.customerId)));
  }
  // A port's notice also ended its NAPT add-ons: lib/rules gives them back their own last day too.
  for (const option of after.options) {
    await tx
      .update(options)
      .set({ endsOn: option.endsOn })
      .where(and(eq(options.id, option.optionId), eq(options.customerId, actor.customerId)));
  }
  await recordCustomerAction(
    tx,
    actor,
    'cancellation.withdraw',
    { type: notice.optionId ? 'option' : 'contract', id: notice.optionId ?? contract.id },
    { noticeId: notice.id, effectiveDate: notice.effectiveDate },
    ctx.now,
  );
  return { ok: true, mode: 'confirm', preview: null, id: notice.id, contractId: contract.id, duplicate: false };
});
