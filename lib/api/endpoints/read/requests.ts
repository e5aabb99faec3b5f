// Applications and change requests of the key's customer: lists (by cursor, newest submitted
// first) and gets.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { applications, changeRequests, options } from '@/db/schema';
import { notFound } from '@/lib/result';
import { endpoint, type Endpoint } from '../../endpoint';
import { listOf, pageOf, pageQuery } from '../../pagination';
import { applicationOf, applicationSchema, changeRequestOf, changeRequestSchema } from '../../representations/requests';
import { afterCursor, badCursor, isInstantCursor, sortKey } from './keyset';

const contractFilter = z.uuid().optional().meta({ description: 'Only those of this contract.' });

/** Change requests with their option, both the customer's. */
const changeRequestColumns = { request: changeRequests, option: { id: options.id, code: options.code, kind: options.kind }, sort: sortKey(changeRequests.submittedAt) };

export const requestEndpoints: Endpoint[] = [
  endpoint({
    operationId: 'listApplications',
    method: 'get',
    path: '/applications',
    tag: 'Applications',
    summary: 'List applications',
    description: 'Applications for new contracts and new options, newest submitted first, whatever their status.',
    access: 'read',
    query: pageQuery.extend({ contractId: contractFilter }),
    response: listOf(applicationSchema),
    async handle({ db, actor, query }) {
      if (!isInstantCursor(query.cursor)) return badCursor;
      const rows = await db
        .select({ application: applications, sort: sortKey(applications.submittedAt) })
        .from(applications)
        .where(
          and(
            eq(applications.customerId, actor.customerId),
            query.contractId ? eq(applications.contractId, query.contractId) : undefined,
            afterCursor(applications.submittedAt, applications.id, query.cursor),
          ),
        )
        .orderBy(desc(applications.submittedAt), desc(applications.id))
        .limit(query.limit + 1);
      const page = pageOf(rows, query.limit, (r) => ({ after: r.sort, id: r.application.id }));
      return { ok: true, body: { data: page.data.map((r) => applicationOf(r.application)), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getApplication',
    method: 'get',
    path: '/applications/{applicationId}',
    tag: 'Applications',
    summary: 'Get an application',
    access: 'read',
    params: z.object({ applicationId: z.uuid() }),
    response: applicationSchema,
    problems: [404],
    async handle({ db, actor, params }) {
      const [row] = await db
        .select()
        .from(applications)
        .where(and(eq(applications.customerId, actor.customerId), eq(applications.id, params.applicationId)));
      return row ? { ok: true, body: applicationOf(row) } : notFound;
    },
  }),
  endpoint({
    operationId: 'listChangeRequests',
    method: 'get',
    path: '/change-requests',
    tag: 'Change requests',
    summary: 'List change requests',
    description: 'Requests to change an option (M2 upgrade, PBB item change), newest submitted first, whatever their status.',
    access: 'read',
    query: pageQuery.extend({ contractId: contractFilter }),
    response: listOf(changeRequestSchema),
    async handle({ db, actor, query }) {
      if (!isInstantCursor(query.cursor)) return badCursor;
      const rows = await db
        .select(changeRequestColumns)
        .from(changeRequests)
        .innerJoin(options, and(eq(options.id, changeRequests.optionId), eq(options.customerId, actor.customerId)))
        .where(
          and(
            eq(changeRequests.customerId, actor.customerId),
            query.contractId ? eq(options.contractId, query.contractId) : undefined,
            afterCursor(changeRequests.submittedAt, changeRequests.id, query.cursor),
          ),
        )
        .orderBy(desc(changeRequests.submittedAt), desc(changeRequests.id))
        .limit(query.limit + 1);
      const page = pageOf(rows, query.limit, (r) => ({ after: r.sort, id: r.request.id }));
      return { ok: true, body: { data: page.data.map((r) => changeRequestOf(r.request, r.option)), nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getChangeRequest',
    method: 'get',
    path: '/change-requests/{changeRequestId}',
    tag: 'Change requests',
    summary: 'Get a change request',
    access: 'read',
    params: z.object({ changeRequestId: z.uuid() }),
    response: changeRequestSchema,
    problems: [404],
    async handle({ db, actor, params }) {
      const [row] = await db
        .select(changeRequestColumns)
        .from(changeRequests)
        .innerJoin(options, and(eq(options.id, changeRequests.optionId), eq(options.customerId, actor.customerId)))
        .where(and(eq(changeRequests.customerId, actor.customerId), eq(changeRequests.id, params.changeRequestId)));
      return row ? { ok: true, body: changeRequestOf(row.request, row.option) } : notFound;
    },
  }),
];
