// Cancellation notices of the key's customer: list (by cursor, newest received first) and get,
// the get from the receipt page's own query.
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { cancellationNotices, options, smarthubContracts } from '@/db/schema';
import { readCancellationSummary } from '@/lib/contract/payloads';
import { getCancellationReceipt } from '@/lib/contracts/queries';
import { notFound } from '@/lib/result';
import { japanDate } from '@/lib/rules';
import { endpoint, type Endpoint } from '../../endpoint';
import { listOf, pageOf, pageQuery } from '../../pagination';
import { cancellationOf, cancellationSchema } from '../../representations/cancellations';
import { afterCursor, badCursor, isInstantCursor, sortKey } from './keyset';

const cancelled = alias(options, 'cancelled_option');

export const cancellationEndpoints: Endpoint[] = [
  endpoint({
    operationId: 'listCancellations',
    method: 'get',
    path: '/cancellations',
    tag: 'Cancellations',
    summary: 'List cancellation notices',
    description: 'Cancellation notices of options and contracts, newest received first, whatever their status.',
    access: 'read',
    query: pageQuery.extend({ contractId: z.uuid().optional().meta({ description: 'Only those of this contract.' }) }),
    response: listOf(cancellationSchema),
    async handle({ db, actor, query, now }) {
      if (!isInstantCursor(query.cursor)) return badCursor;
      const rows = await db
        .select({
          notice: cancellationNotices,
          contract: { id: smarthubContracts.id, contractNumber: smarthubContracts.contractNumber },
          option: { id: cancelled.id, code: cancelled.code, kind: cancelled.kind },
          sort: sortKey(cancellationNotices.receivedAt),
        })
        .from(cancellationNotices)
        .innerJoin(smarthubContracts, and(eq(smarthubContracts.id, cancellationNotices.contractId), eq(smarthubContracts.customerId, actor.customerId)))
        .leftJoin(cancelled, and(eq(cancelled.id, cancellationNotices.optionId), eq(cancelled.customerId, actor.customerId)))
        .where(
          and(
            eq(cancellationNotices.customerId, actor.customerId),
            query.contractId ? eq(cancellationNotices.contractId, query.contractId) : undefined,
            afterCursor(cancellationNotices.receivedAt, cancellationNotices.id, query.cursor),
          ),
        )
        .orderBy(desc(cancellationNotices.receivedAt), desc(cancellationNotices.id))
        .limit(query.limit + 1);
      const today = japanDate(now);
      const page = pageOf(rows, query.limit, (r) => ({ after: r.sort, id: r.notice.id }));
      return {
        ok: true,
        body: {
          data: page.data.map((r) => cancellationOf(r.notice, r.contract, r.option, readCancellationSummary(r.notice.summary), today)),
          nextCursor: page.nextCursor,
        },
      };
    },
  }),
  endpoint({
    operationId: 'getCancellation',
    method: 'get',
    path: '/cancellations/{cancellationId}',
    tag: 'Cancellations',
    summary: 'Get a cancellation notice',
    description: 'The notice as its receipt shows it, with what was confirmed: the options ending and the early termination charges with their arithmetic.',
    access: 'read',
    params: z.object({ cancellationId: z.uuid() }),
    response: cancellationSchema,
    problems: [404],
    async handle({ db, actor, params, now }) {
      const receipt = await getCancellationReceipt(db, { noticeId: params.cancellationId, customerId: actor.customerId });
      if (!receipt) return notFound;
      return { ok: true, body: cancellationOf(receipt.notice, receipt.contract, receipt.option, receipt.summary, japanDate(now)) };
    },
  }),
];
