// The operators' decisions on applications (new contract, add option): accept, reject with a
// reason, complete. When each fee is owed and when billing may start are lib/rules' decisions
// (R-FEES: feesOwedOnAcceptance, billingStartRefusal); here they are recorded.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications, options, smarthubContracts } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import type { Actor } from '@/lib/auth/access';
import { recordCharges } from '@/lib/billing/charges';
import { enqueueNotification } from '@/lib/notify/outbox';
import { priceFor, priceItemKey, pricesInForce } from '@/lib/billing/prices';
import {
  activePbbContracts,
  closeAppliedContract,
  closeOptionApplication,
  displayStatus,
  heldOptions,
  judgeWithdrawal,
  lockContract,
  readApplicationPayload,
  toContractState,
} from '@/lib/contract';
import { violated } from '@/lib/result';
import { billingStartRefusal, checkChange, feesOwedOnAcceptance, japanDate, minimumTermLastDay } from '@/lib/rules';
import { applicationChange } from './application-change';
import { isOperator, notFound, refused, type OpCtx, type OpOutcome, type OwedCharge } from './outcome';


const forbidden = refused('forbidden');

/** The application, its contract locked for the rest of the transaction, and its options. */
async function loadApplication(tx: DbOrTx, applicationId: string) {
  const [found] = await tx.select().from(applications).where(eq(applications.id, applicationId));
  if (!found?.contractId) return null;
  const contract = await lockContract(tx, { contractId: found.contractId, customerId: found.customerId });
  if (!contract) return null;
  // Read again under the lock: a concurrent decision is seen here.
  const [application] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, found.id), eq(applications.customerId, found.customerId)));
  if (!application) return null;
  const ids = readApplicationPayload(application.payload).optionIds;
  const rows = ids.length
    ? await tx
        .select()
        .from(options)
        .where(and(inArray(options.id, ids), eq(options.customerId, application.customerId), eq(options.contractId, contract.id)))
        .orderBy(options.createdAt, options.code)
    : [];
  return { application, contract, options: rows };
}

/**
 * Accepts a submitted application: it and its options (and, for a new contract, the contract)
 * become accepted, and the initial fees are owed from today at the prices in force today.
 */
