// Outages of a Smart HUB contract (App. 1), recorded by operators: when it started and ended,
// when the company detected it and when it notified the customer (R-SLA-AVAIL, R-SLA-NOTIFY),
// and, where no reduction applies, the reason the customer will see (R-SLA-EXCLUSIONS).
import { and, eq, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { outages, smarthubContracts } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import type { Actor, StaffActor } from '@/lib/auth/access';
import { lockContract } from '@/lib/contract/lock';
import { enqueueNotification } from '@/lib/notify/outbox';
import { CREDIT_KINDS, earnedCredit, outageRecordRefusal, type SlaExclusionReason } from '@/lib/rules';
import { outageCreditView } from '@/lib/sla/queries';
import { isOperator, notFound, refused, type OpCtx, type OpOutcome } from './outcome';

export interface NewOutage {
  contractNumber: string;
  startedAt: Date;
  /** Absent while the outage goes on. */
  endedAt: Date | null;
  detectedAt: Date;
  /** Absent until the customer has been notified. */
  notifiedAt: Date | null;
  exclusionReason: SlaExclusionReason | null;
}

/** Records one outage; instants out of order or in the future are refused and nothing is written. */
export async function recordOutage(db: Db, actor: Actor, input: NewOutage, ctx: OpCtx): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  const problem = outageRecordRefusal({ ...input, now: ctx.now });
  if (problem) return refused(problem);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: smarthubContracts.id, customerId: smarthubContracts.customerId })
      .from(smarthubContracts)
      .where(eq(smarthubContracts.contractNumber, input.contractNumber));
    const contract = found ? await lockContract(tx, { contractId: found.id, customerId: found.customerId }) : null;
    if (!contract) return refused('unknown_contract');
    const [same] = await tx
      .select({ id: outages.id })
      .from(outages)
      .where(and(eq(outages.contractId, contract.id), eq(outages.customerId, contract.customerId), eq(outages.startedAt, input.startedAt)));
    if (same) return refused('duplicate_outage');
    const [row] = await tx
      .insert(outages)
      .values({
        customerId: contract.customerId,
        contractId: contract.id,
        startedAt: input.startedAt,
        endedAt: input.endedAt,
        detectedAt: input.detectedAt,
        notifiedAt: input.notifiedAt,
        exclusionReason: input.exclusionReason,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('outage not inserted');
    await recordStaffAction(
      tx,
      actor,
      'outage.record',
      { type: 'outage', id: row.id, customerId: contract.customerId },
      {
        contractNumber: contract.contractNumber,
        startedAt: input.startedAt.toISOString(),
        endedAt: input.endedAt?.toISOString() ?? null,
        detectedAt: input.detectedAt.toISOString(),
        notifiedAt: input.notifiedAt?.toISOString() ?? null,
        exclusionReason: input.exclusionReason,
      },
      ctx.now,
    );
    await outageNotices(tx, row, null, contract.contractNumber, ctx.now);
    return { ok: true, id: row.id };
  });
}

/** What an end or a correction may change: every instant and the exclusion reason. */
export type OutageFacts = Omit<NewOutage, 'contractNumber'>;

type OutageRow = typeof outages.$inferSelect;

/** The facts as the audit log keeps them (ISO instants), before and after a change. */
function auditFacts(facts: OutageFacts) {
  return {
    startedAt: facts.startedAt.toISOString(),
    endedAt: facts.endedAt?.toISOString() ?? null,
    detectedAt: facts.detectedAt.toISOString(),
    notifiedAt: facts.notifiedAt?.toISOString() ?? null,
    exclusionReason: facts.exclusionReason,
  };
}

function factsOf(row: OutageRow): OutageFacts {
  return {
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    detectedAt: row.detectedAt,
    notifiedAt: row.notifiedAt,
    // Only the service writes this column, from SLA_EXCLUSION_REASONS.
    exclusionReason: row.exclusionReason as SlaExclusionReason | null,
  };
}

/**
 * One outage by its id, its contract locked (two changes to one contract are judged one after
 * the other), then read again under the lock by id, contract and customer. Null when unknown.
 */
async function lockOutage(tx: DbOrTx, outageId: string) {
  const [found] = await tx
    .select({ contractId: outages.contractId, customerId: outages.customerId })
    .from(outages)
    .where(eq(outages.id, outageId));
  if (!found) return null;
  const contract = await lockContract(tx, { contractId: found.contractId, customerId: found.customerId });
  if (!contract) return null;
  const [outage] = await tx
    .select()
    .from(outages)
    .where(and(eq(outages.id, outageId), eq(outages.contractId, contract.id), eq(outages.customerId, contract.customerId)));
  return outage ? { contract, outage } : null;
}

/**
 * The notices an outage's new facts call for, in the transaction that writes them: recorded (to the
 * failure contacts and the users; its first e-mail sets the notification time), ended, excluded,
 * and a reduction that can now be claimed. Each at most once per outage (dedupeKey).
 */
