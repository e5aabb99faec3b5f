// Designated-service (IIJ Private Backbone) contracts: the portal does not sell them, operators
// record them. R-ELIG-PBB counts the active ones; R-PBB-ENDS (Art. 6.2): when a customer's last
// one ends, every Smart HUB contract of that customer ends on the same day, options with it,
// and an option ending inside its minimum use period owes the early termination charge (R-ETF).
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, options, pbbContracts, smarthubContracts } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import type { Actor } from '@/lib/auth/access';
import { recordCharges } from '@/lib/billing/charges';
import { priceFor, priceItemKey, pricesInForce } from '@/lib/billing/prices';
import { lockContract, toOptionState, unendedOptions } from '@/lib/contract';
import { feesOwedOnEnding, japanDate, pbbEndPlan, pbbEndRefusal } from '@/lib/rules';
import { isOperator, notFound, refused, type OpCtx, type OpOutcome } from './outcome';

/** Records a customer's new designated-service contract (active from its start date). */
export async function recordPbbContract(
  db: Db,
  actor: Actor,
  input: { customerCode: string; contractNumber: string; startedOn: string },
  ctx: OpCtx,
): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const [customer] = await tx.select().from(customers).where(eq(customers.code, input.customerCode));
    if (!customer) return refused('unknown_customer');
    const [taken] = await tx
      .select({ id: pbbContracts.id })
      .from(pbbContracts)
      .where(eq(pbbContracts.contractNumber, input.contractNumber));
    if (taken) return refused('duplicate_contract_number');
    const [row] = await tx
      .insert(pbbContracts)
      .values({ customerId: customer.id, contractNumber: input.contractNumber, startedOn: input.startedOn, status: 'active' })
      .onConflictDoNothing()
      .returning();
    if (!row) return refused('duplicate_contract_number');
    await recordStaffAction(
      tx,
      actor,
      'pbb.record',
      { type: 'pbb_contract', id: row.id, customerId: customer.id },
      { contractNumber: row.contractNumber, startedOn: row.startedOn },
      ctx.now,
    );
    return { ok: true, id: row.id };
  });
}

export interface EndedHub {
  contractNumber: string;
  endsOn: string;
  charges: { optionId: string; code: string; amountYen: number }[];
}

/**
 * Records the end of a designated-service contract. Ending a customer's last active one ends
 * every Smart HUB contract of theirs on that day (an earlier scheduled last day is kept) and
 * records the early termination charges; the caller must confirm that (`confirmLast`).
 * R-PBB-ENDS is the terms ending the contract, not a customer's request: lib/rules' judgement of
 * the cancellation is recorded for the audit, never a reason to refuse (R-PORT-REQUIRED).
 */
