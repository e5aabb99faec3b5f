// Flow 5: cancellation notices, of one option or of the whole contract. Every date and charge
// comes from one lib/rules plan (cancellationPlan); the notice keeps what the customer saw.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cancellationNotices, options, smarthubContracts } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import { enqueueNotification } from '@/lib/notify/outbox';
import type { CustomerActor } from '@/lib/auth/access';
import { pricesInForce, type PriceRow } from '@/lib/billing/prices';
import { sameAmounts } from '@/lib/contract/amounts';
import { findNoticeByKey } from '@/lib/contract/idempotency';
import { activePbbContracts, heldOptions, lockContract, lockOptionContract } from '@/lib/contract/lock';
import type { OptionRow } from '@/lib/contract/rows';
import { toContractState } from '@/lib/contract/state';
import { notFound, refused, violated, type RuleViolation } from '@/lib/result';
import { cancellationPlan, checkChange, japanDate, type CancellationPlan, type PlanOption } from '@/lib/rules';
import { answerKey, itemPrice, keyedService, portInterruptions, requestHashOf, submitter, type Keyed } from './common';
import type { CancellationPreview } from './types';

function planOption(row: OptionRow, table: Map<string, PriceRow>): PlanOption {
  return {
    id: row.id,
    kind: row.kind,
    billingStartDate: row.billingStartDate,
    endsOn: row.endsOn,
    portId: row.portId,
    monthlyFeeYen: itemPrice(table, row.kind, row.attributes)?.monthlyYen ?? 0,
  };
}

/** The plan as the customer sees it and the notice keeps it: each ending option named. */
function previewOf(plan: CancellationPlan, rows: OptionRow[], table: Map<string, PriceRow>): CancellationPreview {
  const byId = new Map(rows.map((r) => [r.id, r] as const));
  return {
    noticeDate: plan.noticeDate,
    earliestDate: plan.earliestDate,
    requestedDate: plan.requestedDate,
    effectiveDate: plan.effectiveDate,
    latestRequestableDate: plan.latestRequestableDate,
    withdrawableUntil: plan.withdrawableUntil,
    ending: plan.ending.flatMap((e) => {
      const row = byId.get(e.optionId);
      if (!row) return [];
      const port = e.withPort && row.portId ? byId.get(row.portId) : undefined;
      return [
        {
          optionId: row.id,
          code: row.code,
          kind: row.kind,
          attributes: row.attributes,
          billingStartDate: row.billingStartDate,
          endsOn: e.endsOn,
          minimumTermLastDay: e.minimumTermLastDay,
          monthlyFeeYen: planOption(row, table).monthlyFeeYen,
          earlyTermination: e.earlyTermination,
          ...(port ? { endsWithPort: port.code, ...(e.endsEarlier ? { endsEarlier: true } : {}) } : {}),
        },
      ];
    }),
    totalEarlyTerminationYen: plan.totalEarlyTerminationYen,
    taxOnEarlyTerminationYen: plan.taxOnEarlyTerminationYen,
    ...(plan.cheapest ? { cheapest: plan.cheapest } : {}),
  };
}

/** The dates recorded in the audit row. */
function auditDates(p: CancellationPreview) {
  return {
    noticeDate: p.noticeDate,
    earliestDate: p.earliestDate,
    requestedDate: p.requestedDate,
    effectiveDate: p.effectiveDate,
    latestRequestableDate: p.latestRequestableDate,
  };
}

export const cancelOption = keyedService<{ optionId: string; requestedDate?: string } & Keyed, CancellationPreview>(
  'cancelOption',
  findNoticeByKey,
  async (tx, actor, input, ctx) => {
    const today = japanDate(ctx.now);
    const locked = await lockOptionContract(tx, { optionId: input.optionId, customerId: actor.customerId }, ctx.mode);
    if (!locked) return notFound;
    const { option: target, contract } = locked;
    const hash = requestHashOf('cancelOption', input);
    if (ctx.mode === 'confirm') {
      const done = await findNoticeByKey(tx, actor.customerId, input.idempotencyKey);
      if (done) return answerKey(done, hash);
    }
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const option = held.find((o) => o.id === target.id);
    const table = await pricesInForce(tx, actor.customerId, today);
    // The plan sees every option held, so a public port's NAPT add-ons end with it (lib/rules).
    const plan = cancellationPlan({
      receivedAt: ctx.now,
      requestedDate: input.requestedDate,
      scope: 'option',
      targetId: target.id,
      options: option ? held.map((o) => planOption(o, table)) : [],
    });
    const state = toContractState(await activePbbContracts(tx, actor.customerId), held);
    const change = { type: 'cancel_option' as const, optionId: target.id, effectiveDate: plan.effectiveDate };
    const preview: CancellationPreview = {
      ...previewOf(plan, held, table),
      interruptions: option ? portInterruptions(state, change, held) : [],
    };
    if (plan.refusal) return refused(plan.refusal, preview);
    const verdict = checkChange(state, change);
    if (!verdict.ok) return violated(verdict.violations, preview);
    if (!option) return notFound;
    if (option.status === 'applied') return refused('withdraw_instead', preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };
    if (!sameAmounts(preview, input.amountsShown)) return refused('prices_changed', preview);

    const notice = await insertNotice(tx, actor, { contractId: contract.id, optionId: option.id, preview, idempotencyKey: input.idempotencyKey, requestHash: hash }, ctx.now);
    // The option and every NAPT add-on ending with it (its port's effective date, or its own earlier day).
    for (const ending of plan.ending) {
      await tx
        .update(options)
        .set({ endsOn: ending.endsOn })
        .where(and(eq(options.id, ending.optionId), eq(options.contractId, contract.id), eq(options.customerId, actor.customerId)));
    }
    const withPort = preview.ending.filter((e) => e.endsWithPort).map((e) => e.code);
    await recordCustomerAction(
      tx,
      actor,
      'option.cancel',
      { type: 'option', id: option.id },
      {
        code: option.code,
        noticeId: notice.id,
        ...auditDates(preview),
        earlyTerminationYen: preview.totalEarlyTerminationYen,
        ...(withPort.length ? { endingWithPort: withPort } : {}),
      },
      ctx.now,
    );
    await enqueueNotification(
      tx,
      {
        customerId: actor.customerId,
        category: 'cancellations',
        type: 'cancellation.received',
        facts: {
          noticeId: notice.id,
          contractNumber: contract.contractNumber,
          target: option.code,
          effectiveDate: preview.effectiveDate,
          chargeYen: preview.totalEarlyTerminationYen,
        },
        link: `/contracts/${contract.id}`,
        to: [{ kind: 'customer_users' }],
      },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: notice.id, contractId: contract.id, duplicate: false };
  },
);