async function outageNotices(tx: DbOrTx, after: OutageRow, before: OutageRow | null, contractNumber: string, at: Date) {
  const base = { customerId: after.customerId, category: 'outages' as const, link: `/contracts/${after.contractId}/sla` };
  const facts = { outageId: after.id, contractNumber, startedAt: after.startedAt.toISOString() };
  const everyone = [{ kind: 'failure_contacts' as const }, { kind: 'customer_users' as const }];
  if (!before) {
    await enqueueNotification(
      tx,
      { ...base, type: 'outage.recorded', facts: { ...facts, detectedAt: after.detectedAt.toISOString() }, to: everyone, dedupeKey: `outage.recorded:${after.id}` },
      at,
    );
  }
  if (after.endedAt && !before?.endedAt) {
    await enqueueNotification(
      tx,
      { ...base, type: 'outage.ended', facts: { ...facts, endedAt: after.endedAt.toISOString() }, to: everyone, dedupeKey: `outage.ended:${after.id}` },
      at,
    );
  }
  if (after.exclusionReason && !before?.exclusionReason) {
    await enqueueNotification(
      tx,
      { ...base, type: 'outage.excluded', facts: { ...facts, reason: after.exclusionReason }, to: [{ kind: 'customer_users' }], dedupeKey: `outage.excluded:${after.id}` },
      at,
    );
  }
  if (after.endedAt && !after.exclusionReason) {
    const view = await outageCreditView(tx, after, [], at);
    for (const kind of CREDIT_KINDS) {
      const earned = view.credits && !view.kinds[kind].refusal ? earnedCredit(view.credits, kind) : null;
      if (!earned) continue;
      await enqueueNotification(
        tx,
        {
          ...base,
          category: 'sla',
          type: 'sla.credit_available',
          facts: { ...facts, kind, amountYen: earned.yen, lastDayToClaim: earned.lastDayToClaim },
          to: [{ kind: 'customer_users', roles: ['admin', 'billing'] }],
          dedupeKey: `sla.credit_available:${after.id}:${kind}`,
        },
        at,
      );
    }
  }
}

/** Writes the new facts of one outage and its audit row (the previous facts and the new ones). */
async function writeOutage(
  tx: DbOrTx,
  actor: StaffActor,
  action: 'outage.end' | 'outage.correct',
  { contract, outage }: NonNullable<Awaited<ReturnType<typeof lockOutage>>>,
  next: OutageFacts,
  ctx: OpCtx,
) {
  const previous = auditFacts(factsOf(outage));
  const after = auditFacts(next);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== previous[k]);
  if (changed.length === 0) return refused('outage_unchanged');
  await tx
    .update(outages)
    .set(next)
    .where(and(eq(outages.id, outage.id), eq(outages.contractId, contract.id), eq(outages.customerId, contract.customerId)));
  await outageNotices(tx, { ...outage, ...next }, outage, contract.contractNumber, ctx.now);
  await recordStaffAction(
    tx,
    actor,
    action,
    { type: 'outage', id: outage.id, customerId: contract.customerId },
    { contractNumber: contract.contractNumber, changed, previous, next: after },
    ctx.now,
  );
  return { ok: true as const, id: outage.id };
}

/** Ends an outage still in progress at `endedAt`: after its start, not in the future, once. */
export async function endOutage(db: Db, actor: Actor, input: { outageId: string; endedAt: Date }, ctx: OpCtx): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const locked = await lockOutage(tx, input.outageId);
    if (!locked) return notFound;
    if (locked.outage.endedAt !== null) return refused('outage_already_ended');
    const next = { ...factsOf(locked.outage), endedAt: input.endedAt };
    const problem = outageRecordRefusal({ ...next, now: ctx.now });
    if (problem) return refused(problem);
    return writeOutage(tx, actor, 'outage.end', locked, next, ctx);
  });
}

/**
 * Corrects what is recorded of one outage (its instants and exclusion reason) under the rules of
 * recording it; a correction that changes nothing is refused, so every audit row says what moved.
 */
export async function correctOutage(db: Db, actor: Actor, input: { outageId: string } & OutageFacts, ctx: OpCtx): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  const { outageId, ...next } = input;
  const problem = outageRecordRefusal({ ...next, now: ctx.now });
  if (problem) return refused(problem);
  return db.transaction(async (tx) => {
    const locked = await lockOutage(tx, outageId);
    if (!locked) return notFound;
    const [same] = await tx
      .select({ id: outages.id })
      .from(outages)
      .where(
        and(
          eq(outages.contractId, locked.contract.id),
          eq(outages.customerId, locked.contract.customerId),
          eq(outages.startedAt, next.startedAt),
          ne(outages.id, outageId),
        ),
      );
    if (same) return refused('duplicate_outage');
    return writeOutage(tx, actor, 'outage.correct', locked, next, ctx);
  });
}