export async function acceptApplication(
  db: Db,
  actor: Actor,
  input: { applicationId: string },
  ctx: OpCtx,
): Promise<OpOutcome<{ id: string; charges: OwedCharge[] }>> {
  if (!isOperator(actor)) return forbidden;
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const loaded = await loadApplication(tx, input.applicationId);
    if (!loaded) return notFound;
    const { application, contract } = loaded;
    if (application.status !== 'submitted') return refused('not_submitted');
    if (displayStatus(contract, today) === 'ended') return refused('contract_ended');
    // An option on a contract that is still only applied for is accepted after the contract.
    if (application.type === 'add_option' && contract.status === 'applied') return refused('contract_not_accepted');

    // Judged again as on the day it was made: the terms may no longer allow it (e.g. R-ELIG-PBB).
    const ids = new Set(loaded.options.map((o) => o.id));
    const others = (await heldOptions(tx, { contractId: contract.id, customerId: application.customerId, today })).filter(
      (o) => !ids.has(o.id),
    );
    // One application is judged as one: a public port with its NAPT add-ons together (add_options).
    const change = applicationChange(application.type, loaded.options);
    const verdict = checkChange(toContractState(await activePbbContracts(tx, application.customerId), others), change);
    if (!verdict.ok) return violated(verdict.violations);

    const table = await pricesInForce(tx, application.customerId, today);
    const lines = [
      ...(application.type === 'new_contract' ? [{ priceKind: 'basic', item: '', optionId: null }] : []),
      ...loaded.options.map((o) => ({ priceKind: o.kind as string, item: priceItemKey(o.kind, o.attributes), optionId: o.id })),
    ];
    // Each line keyed by what it is for: an option, or the contract's basic fee.
    const byKey = new Map(lines.map((l) => [l.optionId ?? 'basic', l] as const));
    const owedFees = feesOwedOnAcceptance(
      today,
      [...byKey].map(([key, l]) => ({ key, initialYen: priceFor(table, l.priceKind, l.item)?.initialYen ?? 0 })),
    );
    const owed: OwedCharge[] = owedFees.flatMap((fee) => {
      const line = byKey.get(fee.key);
      return line ? [{ ...line, kind: 'initial' as const, amountYen: fee.amountYen }] : [];
    });
    await recordCharges(
      tx,
      owed.map((l) => ({
        customerId: application.customerId,
        contractId: contract.id,
        optionId: l.optionId,
        kind: l.kind,
        amountYen: l.amountYen,
        owedOn: today,
        sourceType: 'application' as const,
        sourceId: `${application.id}:${l.optionId ?? 'basic'}`,
        createdBy: actor.userId,
      })),
    );

    await tx
      .update(applications)
      .set({ status: 'accepted', decidedAt: ctx.now, decidedBy: actor.userId })
      .where(and(eq(applications.id, application.id), eq(applications.customerId, application.customerId)));
    if (ids.size) {
      await tx
        .update(options)
        .set({ status: 'accepted' })
        .where(and(inArray(options.id, [...ids]), eq(options.customerId, application.customerId), eq(options.status, 'applied')));
    }
    if (application.type === 'new_contract') {
      await tx
        .update(smarthubContracts)
        .set({ status: 'accepted' })
        .where(
          and(
            eq(smarthubContracts.id, contract.id),
            eq(smarthubContracts.customerId, application.customerId),
            eq(smarthubContracts.status, 'applied'),
          ),
        );
    }
    await recordStaffAction(
      tx,
      actor,
      'application.accept',
      { type: 'application', id: application.id, customerId: application.customerId },
      {
        applicationType: application.type,
        contractNumber: contract.contractNumber,
        options: loaded.options.map((o) => o.code),
        acceptedOn: today,
        charges: owed.map((l) => ({ kind: l.kind, priceKind: l.priceKind, item: l.item, amountYen: l.amountYen })),
      },
      ctx.now,
    );
    await enqueueNotification(
      tx,
      {
        customerId: application.customerId,
        category: 'applications',
        type: 'application.accepted',
        facts: {
          applicationId: application.id,
          contractNumber: contract.contractNumber,
          applicationType: application.type,
          options: loaded.options.map((o) => o.code).join(', ') || null,
          acceptedOn: today,
          initialFeesYen: owed.reduce((sum, l) => sum + l.amountYen, 0),
        },
        link: `/contracts/${contract.id}`,
        to: [{ kind: 'customer_users' }],
      },
      ctx.now,
    );
    return { ok: true, id: application.id, charges: owed };
  });
}

/**
 * Rejects a submitted application with a reason the customer sees. Its options end, judged as a
 * withdrawal would be (judgeWithdrawal: the contract stays within the terms, so never from under
 * a NAPT of another application on a port it applied for); a rejected new contract ends with
 * every option applied for on it, and applications on it go with it.
 */