/** Every option ends on the contract's effective date, except one already ending earlier, which keeps its day. */
export const cancelContract = keyedService<{ contractId: string; requestedDate?: string } & Keyed, CancellationPreview>(
  'cancelContract',
  findNoticeByKey,
  async (tx, actor, input, ctx) => {
    const today = japanDate(ctx.now);
    const contract = await lockContract(tx, { contractId: input.contractId, customerId: actor.customerId }, ctx.mode);
    if (!contract || contract.status === 'ended') return notFound;
    const hash = requestHashOf('cancelContract', input);
    if (ctx.mode === 'confirm') {
      const done = await findNoticeByKey(tx, actor.customerId, input.idempotencyKey);
      if (done) return answerKey(done, hash);
    }
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const table = await pricesInForce(tx, actor.customerId, today);
    const plan = cancellationPlan({
      receivedAt: ctx.now,
      requestedDate: input.requestedDate,
      scope: 'contract',
      options: held.map((o) => planOption(o, table)),
    });
    const preview = previewOf(plan, held, table);
    if (plan.refusal) return refused(plan.refusal, preview);
    const violations: RuleViolation[] = [];
    if (contract.endsOn) {
      violations.push({ rule: 'R-ALREADY-ENDING', message: `the contract already ends on ${contract.endsOn}` });
    } else {
      const verdict = checkChange(toContractState(await activePbbContracts(tx, actor.customerId), held), {
        type: 'cancel_contract',
        effectiveDate: plan.effectiveDate,
      });
      if (!verdict.ok) violations.push(...verdict.violations);
    }
    if (violations.length) return violated(violations, preview);
    if (contract.status === 'applied') return refused('withdraw_instead', preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };
    if (!sameAmounts(preview, input.amountsShown)) return refused('prices_changed', preview);

    const notice = await insertNotice(tx, actor, { contractId: contract.id, optionId: null, preview, idempotencyKey: input.idempotencyKey, requestHash: hash }, ctx.now);
    await tx
      .update(smarthubContracts)
      .set({ endsOn: plan.effectiveDate })
      .where(and(eq(smarthubContracts.id, contract.id), eq(smarthubContracts.customerId, actor.customerId)));
    const endingWithContract = plan.ending.filter((e) => !e.keepsOwnDay).map((e) => e.optionId);
    if (endingWithContract.length) {
      await tx
        .update(options)
        .set({ endsOn: plan.effectiveDate })
        .where(and(inArray(options.id, endingWithContract), eq(options.customerId, actor.customerId)));
    }
    await recordCustomerAction(
      tx,
      actor,
      'contract.cancel',
      { type: 'contract', id: contract.id },
      { contractNumber: contract.contractNumber, noticeId: notice.id, ...auditDates(preview), earlyTerminationYen: preview.totalEarlyTerminationYen },
      ctx.now,
    );
    await enqueueNotification(
      tx,
      {
        customerId: actor.customerId,
        category: 'cancellations',
        type: 'cancellation.received',
        facts: {
          noticeId: notice.id,
          contractNumber: contract.contractNumber,
          target: contract.contractNumber,
          effectiveDate: preview.effectiveDate,
          chargeYen: preview.totalEarlyTerminationYen,
        },
        link: `/contracts/${contract.id}`,
        to: [{ kind: 'customer_users' }],
      },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: notice.id, contractId: contract.id, duplicate: false };
  },
);

/** The notice as it reached the company: its instant, dates, and what the customer confirmed. */
async function insertNotice(
  tx: DbOrTx,
  actor: CustomerActor,
  input: { contractId: string; optionId: string | null; preview: CancellationPreview; idempotencyKey: string; requestHash: string },
  receivedAt: Date,
) {
  const [notice] = await tx
    .insert(cancellationNotices)
    .values({
      customerId: actor.customerId,
      contractId: input.contractId,
      optionId: input.optionId,
      receivedAt,
      requestedDate: input.preview.requestedDate,
      effectiveDate: input.preview.effectiveDate,
      ...submitter(actor),
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      summary: input.preview,
    })
    .returning();
  if (!notice) throw new Error('notice not inserted');
  return notice;
}
