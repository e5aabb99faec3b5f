// The operators' decisions on change requests (M2 speed change, PBB expansion item change):
// accept, reject with a reason, complete. The change is judged again by lib/rules at each step;
// an item change owes its one-time fee on acceptance (R-FEES: feesOwedOnChangeAcceptance).
import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { changeRequests, optionItemChanges, options, type OptionAttributes } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import { enqueueNotification } from '@/lib/notify/outbox';
import type { Actor } from '@/lib/auth/access';
import { recordCharges } from '@/lib/billing/charges';
import { priceFor, priceItemKey, pricesInForce } from '@/lib/billing/prices';
import { activePbbContracts, heldOptions, lockContract, readChangePayload, toContractState, type ChangePayload } from '@/lib/contract';
import { violated } from '@/lib/result';
import { checkChange, feesOwedOnChangeAcceptance, itemChangeAppliesFrom, japanDate, type Change } from '@/lib/rules';
import { isOperator, notFound, refused, type OpCtx, type OpOutcome, type OwedCharge } from './outcome';
import { withoutKey } from '@/lib/contracts/cloud-keys';

const forbidden = refused('forbidden');

/** The change as lib/rules judges it: from the request's typed target, never from its display text. */
function changeOf(optionId: string, payload: ChangePayload): Change {
  const { target } = payload;
  if (payload.type === 'change_item') return { type: 'change_item', optionId, to: 'sessions' in target ? target.sessions : target.speed };
  if ('speed' in target) return { type: 'change_speed', optionId, to: target.speed };
  // A speed change whose target is a size: lib/rules refuses it (R-CATALOG).
  return { type: 'change_item', optionId, to: target.sessions };
}

/** The request, its option's contract locked, the option and the change as lib/rules sees it. */
async function loadChange(tx: DbOrTx, changeRequestId: string, today: string) {
  const [found] = await tx.select().from(changeRequests).where(eq(changeRequests.id, changeRequestId));
  if (!found) return null;
  const optionRow = () =>
    tx
      .select()
      .from(options)
      .where(and(eq(options.id, found.optionId), eq(options.customerId, found.customerId)));
  // The option's contract never changes: read it to know which contract to lock.
  const [unlocked] = await optionRow();
  if (!unlocked) return null;
  const contract = await lockContract(tx, { contractId: unlocked.contractId, customerId: found.customerId });
  if (!contract) return null;
  // Read again under the lock: a concurrent decision, or a concurrent edit of the option (the
  // customer's cloud information), is seen here and not written back over.
  const [request] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, found.id), eq(changeRequests.customerId, found.customerId)));
  const [option] = await optionRow();
  if (!request || !option) return null;
  // A request whose target cannot be read as a catalog item can still be rejected, never applied.
  const payload = readChangePayload(request.payload);
  const held = await heldOptions(tx, { contractId: contract.id, customerId: request.customerId, today });
  const state = toContractState(await activePbbContracts(tx, request.customerId), held);
  return { request, option, contract, payload, change: payload ? changeOf(option.id, payload) : null, held: held.some((o) => o.id === option.id), state };
}

/** R-CATALOG: what an operator is told when a stored request's target is not a catalog item. */
const UNREADABLE_TARGET = { rule: 'R-CATALOG', message: 'R-CATALOG (Art. 4.2): the requested target is not an item of the catalog' };

/** What the customer was shown (from → to), read loosely: enough to name a rejected request. */
function displayedChange(payload: unknown): { from: string; to: string } {
  const parsed = displayed.safeParse(payload);
  return parsed.success ? parsed.data : { from: '', to: '' };
}
const displayed = z.object({ from: z.coerce.string().catch(''), to: z.coerce.string().catch('') });

function attributesAfter(attributes: OptionAttributes, payload: ChangePayload): OptionAttributes {
  return { ...attributes, ...payload.target };
}

/**
 * The request loaded under lock and judged again before an operator's step: it must be in
 * `status`, its target readable, its option still held, and lib/rules must still agree.
 */