export async function rejectApplication(
  db: Db,
  actor: Actor,
  input: { applicationId: string; reason: string },
  ctx: OpCtx,
): Promise<OpOutcome> {
  if (!isOperator(actor)) return forbidden;
  return db.transaction(async (tx) => {
    const loaded = await loadApplication(tx, input.applicationId);
    if (!loaded) return notFound;
    const { application, contract } = loaded;
    if (application.status !== 'submitted') return refused('not_submitted');
    const decision = { status: 'rejected' as const, decidedAt: ctx.now, decidedBy: actor.userId, decisionReason: input.reason };

    if (application.type === 'new_contract') {
      await closeAppliedContract(tx, { contractId: contract.id, customerId: application.customerId }, decision);
    } else {
      // Never leaving the contract against the terms: the operator resolves what blocks it first.
      const optionIds = loaded.options.map((o) => o.id);
      const verdict = await judgeWithdrawal(tx, { contractId: contract.id, customerId: application.customerId, optionIds, today: japanDate(ctx.now) });
      if (!verdict.ok) return violated(verdict.violations);
      await closeOptionApplication(tx, { applicationId: application.id, customerId: application.customerId, optionIds }, decision);
    }
    await recordStaffAction(
      tx,
      actor,
      'application.reject',
      { type: 'application', id: application.id, customerId: application.customerId },
      {
        applicationType: application.type,
        contractNumber: contract.contractNumber,
        options: loaded.options.map((o) => o.code),
        reason: input.reason,
      },
      ctx.now,
    );
    await enqueueNotification(
      tx,
      {
        customerId: application.customerId,
        category: 'applications',
        type: 'application.rejected',
        facts: {
          applicationId: application.id,
          contractNumber: contract.contractNumber,
          applicationType: application.type,
          options: loaded.options.map((o) => o.code).join(', ') || null,
          reason: input.reason,
        },
        link: `/contracts/${contract.id}`,
        to: [{ kind: 'customer_users' }],
      },
      ctx.now,
    );
    return { ok: true, id: application.id };
  });
}

/**
 * Completes an accepted application: its options (and a new contract) become active with the
 * billing start date, from which the monthly fee is owed and a port's minimum use period runs.
 */
export async function completeApplication(
  db: Db,
  actor: Actor,
  input: { applicationId: string; billingStartDate: string },
  ctx: OpCtx,
): Promise<OpOutcome<{ id: string; minimumTermLastDays: Record<string, string | null> }>> {
  if (!isOperator(actor)) return forbidden;
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const loaded = await loadApplication(tx, input.applicationId);
    if (!loaded) return notFound;
    const { application, contract } = loaded;
    if (application.status !== 'accepted') return refused('not_accepted');
    if (displayStatus(contract, today) === 'ended') return refused('contract_ended');
    const tooEarly = billingStartRefusal(input.billingStartDate, application.decidedAt ? japanDate(application.decidedAt) : null);
    if (tooEarly) return refused(tooEarly);
    const ids = loaded.options.map((o) => o.id);
    if (ids.length) {
      await tx
        .update(options)
        .set({ status: 'active', billingStartDate: input.billingStartDate })
        .where(and(inArray(options.id, ids), eq(options.customerId, application.customerId), eq(options.status, 'accepted')));
    }
    if (application.type === 'new_contract') {
      await tx
        .update(smarthubContracts)
        .set({ status: 'active', billingStartDate: input.billingStartDate })
        .where(and(eq(smarthubContracts.id, contract.id), eq(smarthubContracts.customerId, application.customerId)));
    }
    await tx
      .update(applications)
      .set({ status: 'completed' })
      .where(and(eq(applications.id, application.id), eq(applications.customerId, application.customerId)));
    const minimumTermLastDays = Object.fromEntries(
      loaded.options.map((o) => [o.code, minimumTermLastDay(o.kind, input.billingStartDate)] as const),
    );
    await recordStaffAction(
      tx,
      actor,
      'application.complete',
      { type: 'application', id: application.id, customerId: application.customerId },
      {
        applicationType: application.type,
        contractNumber: contract.contractNumber,
        billingStartDate: input.billingStartDate,
        minimumTermLastDays,
      },
      ctx.now,
    );
    await enqueueNotification(
      tx,
      {
        customerId: application.customerId,
        category: 'applications',
        type: 'application.completed',
        facts: {
          applicationId: application.id,
          contractNumber: contract.contractNumber,
          applicationType: application.type,
          options: loaded.options.map((o) => o.code).join(', ') || null,
          billingStartDate: input.billingStartDate,
        },
        link: `/contracts/${contract.id}`,
        to: [{ kind: 'customer_users' }],
      },
      ctx.now,
    );
    return { ok: true, id: application.id, minimumTermLastDays };
  });
}