export async function endPbbContract(
  db: Db,
  actor: Actor,
  input: { pbbContractId: string; endedOn: string; confirmLast: boolean },
  ctx: OpCtx,
): Promise<OpOutcome<{ id: string; lastEnded: boolean; endedHubs: EndedHub[] }>> {
  if (!isOperator(actor)) return refused('forbidden');
  const today = japanDate(ctx.now);
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(pbbContracts).where(eq(pbbContracts.id, input.pbbContractId));
    if (!found) return notFound;
    // Every designated-service contract of the customer, locked: two ends are judged one after the other.
    const all = await tx.select().from(pbbContracts).where(eq(pbbContracts.customerId, found.customerId)).for('update');
    const pbb = all.find((p) => p.id === found.id);
    if (!pbb) return notFound;
    if (pbb.status !== 'active') return refused('pbb_not_active');
    const endRefusal = pbbEndRefusal(pbb.startedOn, input.endedOn);
    if (endRefusal) return refused(endRefusal);
    const lastEnded = !all.some((p) => p.id !== pbb.id && p.status === 'active');
    if (lastEnded && !input.confirmLast) return refused('confirm_last_pbb');

    await tx
      .update(pbbContracts)
      .set({ status: 'ended', endedOn: input.endedOn })
      .where(and(eq(pbbContracts.id, pbb.id), eq(pbbContracts.customerId, pbb.customerId)));
    await recordStaffAction(
      tx,
      actor,
      'pbb.end',
      { type: 'pbb_contract', id: pbb.id, customerId: pbb.customerId },
      { contractNumber: pbb.contractNumber, endedOn: input.endedOn, lastEnded },
      ctx.now,
    );
    if (!lastEnded) return { ok: true, id: pbb.id, lastEnded, endedHubs: [] };

    const endedHubs: EndedHub[] = [];
    const table = await pricesInForce(tx, pbb.customerId, today);
    const hubRows = await tx
      .select({ id: smarthubContracts.id })
      .from(smarthubContracts)
      .where(and(eq(smarthubContracts.customerId, pbb.customerId), ne(smarthubContracts.status, 'ended')))
      .orderBy(asc(smarthubContracts.contractNumber));
    // Every hub locked, then one lib/rules plan of what ends on that day and what it costs.
    const hubs = [];
    for (const { id } of hubRows) {
      const hub = await lockContract(tx, { contractId: id, customerId: pbb.customerId });
      if (!hub) continue;
      const rows = await unendedOptions(tx, { contractId: hub.id, customerId: pbb.customerId });
      hubs.push({ hub, rows });
    }
    const plan = pbbEndPlan({
      endedOn: input.endedOn,
      today,
      otherActive: 0,
      hubs: hubs.map(({ hub, rows }) => ({
        id: hub.id,
        endsOn: hub.endsOn,
        options: rows.map((o) => ({
          ...toOptionState(o),
          monthlyFeeYen: priceFor(table, o.kind, priceItemKey(o.kind, o.attributes))?.monthlyYen ?? 0,
        })),
      })),
    });
    for (const hubPlan of plan.hubs) {
      const entry = hubs.find((h) => h.hub.id === hubPlan.id);
      if (!entry || !hubPlan.ends) continue;
      const { hub, rows } = entry;
      await tx
        .update(smarthubContracts)
        .set({ endsOn: hubPlan.endsOn })
        .where(and(eq(smarthubContracts.id, hub.id), eq(smarthubContracts.customerId, pbb.customerId)));
      const endingIds = hubPlan.ending.map((e) => e.optionId);
      if (endingIds.length) {
        await tx
          .update(options)
          .set({ endsOn: hubPlan.endsOn })
          .where(and(inArray(options.id, endingIds), eq(options.customerId, pbb.customerId)));
      }
      const code = new Map(rows.map((o) => [o.id, o.code] as const));
      const fees = feesOwedOnEnding(
        hubPlan.endsOn,
        hubPlan.ending.map((e) => ({ key: e.optionId, earlyTerminationYen: e.earlyTerminationYen })),
      );
      const owed: EndedHub['charges'] = fees.map((f) => ({ optionId: f.key, code: code.get(f.key) ?? '', amountYen: f.amountYen }));
      await recordCharges(
        tx,
        fees.map((f) => ({
          customerId: pbb.customerId,
          contractId: hub.id,
          optionId: f.key,
          kind: f.kind,
          amountYen: f.amountYen,
          owedOn: f.owedOn,
          sourceType: 'pbb_end' as const,
          sourceId: `${pbb.id}:${f.key}`,
          createdBy: actor.userId,
        })),
      );
      await recordStaffAction(
        tx,
        actor,
        'contract.end_with_pbb',
        { type: 'contract', id: hub.id, customerId: pbb.customerId },
        {
          rule: 'R-PBB-ENDS',
          contractNumber: hub.contractNumber,
          pbbContractNumber: pbb.contractNumber,
          effectiveDate: hubPlan.endsOn,
          earlyTermination: owed,
          // What lib/rules says of the same date as a customer's cancellation; recorded, not applied.
          rulesVerdict: hubPlan.rulesVerdict,
        },
        ctx.now,
      );
      endedHubs.push({ contractNumber: hub.contractNumber, endsOn: hubPlan.endsOn, charges: owed });
    }
    return { ok: true, id: pbb.id, lastEnded, endedHubs };
  });
}
