// Cursor pagination of the API's lists: newest first by a timestamp (or another sortable text),
// the id breaking ties. The cursor is opaque to clients (base64url of the last row's sort value
// and id); a list answers `{ data, nextCursor }`, `nextCursor` null on the last page.
import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Cursor {
  /** The last row's sort value (ISO timestamp or text). */
  after: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.after, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && value[0].length <= 100 && value[1].length <= 100) {
      return { after: value[0], id: value[1] };
    }
  } catch {
    // not a cursor of ours
  }
  return null;
}

/** The query of every list: `limit` (1–200, default 50) and `cursor` (from the previous page). */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .max(400)
    .transform((raw, ctx) => {
      const cursor = decodeCursor(raw);
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'invalid' });
      return cursor ?? { after: '', id: '' };
    })
    .optional(),
});
export type PageQuery = z.output<typeof pageQuery>;

/**
 * A page from `limit + 1` rows fetched after the cursor: the first `limit`, and the cursor of the
 * last of them when there was one more.
 */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

/** The answer schema of a list of `item`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