async function loadJudgedChange(tx: DbOrTx, changeRequestId: string, today: string, status: 'submitted' | 'accepted') {
  const loaded = await loadChange(tx, changeRequestId, today);
  if (!loaded) return notFound;
  const { payload, change } = loaded;
  if (!payload || !change) return violated([UNREADABLE_TARGET]);
  if (loaded.request.status !== status) return refused(status === 'submitted' ? 'not_submitted' : 'not_accepted');
  if (!loaded.held) return refused('option_ended');
  const verdict = checkChange(loaded.state, change);
  if (!verdict.ok) return violated(verdict.violations);
  return { ...loaded, payload, change };
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
    const judged = await loadJudgedChange(tx, input.changeRequestId, today, 'submitted');
    if ('ok' in judged) return judged;
    const { request, option, contract, payload } = judged;

    const table = await pricesInForce(tx, request.customerId, today);
    const item = priceItemKey(option.kind, attributesAfter(option.attributes, payload));
    const fees = feesOwedOnChangeAcceptance(today, {
      key: item,
      type: request.type,
      oneTimeYen: priceFor(table, option.kind, item)?.oneTimeYen ?? 0,
    });
    const owed: OwedCharge[] = fees.map((f) => ({ kind: 'one_time', priceKind: option.kind, item: f.key, optionId: option.id, amountYen: f.amountYen }));
    await recordCharges(
      tx,
      fees.map((f) => ({
        customerId: request.customerId,
        contractId: contract.id,
        optionId: option.id,
        kind: f.kind,
        amountYen: f.amountYen,
        owedOn: f.owedOn,
        sourceType: 'change_request' as const,
        sourceId: `${request.id}:${option.id}`,
        createdBy: actor.userId,
      })),
    );
    await tx
      .update(changeRequests)
      .set({ status: 'accepted', decidedAt: ctx.now, decidedBy: actor.userId })
      .where(and(eq(changeRequests.id, request.id), eq(changeRequests.customerId, request.customerId)));
    await recordStaffAction(
      tx,
      actor,
      'change.accept',
      { type: 'change_request', id: request.id, customerId: request.customerId },
      {
        code: option.code,
        contractNumber: contract.contractNumber,
        from: payload.from,
        to: payload.to,
        acceptedOn: today,
        charges: owed.map((l) => ({ kind: l.kind, item: l.item, amountYen: l.amountYen })),
      },
      ctx.now,
    );
    await enqueueNotification(
      tx,
      {
        customerId: request.customerId,
        category: 'changes',
        type: 'change.accepted',
        facts: { changeRequestId: request.id, contractNumber: contract.contractNumber, code: option.code, acceptedOn: today },
        link: `/contracts/${contract.id}`,
        to: [{ kind: 'customer_users' }],
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
    const shown = displayedChange(request.payload);
    if (request.status !== 'submitted') return refused('not_submitted');
    await tx
      .update(changeRequests)
      .set({ status: 'rejected', decidedAt: ctx.now, decidedBy: actor.userId, decisionReason: input.reason })
      .where(and(eq(changeRequests.id, request.id), eq(changeRequests.customerId, request.customerId)));
    await recordStaffAction(
      tx,
      actor,
      'change.reject',
      { type: 'change_request', id: request.id, customerId: request.customerId },
      { code: option.code, contractNumber: contract.contractNumber, from: shown.from, to: shown.to, reason: input.reason },
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
    const judged = await loadJudgedChange(tx, input.changeRequestId, today, 'accepted');
    if ('ok' in judged) return judged;
    const { request, option, contract, payload } = judged;

    const before = option.attributes;
    const after = attributesAfter(before, payload);
    // Only the changed keys are merged in: every other attribute stays as the database holds it.
    await tx
      .update(options)
      .set({ attributes: sql`${options.attributes} || ${JSON.stringify(payload.target)}::jsonb` })
      .where(and(eq(options.id, option.id), eq(options.customerId, request.customerId)));
    await tx.insert(optionItemChanges).values({
      customerId: request.customerId,
      optionId: option.id,
      changeRequestId: request.id,
      appliesFrom: itemChangeAppliesFrom(today),
      attributesBefore: withoutKey(before),
      attributesAfter: withoutKey(after),
    });
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
