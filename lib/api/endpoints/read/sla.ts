// Outages of the key's customer's contracts with what each earns (lib/sla outageCreditView, the
// SLA page's own view), and the SLA credit claims made: lists (by cursor, newest first) and gets.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { creditClaims, outages, smarthubContracts } from '@/db/schema';
import { notFound } from '@/lib/result';
import { basicMonthlyFeeOn, outageCreditView, type OutageRow } from '@/lib/sla/queries';
import { endpoint, type Endpoint } from '../../endpoint';
import { listOf, pageOf, pageQuery } from '../../pagination';
import { outageOf, outageSchema, slaCreditOf, slaCreditSchema } from '../../representations/sla';
import { afterCursor, badCursor, isInstantCursor, sortKey } from './keyset';

const contractRef = { id: smarthubContracts.id, contractNumber: smarthubContracts.contractNumber };
const contractFilter = z.uuid().optional().meta({ description: 'Only those of this contract.' });

/** The outages as the SLA page shows them: each with its claims, the price list read once per start date. */
async function outageViews(db: DbOrTx, customerId: string, rows: { outage: OutageRow; contract: { id: string; contractNumber: string } }[], now: Date) {
  const ids = rows.map((r) => r.outage.id);
  const claims = ids.length
    ? await db
        .select()
        .from(creditClaims)
        .where(and(eq(creditClaims.customerId, customerId), inArray(creditClaims.outageId, ids)))
    : [];
  const fees = new Map<string, Promise<number | null>>();
  const feeOn = (date: string) => {
    if (!fees.has(date)) fees.set(date, basicMonthlyFeeOn(db, customerId, date));
    return fees.get(date)!;
  };
  const views = await Promise.all(rows.map((r) => outageCreditView(db, r.outage, claims, now, feeOn)));
  return views.map((view, i) => outageOf(view, rows[i]!.contract, now));
}

export const slaEndpoints: Endpoint[] = [
  endpoint({
    operationId: 'listOutages',
    method: 'get',
    path: '/outages',
    tag: 'Outages',
    summary: 'List outages',
    description: 'Outages of the customer\'s Smart HUB contracts, newest started first, each with the reductions it earns and whether they may be claimed today.',
    access: 'read',
    query: pageQuery.extend({ contractId: contractFilter }),
    response: listOf(outageSchema),
    async handle({ db, actor, query, now }) {
      if (!isInstantCursor(query.cursor)) return badCursor;
      const rows = await db
        .select({ outage: outages, contract: contractRef, sort: sortKey(outages.startedAt) })
        .from(outages)
        .innerJoin(smarthubContracts, and(eq(smarthubContracts.id, outages.contractId), eq(smarthubContracts.customerId, actor.customerId)))
        .where(
          and(
            eq(outages.customerId, actor.customerId),
            query.contractId ? eq(outages.contractId, query.contractId) : undefined,
            afterCursor(outages.startedAt, outages.id, query.cursor),
          ),
        )
        .orderBy(desc(outages.startedAt), desc(outages.id))
        .limit(query.limit + 1);
      const page = pageOf(rows, query.limit, (r) => ({ after: r.sort, id: r.outage.id }));
      return { ok: true, body: { data: await outageViews(db, actor.customerId, page.data, now), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getOutage',
    method: 'get',
    path: '/outages/{outageId}',
    tag: 'Outages',
    summary: 'Get an outage',
    access: 'read',
    params: z.object({ outageId: z.uuid() }),
    response: outageSchema,
    problems: [404],
    async handle({ db, actor, params, now }) {
      const rows = await db
        .select({ outage: outages, contract: contractRef })
        .from(outages)
        .innerJoin(smarthubContracts, and(eq(smarthubContracts.id, outages.contractId), eq(smarthubContracts.customerId, actor.customerId)))
        .where(and(eq(outages.customerId, actor.customerId), eq(outages.id, params.outageId)));
      if (rows.length === 0) return notFound;
      const [outage] = await outageViews(db, actor.customerId, rows, now);
      return { ok: true, body: outage! };
    },
  }),
  endpoint({
    operationId: 'listSlaCredits',
    method: 'get',
    path: '/sla-credits',
    tag: 'SLA credits',
    summary: 'List SLA credit claims',
    description:
      'The SLA credit claims made, newest first, whatever their status. What an outage earns and may still be claimed is on the outage (`/outages`, `credits`).',
    access: 'read',
    query: pageQuery.extend({ contractId: contractFilter, outageId: z.uuid().optional().meta({ description: 'Only the claims of this outage.' }) }),
    response: listOf(slaCreditSchema),
    async handle({ db, actor, query }) {
      if (!isInstantCursor(query.cursor)) return badCursor;
      const rows = await db
        .select({ claim: creditClaims, contract: contractRef, sort: sortKey(creditClaims.claimedAt) })
        .from(creditClaims)
        .innerJoin(smarthubContracts, and(eq(smarthubContracts.id, creditClaims.contractId), eq(smarthubContracts.customerId, actor.customerId)))
        .where(
          and(
            eq(creditClaims.customerId, actor.customerId),
            query.contractId ? eq(creditClaims.contractId, query.contractId) : undefined,
            query.outageId ? eq(creditClaims.outageId, query.outageId) : undefined,
            afterCursor(creditClaims.claimedAt, creditClaims.id, query.cursor),
          ),
        )
        .orderBy(desc(creditClaims.claimedAt), desc(creditClaims.id))
        .limit(query.limit + 1);
      const page = pageOf(rows, query.limit, (r) => ({ after: r.sort, id: r.claim.id }));
      return { ok: true, body: { data: page.data.map((r) => slaCreditOf(r.claim, r.contract)), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getSlaCredit',
    method: 'get',
    path: '/sla-credits/{claimId}',
    tag: 'SLA credits',
    summary: 'Get an SLA credit claim',
    access: 'read',
    params: z.object({ claimId: z.uuid() }),
    response: slaCreditSchema,
    problems: [404],
    async handle({ db, actor, params }) {
      const [row] = await db
        .select({ claim: creditClaims, contract: contractRef })
        .from(creditClaims)
        .innerJoin(smarthubContracts, and(eq(smarthubContracts.id, creditClaims.contractId), eq(smarthubContracts.customerId, actor.customerId)))
        .where(and(eq(creditClaims.customerId, actor.customerId), eq(creditClaims.id, params.claimId)));
      return row ? { ok: true, body: slaCreditOf(row.claim, row.contract) } : notFound;
    },
  }),
];
