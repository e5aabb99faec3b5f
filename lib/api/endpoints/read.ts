// The API's reads: lists (by cursor, newest first) and single resources of the key's customer.
// Every query is filtered by the actor's customer id; another customer's id is a 404.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { closedNetworks } from '@/db/schema';
import { notFound } from '@/lib/result';
import { endpoint, type Endpoint } from '../endpoint';
import { listOf, pageOf, pageQuery } from '../pagination';

const uuid = z.uuid();

export const closedNetworkSchema = z
  .object({
    id: z.uuid(),
    networkCode: z.string(),
    name: z.string(),
    pbbContractId: z.uuid(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ClosedNetwork', description: 'A closed network of the customer, joined to its designated-service (Private Backbone) contract.' });

type ClosedNetworkRow = typeof closedNetworks.$inferSelect;
const closedNetworkOf = (row: ClosedNetworkRow): z.output<typeof closedNetworkSchema> => ({
  id: row.id,
  networkCode: row.networkCode,
  name: row.name,
  pbbContractId: row.pbbContractId,
  createdAt: row.createdAt.toISOString(),
});

export const readEndpoints: Endpoint[] = [
  endpoint({
    operationId: 'listClosedNetworks',
    method: 'get',
    path: '/closed-networks',
    tag: 'Closed networks',
    summary: 'List closed networks',
    access: 'read',
    query: pageQuery,
    response: listOf(closedNetworkSchema),
    async handle({ db, actor, query }) {
      const after = query.cursor;
      const rows = await db
        .select()
        .from(closedNetworks)
        .where(
          and(
            eq(closedNetworks.customerId, actor.customerId),
            after
              ? or(lt(closedNetworks.createdAt, new Date(after.after)), and(eq(closedNetworks.createdAt, new Date(after.after)), lt(closedNetworks.id, after.id)))
              : undefined,
          ),
        )
        .orderBy(desc(closedNetworks.createdAt), desc(closedNetworks.id))
        .limit(query.limit + 1);
      const page = pageOf(rows, query.limit, (row) => ({ after: row.createdAt.toISOString(), id: row.id }));
      return { ok: true, body: { data: page.data.map(closedNetworkOf), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getClosedNetwork',
    method: 'get',
    path: '/closed-networks/{closedNetworkId}',
    tag: 'Closed networks',
    summary: 'Get a closed network',
    access: 'read',
    params: z.object({ closedNetworkId: uuid }),
    response: closedNetworkSchema,
    problems: [404],
    async handle({ db, actor, params }) {
      const [row] = await db
        .select()
        .from(closedNetworks)
        .where(and(eq(closedNetworks.customerId, actor.customerId), eq(closedNetworks.id, params.closedNetworkId)));
      return row ? { ok: true, body: closedNetworkOf(row) } : notFound;
    },
  }),
];
