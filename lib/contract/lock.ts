// Loading under lock: every write to a contract locks its row first, so two concurrent changes
// to one contract are judged one after the other (style.md). Every query takes the customer.
import { and, count, eq, gte, inArray, isNull, ne, or, sql, type Placeholder } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { applications, closedNetworks, options, pbbContracts, smarthubContracts } from '@/db/schema';
import { checkWithdrawal, type Verdict } from '@/lib/rules';
import { toContractState } from './state';

/**
 * Whether a flow takes the lock: a confirm does; a review (the preview the customer sees before
 * confirming) reads without it, so concurrent previews of one contract never queue behind each
 * other. A review writes nothing, and the confirm that follows is judged again under the lock.
 */
export type LockMode = 'review' | 'confirm';

/** Locks one contract of one customer for the rest of the transaction (a review only reads it); null when not theirs. */
export async function lockContract(tx: DbOrTx, params: { contractId: string; customerId: string }, mode: LockMode = 'confirm') {
  const where = and(eq(smarthubContracts.id, sql.placeholder('contractId')), eq(smarthubContracts.customerId, sql.placeholder('customerId')));
  // A review's read is prepared once (db/prepared.ts); a confirm's lock is built in its transaction.
  const [row] =
    mode === 'review'
      ? await prepared(tx, 'read_contract', (d, name) => d.select().from(smarthubContracts).where(where).prepare(name)).execute(params)
      : await tx.select().from(smarthubContracts).where(where).for('update').execute(params);
  return row ?? null;
}

/** Locks one closed network of one customer (new contract applications are judged one at a time; a review only reads it). */
export async function lockClosedNetwork(tx: DbOrTx, params: { closedNetworkId: string; customerId: string }, mode: LockMode = 'confirm') {
  const query = tx
    .select()
    .from(closedNetworks)
    .where(and(eq(closedNetworks.id, params.closedNetworkId), eq(closedNetworks.customerId, params.customerId)));
  const [row] = mode === 'review' ? await query : await query.for('update');
  return row ?? null;
}

/** An option of one customer, or null: another customer's option looks like no option at all. */
export async function findOption(tx: DbOrTx, params: { optionId: string; customerId: string }) {
  const [row] = await tx
    .select()
    .from(options)
    .where(and(eq(options.id, params.optionId), eq(options.customerId, params.customerId)));
  return row ?? null;
}

/** An option of one customer and its contract, the contract locked; null when either is not theirs. */
export async function lockOptionContract(tx: DbOrTx, params: { optionId: string; customerId: string }, mode: LockMode = 'confirm') {
  // One query: the option and its contract, only the contract's row locked (a review's read is prepared once).
  const query = (d: DbOrTx) =>
    d
      .select({ option: options, contract: smarthubContracts })
      .from(options)
      .innerJoin(smarthubContracts, and(eq(smarthubContracts.id, options.contractId), eq(smarthubContracts.customerId, sql.placeholder('customerId'))))
      .where(and(eq(options.id, sql.placeholder('optionId')), eq(options.customerId, sql.placeholder('customerId'))));
  const [row] =
    mode === 'review'
      ? await prepared(tx, 'read_option_contract', (d, name) => query(d).prepare(name)).execute(params)
      : await query(tx).for('update', { of: smarthubContracts }).execute(params);
  return row ?? null;
}

/** An option is held until it has ended: not marked ended, and its last day not yet passed (lib/rules isHeldOn, in SQL). */
export function heldOn(today: string | Placeholder) {
  return and(ne(options.status, 'ended'), or(isNull(options.endsOn), gte(options.endsOn, today)));
}

/** The options of a contract that have not ended by `today` (pending ones included). */
export async function heldOptions(tx: DbOrTx, params: { contractId: string; customerId: string; today: string }) {
  return prepared(tx, 'held_options', (d, name) =>
    d
      .select()
      .from(options)
      .where(and(eq(options.contractId, sql.placeholder('contractId')), eq(options.customerId, sql.placeholder('customerId')), heldOn(sql.placeholder('today'))))
      .orderBy(options.createdAt, options.code)
      .prepare(name),
  ).execute({ contractId: params.contractId, customerId: params.customerId, today: params.today });
}

/** The options of a contract not yet marked ended, whatever their last day. */
export async function unendedOptions(tx: DbOrTx, params: { contractId: string; customerId: string }) {
  return tx
    .select()
    .from(options)
    .where(and(eq(options.contractId, params.contractId), eq(options.customerId, params.customerId), ne(options.status, 'ended')))
    .orderBy(options.createdAt, options.code);
}

export async function activePbbContracts(tx: DbOrTx, customerId: string): Promise<number> {
  const [row] = await prepared(tx, 'active_pbb_contracts', (d, name) =>
    d
      .select({ n: count() })
      .from(pbbContracts)
      .where(and(eq(pbbContracts.customerId, sql.placeholder('customerId')), eq(pbbContracts.status, 'active')))
      .prepare(name),
  ).execute({ customerId });
  return row?.n ?? 0;
}

/**
 * lib/rules' verdict on an add-option application's options leaving the contract today, withdrawn
 * by the customer or rejected by IIJ alike (checkWithdrawal on the contract's held options).
 */
export async function judgeWithdrawal(
  tx: DbOrTx,
  params: { contractId: string; customerId: string; optionIds: readonly string[]; today: string },
): Promise<Verdict> {
  const held = await heldOptions(tx, params);
  return checkWithdrawal(toContractState(await activePbbContracts(tx, params.customerId), held), params.optionIds, params.today);
}

/**
 * Ends a contract that was only applied for, withdrawn by the customer or rejected by IIJ: its
 * options still applied for end, the contract ends (freeing its closed network), and every
 * application still waiting on it is closed with the same decision.
 */
export async function closeAppliedContract(
  tx: DbOrTx,
  params: { contractId: string; customerId: string },
  decision: { status: 'withdrawn' | 'rejected'; decidedAt: Date; decidedBy?: string; decisionReason?: string },
): Promise<void> {
  await tx
    .update(options)
    .set({ status: 'ended' })
    .where(and(eq(options.contractId, params.contractId), eq(options.customerId, params.customerId), eq(options.status, 'applied')));
  await tx
    .update(smarthubContracts)
    .set({ status: 'ended' })
    .where(and(eq(smarthubContracts.id, params.contractId), eq(smarthubContracts.customerId, params.customerId)));
  await tx
    .update(applications)
    .set(decision)
    .where(
      and(eq(applications.contractId, params.contractId), eq(applications.customerId, params.customerId), eq(applications.status, 'submitted')),
    );
}

/**
 * Withdraws or rejects an add-option application: the application is closed with the decision
 * and its options still applied for end.
 */
export async function closeOptionApplication(
  tx: DbOrTx,
  params: { applicationId: string; customerId: string; optionIds: string[] },
  decision: { status: 'withdrawn' | 'rejected'; decidedAt: Date; decidedBy?: string; decisionReason?: string },
): Promise<void> {
  await tx
    .update(applications)
    .set(decision)
    .where(and(eq(applications.id, params.applicationId), eq(applications.customerId, params.customerId)));
  if (params.optionIds.length === 0) return;
  await tx
    .update(options)
    .set({ status: 'ended' })
    .where(and(inArray(options.id, params.optionIds), eq(options.customerId, params.customerId), eq(options.status, 'applied')));
}
