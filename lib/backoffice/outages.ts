// Outages of a Smart HUB contract (App. 1), recorded by operators: when it started and ended,
// when the company detected it and when it notified the customer (R-SLA-AVAIL, R-SLA-NOTIFY),
// and, where no reduction applies, the reason the customer will see (R-SLA-EXCLUSIONS).
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outages, smarthubContracts } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import type { Actor } from '@/lib/auth/access';
import { lockContract } from '@/lib/contract/lock';
import { outageRecordRefusal, type SlaExclusionReason } from '@/lib/rules';
import { isOperator, refused, type OpCtx, type OpOutcome } from './outcome';

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
    return { ok: true, id: row.id };
  });
}
