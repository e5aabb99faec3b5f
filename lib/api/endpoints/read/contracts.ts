// Smart HUB contracts and their options: lists (by cursor, newest first) and gets, of the key's
// customer only; what the contract page shows, from the same queries where there is one.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { closedNetworks, options, smarthubContracts } from '@/db/schema';
import { getOptionPage } from '@/lib/contracts/queries';
import { heldOptions } from '@/lib/contracts/state';
import { notFound } from '@/lib/result';
import { japanDate } from '@/lib/rules';
import { endpoint, type Endpoint } from '../../endpoint';
import { listOf, pageOf, pageQuery } from '../../pagination';
import { contractDetailSchema, contractOf, contractSchema, optionOf, optionSchema, optionSummaryOf } from '../../representations/contracts';
import { afterCursor, badCursor, isInstantCursor, sortKey } from './keyset';

/** A contract with its network; both the customer's (the network's customer checked too). */
function contractsWithNetwork(db: Parameters<Endpoint['handle']>[0]['db'], customerId: string) {
  return db
    .select({ contract: smarthubContracts, network: closedNetworks, sort: sortKey(smarthubContracts.createdAt) })
    .from(smarthubContracts)
    .innerJoin(closedNetworks, and(eq(closedNetworks.id, smarthubContracts.closedNetworkId), eq(closedNetworks.customerId, customerId)))
    .$dynamic();
}

export const contractEndpoints: Endpoint[] = [
  endpoint({
    operationId: 'listContracts',
    method: 'get',
    path: '/contracts',
    tag: 'Contracts',
    summary: 'List Smart HUB contracts',
    description: 'Every Smart HUB contract of the customer, ended ones included, newest first.',
    access: 'read',
    query: pageQuery,
    response: listOf(contractSchema),
    async handle({ db, actor, query, now }) {
      if (!isInstantCursor(query.cursor)) return badCursor;
      const rows = await contractsWithNetwork(db, actor.customerId)
        .where(and(eq(smarthubContracts.customerId, actor.customerId), afterCursor(smarthubContracts.createdAt, smarthubContracts.id, query.cursor)))
        .orderBy(desc(smarthubContracts.createdAt), desc(smarthubContracts.id))
        .limit(query.limit + 1);
      const today = japanDate(now);
      const page = pageOf(rows, query.limit, (r) => ({ after: r.sort, id: r.contract.id }));
      return { ok: true, body: { data: page.data.map((r) => contractOf(r.contract, r.network, today)), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getContract',
    method: 'get',
    path: '/contracts/{contractId}',
    tag: 'Contracts',
    summary: 'Get a Smart HUB contract',
    description: 'The contract with the options it holds today, as its page lists them.',
    access: 'read',
    params: z.object({ contractId: z.uuid() }),
    response: contractDetailSchema,
    problems: [404],
    async handle({ db, actor, params, now }) {
      const today = japanDate(now);
      const [[row], held] = await Promise.all([
        contractsWithNetwork(db, actor.customerId).where(and(eq(smarthubContracts.customerId, actor.customerId), eq(smarthubContracts.id, params.contractId))),
        heldOptions(db, { contractId: params.contractId, customerId: actor.customerId, today }),
      ]);
      if (!row) return notFound;
      return { ok: true, body: { ...contractOf(row.contract, row.network, today), options: held.map((o) => optionSummaryOf(o, today)) } };
    },
  }),
  endpoint({
    operationId: 'listOptions',
    method: 'get',
    path: '/options',
    tag: 'Options',
    summary: 'List options',
    description: 'Every option of the customer\'s contracts, ended ones included, newest first; `contractId` keeps those of one contract.',
    access: 'read',
    query: pageQuery.extend({ contractId: z.uuid().optional().meta({ description: 'Only the options of this contract.' }) }),
    response: listOf(optionSchema),
    async handle({ db, actor, query, now }) {
      if (!isInstantCursor(query.cursor)) return badCursor;
      const rows = await db
        .select({ option: options, sort: sortKey(options.createdAt) })
        .from(options)
        .where(
          and(
            eq(options.customerId, actor.customerId),
            query.contractId ? eq(options.contractId, query.contractId) : undefined,
            afterCursor(options.createdAt, options.id, query.cursor),
          ),
        )
        .orderBy(desc(options.createdAt), desc(options.id))
        .limit(query.limit + 1);
      const today = japanDate(now);
      const page = pageOf(rows, query.limit, (r) => ({ after: r.sort, id: r.option.id }));
      return { ok: true, body: { data: page.data.map((r) => optionOf(r.option, actor, today)), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getOption',
    method: 'get',
    path: '/options/{optionId}',
    tag: 'Options',
    summary: 'Get an option',
    access: 'read',
    params: z.object({ optionId: z.uuid() }),
    response: optionSchema,
    problems: [404],
    async handle({ db, actor, params, now }) {
      const row = await getOptionPage(db, { optionId: params.optionId, customerId: actor.customerId });
      return row ? { ok: true, body: optionOf(row.option, actor, japanDate(now)) } : notFound;
    },
  }),
];
