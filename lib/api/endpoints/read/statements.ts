// The customer's monthly statements, as the statements page offers them: every month from the
// first billed one to the current one, newest first; each as lib/billing gives it (issued as
// issued, otherwise computed from today's records). The months are lib/rules'; the amounts lib/billing's.
import { z } from 'zod';
import { statementView } from '@/lib/billing/snapshots';
import { firstStatementMonth } from '@/lib/billing/statements';
import { notFound } from '@/lib/result';
import { isMonth, japanDate, monthsFrom } from '@/lib/rules';
import type { DbOrTx } from '@/db/client';
import { endpoint, type Endpoint } from '../../endpoint';
import { listOf, pageOf, pageQuery } from '../../pagination';
import { monthParam, statementOf, statementSchema, statementSummaryOf, statementSummarySchema } from '../../representations/statements';
import { badCursor } from './keyset';

/** The months the statements page offers, oldest first: none before the first billed month. */
async function statementMonths(db: DbOrTx, customerId: string, today: string): Promise<string[]> {
  const first = await firstStatementMonth(db, customerId);
  if (!first) return [];
  const current = today.slice(0, 7);
  return monthsFrom(first, current > first ? current : first);
}

export const statementEndpoints: Endpoint[] = [
  endpoint({
    operationId: 'listStatements',
    method: 'get',
    path: '/statements',
    tag: 'Statements',
    summary: 'List monthly statements',
    description: 'Every month from the first billed one to the current one (in progress), newest first, with its totals.',
    access: 'read',
    query: pageQuery,
    response: listOf(statementSummarySchema),
    async handle({ db, actor, query, now }) {
      const cursor = query.cursor;
      if (cursor && (!isMonth(cursor.after) || cursor.id !== cursor.after)) return badCursor;
      const today = japanDate(now);
      const months = (await statementMonths(db, actor.customerId, today)).reverse();
      const rest = cursor ? months.filter((m) => m < cursor.after) : months;
      const page = pageOf(rest.slice(0, query.limit + 1), query.limit, (m) => ({ after: m, id: m }));
      // One month after another: each statement is itself a handful of reads at once.
      const data = [];
      for (const m of page.data) data.push(statementSummaryOf(m, await statementView(db, actor.customerId, m), today));
      return { ok: true, body: { data, nextCursor: page.nextCursor } };
    },
  }),
  endpoint({
    operationId: 'getStatement',
    method: 'get',
    path: '/statements/{month}',
    tag: 'Statements',
    summary: 'Get a monthly statement',
    description: 'A month\'s statement with its lines (amounts excluding tax), SLA reductions, subtotal, tax and total, as the statements page shows it.',
    access: 'read',
    params: z.object({ month: monthParam.meta({ description: 'The month, YYYY-MM.', example: '2026-10' }) }),
    response: statementSchema,
    problems: [404],
    async handle({ db, actor, params, now }) {
      const today = japanDate(now);
      if (!(await statementMonths(db, actor.customerId, today)).includes(params.month)) return notFound;
      return { ok: true, body: statementOf(params.month, await statementView(db, actor.customerId, params.month), today) };
    },
  }),
];
