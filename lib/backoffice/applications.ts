// The operators' decisions on applications (new contract, add option) and change requests
// (M2 speed change, PBB expansion item change): accept, reject with a reason, complete.
// R-FEES: the initial fee is owed when an application is accepted, the one-time fee when a
// change is accepted, the monthly fee from the billing start date set on completion.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications, changeRequests, charges, options, smarthubContracts, type OptionAttributes } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import type { Actor } from '@/lib/auth/access';
import { priceFor, priceItemKey, pricesInForce } from '@/lib/billing/prices';
import type { OptionRow } from '@/lib/contracts/queries';
import {
  activePbbContracts,
  closeAppliedContract,
  displayStatus,
  heldOptions,
  lockContract,
  toContractState,
  toOptionState,
} from '@/lib/contracts/state';
import { checkChange, japanDate, minimumTermLastDay, type Change, type NewOption, type Speed } from '@/lib/rules';
import { isOperator, notFound, refused, type OpCtx, type OpOutcome } from './outcome';

/** One fee that became owed, as recorded in `charges`. */
export interface OwedCharge {
  kind: 'initial' | 'one_time';
  /** 'basic' or the option's kind. */
  priceKind: string;
  item: string;
  optionId: string | null;
  amountYen: number;
}

const forbidden = refused('forbidden');

function optionIdsOf(payload: unknown): string[] {
  const ids = (payload as { optionIds?: unknown } | null)?.optionIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function newOptionOf(row: OptionRow): NewOption {
  const { id: _id, billingStartDate: _start, endsOn: _ends, ...option } = toOptionState(row);
  return option;
}

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
  const ids = optionIdsOf(application.payload);
  const rows = ids.length
    ? await tx
        .select()
        .from(options)
        .where(and(inArray(options.id, ids), eq(options.customerId, application.customerId), eq(options.contractId, contract.id)))
        .orderBy(options.createdAt, options.code)
    : [];
  return { application, contract, options: rows };
}

// ── applications ─────────────────────────────────────────────────────────────────────────────

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
    const applied = loaded.options.map(newOptionOf);
    const change: Change =
      application.type === 'new_contract' || applied.length !== 1
        ? { type: 'new_contract', options: applied }
        : { type: 'add_option', option: applied[0]! };
    const verdict = checkChange(toContractState(await activePbbContracts(tx, application.customerId), others), change);
    if (!verdict.ok) return { ok: false, kind: 'violations', violations: verdict.violations };

    const table = await pricesInForce(tx, application.customerId, today);
    const lines: OwedCharge[] = [
      ...(application.type === 'new_contract' ? [{ priceKind: 'basic', item: '', optionId: null }] : []),
      ...loaded.options.map((o) => ({ priceKind: o.kind as string, item: priceItemKey(o.kind, o.attributes), optionId: o.id })),
    ].map((line) => ({ ...line, kind: 'initial' as const, amountYen: priceFor(table, line.priceKind, line.item)?.initialYen ?? 0 }));
    const owed = lines.filter((l) => l.amountYen > 0);
    if (owed.length) {
      await tx
        .insert(charges)
        .values(
          owed.map((l) => ({
            customerId: application.customerId,
            contractId: contract.id,
            optionId: l.optionId,
            kind: l.kind,
            amountYen: l.amountYen,
            owedOn: today,
            sourceType: 'application',
            sourceId: `${application.id}:${l.optionId ?? 'basic'}`,
            createdBy: actor.userId,
          })),
        )
        .onConflictDoNothing();
    }

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
    return { ok: true, id: application.id, charges: owed };
  });
}

/**
 * Rejects a submitted application with a reason the customer sees. Its options end; a rejected
 * new contract ends with every option applied for on it, and applications on it go with it.
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
      await tx
        .update(applications)
        .set(decision)
        .where(and(eq(applications.id, application.id), eq(applications.customerId, application.customerId)));
      if (loaded.options.length) {
        await tx
          .update(options)
          .set({ status: 'ended' })
          .where(
            and(
              eq(options.customerId, application.customerId),
              eq(options.status, 'applied'),
              inArray(options.id, loaded.options.map((o) => o.id)),
            ),
          );
      }
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
    if (application.decidedAt && input.billingStartDate < japanDate(application.decidedAt)) {
      return refused('billing_before_acceptance');
    }
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
    return { ok: true, id: application.id, minimumTermLastDays };
  });
}

// ── change requests ──────────────────────────────────────────────────────────────────────────

interface ChangePayload {
  from?: string;
  to?: string;
}

/** The request, its option's contract locked, the option and the change as lib/rules sees it. */
async function loadChange(tx: DbOrTx, changeRequestId: string, today: string) {
  const [found] = await tx.select().from(changeRequests).where(eq(changeRequests.id, changeRequestId));
  if (!found) return null;
  const [option] = await tx
    .select()
    .from(options)
    .where(and(eq(options.id, found.optionId), eq(options.customerId, found.customerId)));
  if (!option) return null;
  const contract = await lockContract(tx, { contractId: option.contractId, customerId: found.customerId });
  if (!contract) return null;
  const [request] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, found.id), eq(changeRequests.customerId, found.customerId)));
  if (!request) return null;
  const to = String((request.payload as ChangePayload | null)?.to ?? '');
  const change: Change =
    request.type === 'change_item'
      ? { type: 'change_item', optionId: option.id, to: /^\d+$/.test(to) ? Number(to) : (to as Speed) }
      : { type: 'change_speed', optionId: option.id, to: to as Speed };
  const held = await heldOptions(tx, { contractId: contract.id, customerId: request.customerId, today });
  const state = toContractState(await activePbbContracts(tx, request.customerId), held);
  return { request, option, contract, to, change, held: held.some((o) => o.id === option.id), state };
}

