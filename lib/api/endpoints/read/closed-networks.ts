// Closed networks: list (by cursor, newest first) and get, of the key's customer only.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { closedNetworks } from '@/db/schema';
import { notFound } from '@/lib/result';
import { endpoint, type Endpoint } from '../../endpoint';
import { listOf, pageOf, pageQuery } from '../../pagination';
import { closedNetworkOf, closedNetworkSchema } from '../../representations/closed-networks';
import { afterCursor, badCursor, isInstantCursor, sortKey } from './keyset';

export const closedNetworkEndpoints: Endpoint[] = [
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
      if (!isInstantCursor(query.cursor)) return badCursor;
      const rows = await db
        .select({ row: closedNetworks, sort: sortKey(closedNetworks.createdAt) })
        .from(closedNetworks)
        .where(and(eq(closedNetworks.customerId, actor.customerId), afterCursor(closedNetworks.createdAt, closedNetworks.id, query.cursor)))
        .orderBy(desc(closedNetworks.createdAt), desc(closedNetworks.id))
        .limit(query.limit + 1);
      const page = pageOf(rows, query.limit, (r) => ({ after: r.sort, id: r.row.id }));
      return { ok: true, body: { data: page.data.map((r) => closedNetworkOf(r.row)), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getClosedNetwork',
    method: 'get',
    path: '/closed-networks/{closedNetworkId}',
    tag: 'Closed networks',
    summary: 'Get a closed network',
    access: 'read',
    params: z.object({ closedNetworkId: z.uuid() }),
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
