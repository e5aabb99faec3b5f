// Keyset pages of the read lists: rows newest first by an instant, the id breaking ties, after a
// cursor of lib/api/pagination.ts. The sort value is read back from the database at its full
// precision (microseconds): a cursor rounded to the millisecond would skip a row created in the
// same millisecond as the last one shown.
import { and, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ApiAnswer } from '../../endpoint';
import type { Cursor } from '../../pagination';
import { isUuid } from '@/lib/ids';

/** The column as ISO 8601 in UTC with microseconds: the cursor's sort value. */
export function sortKey(column: PgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Whether a decoded cursor is one of these lists' (an instant and an id); anything else is a bad request. */
export function isInstantCursor(cursor: Cursor | undefined): boolean {
  return !cursor || (INSTANT.test(cursor.after) && !Number.isNaN(Date.parse(cursor.after)) && isUuid(cursor.id));
}

/** The rows after `cursor` in the order (column desc, id desc); no condition on the first page. */
export function afterCursor(column: PgColumn, id: PgColumn, cursor: Cursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const at = sql`${cursor.after}::timestamptz`;
  return or(lt(column, at), and(eq(column, at), lt(id, cursor.id)));
}

/** The answer to a cursor that is not one of ours: 400, naming the field. */
export const badCursor: ApiAnswer<never> = { ok: false, kind: 'problem', problem: { code: 'invalid_request', fieldErrors: { cursor: 'invalid' } } };