function attributesAfter(attributes: OptionAttributes, change: Change): OptionAttributes {
  if (change.type === 'change_item' && typeof change.to === 'number') return { ...attributes, sessions: change.to };
  if (change.type === 'change_item' || change.type === 'change_speed') return { ...attributes, speed: change.to as Speed };
  return attributes;
}

/** Accepts a submitted change request; an item change owes its one-time fee from today. */
export async function acceptChangeRequest(
  db: Db,
  actor: Actor,
  input: { changeRequestId: string },
  ctx: OpCtx,
): Promise<OpOutcome<{ id: string; charges: OwedCharge[] }>> {
  if (!isOperator(actor)) return forbidden;
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const loaded = await loadChange(tx, input.changeRequestId, today);
    if (!loaded) return notFound;
    const { request, option, contract, change } = loaded;
    if (request.status !== 'submitted') return refused('not_submitted');
    if (!loaded.held) return refused('option_ended');
    const verdict = checkChange(loaded.state, change);
    if (!verdict.ok) return { ok: false, kind: 'violations', violations: verdict.violations };

    const owed: OwedCharge[] = [];
    if (change.type === 'change_item') {
      const table = await pricesInForce(tx, request.customerId, today);
      const item = priceItemKey(option.kind, attributesAfter(option.attributes, change));
      const amountYen = priceFor(table, option.kind, item)?.oneTimeYen ?? 0;
      if (amountYen > 0) owed.push({ kind: 'one_time', priceKind: option.kind, item, optionId: option.id, amountYen });
    }
    if (owed.length) {
      await tx
        .insert(charges)
        .values(
          owed.map((l) => ({
            customerId: request.customerId,
            contractId: contract.id,
            optionId: option.id,
            kind: l.kind,
            amountYen: l.amountYen,
            owedOn: today,
            sourceType: 'change_request',
            sourceId: `${request.id}:${option.id}`,
            createdBy: actor.userId,
          })),
        )
        .onConflictDoNothing();
    }
    await tx
      .update(changeRequests)
      .set({ status: 'accepted', decidedAt: ctx.now, decidedBy: actor.userId })
      .where(and(eq(changeRequests.id, request.id), eq(changeRequests.customerId, request.customerId)));
    const payload = request.payload as ChangePayload | null;
    await recordStaffAction(
      tx,
      actor,
      'change.accept',
      { type: 'change_request', id: request.id, customerId: request.customerId },
      {
        code: option.code,
        contractNumber: contract.contractNumber,
        from: payload?.from,
        to: payload?.to,
        acceptedOn: today,
        charges: owed.map((l) => ({ kind: l.kind, item: l.item, amountYen: l.amountYen })),
      },
      ctx.now,
    );
    return { ok: true, id: request.id, charges: owed };
  });
}

/** Rejects a submitted change request with a reason the customer sees; the option is unchanged. */
export async function rejectChangeRequest(
  db: Db,
  actor: Actor,
  input: { changeRequestId: string; reason: string },
  ctx: OpCtx,
): Promise<OpOutcome> {
  if (!isOperator(actor)) return forbidden;
  return db.transaction(async (tx) => {
    const loaded = await loadChange(tx, input.changeRequestId, japanDate(ctx.now));
    if (!loaded) return notFound;
    const { request, option, contract } = loaded;
    if (request.status !== 'submitted') return refused('not_submitted');
    await tx
      .update(changeRequests)
      .set({ status: 'rejected', decidedAt: ctx.now, decidedBy: actor.userId, decisionReason: input.reason })
      .where(and(eq(changeRequests.id, request.id), eq(changeRequests.customerId, request.customerId)));
    const payload = request.payload as ChangePayload | null;
    await recordStaffAction(
      tx,
      actor,
      'change.reject',
      { type: 'change_request', id: request.id, customerId: request.customerId },
      { code: option.code, contractNumber: contract.contractNumber, from: payload?.from, to: payload?.to, reason: input.reason },
      ctx.now,
    );
    return { ok: true, id: request.id };
  });
}

/** Completes an accepted change request: judged again by lib/rules, then the option changes. */
export async function completeChangeRequest(
  db: Db,
  actor: Actor,
  input: { changeRequestId: string },
  ctx: OpCtx,
): Promise<OpOutcome> {
  if (!isOperator(actor)) return forbidden;
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const loaded = await loadChange(tx, input.changeRequestId, today);
    if (!loaded) return notFound;
    const { request, option, contract, change } = loaded;
    if (request.status !== 'accepted') return refused('not_accepted');
    if (!loaded.held) return refused('option_ended');
    const verdict = checkChange(loaded.state, change);
    if (!verdict.ok) return { ok: false, kind: 'violations', violations: verdict.violations };

    const before = option.attributes;
    const after = attributesAfter(before, change);
    await tx
      .update(options)
      .set({ attributes: after })
      .where(and(eq(options.id, option.id), eq(options.customerId, request.customerId)));
    await tx
      .update(changeRequests)
      .set({ status: 'completed' })
      .where(and(eq(changeRequests.id, request.id), eq(changeRequests.customerId, request.customerId)));
    await recordStaffAction(
      tx,
      actor,
      'change.complete',
      { type: 'change_request', id: request.id, customerId: request.customerId },
      {
        code: option.code,
        contractNumber: contract.contractNumber,
        from: String(before.speed ?? before.sessions ?? ''),
        to: String(after.speed ?? after.sessions ?? ''),
        completedOn: today,
      },
      ctx.now,
    );
    return { ok: true, id: request.id };
  });
}
