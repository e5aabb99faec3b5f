// How the options of a large contract are shown (display logic only, pure): the contract page's
// table in pages of whole ports (a port and the NAPT add-ons under it are never split), the
// dashboard as counts by kind. Contracts of a few options look as they always have.
import { withNaptUnderPorts } from './napt-placement';

/** Rows of the contract page's options table on one page (`?page=`); fewer options are one page. */
export const OPTIONS_PER_PAGE = 30;
/** A contract with more options shows counts on the dashboard instead of its table. */
export const DASHBOARD_MAX_ROWS = 20;

type Placed = { id: string; kind: string; portId?: string | null };

/** The rows in table order (each NAPT add-on after its port), cut into pages that never split a port from its NAPT. */
export function optionPages<T extends Placed>(rows: readonly T[], perPage: number = OPTIONS_PER_PAGE): T[][] {
  const ordered = withNaptUnderPorts(rows);
  const ids = new Set(rows.map((r) => r.id));
  const blocks: T[][] = [];
  for (const row of ordered) {
    const underPort = row.kind === 'napt' && !!row.portId && ids.has(row.portId);
    const last = blocks[blocks.length - 1];
    if (underPort && last) last.push(row);
    else blocks.push([row]);
  }
  const pages: T[][] = [];
  let page: T[] = [];
  for (const block of blocks) {
    if (page.length > 0 && page.length + block.length > perPage) {
      pages.push(page);
      page = [];
    }
    page.push(...block);
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** The page a `?page=` value asks for: a whole number from 1 (anything else is the first; the table shows its last page for one past it). */
export function pageNumber(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** How many options of each kind, and of each status within it, in the order the kinds first appear. */
export function countByKind<T extends { kind: string }, S extends string>(rows: readonly T[], statusOf: (row: T) => S) {
  const counts = new Map<T['kind'], { total: number; byStatus: Map<S, number> }>();
  for (const row of rows) {
    const entry = counts.get(row.kind) ?? { total: 0, byStatus: new Map<S, number>() };
    entry.total += 1;
    const status = statusOf(row);
    entry.byStatus.set(status, (entry.byStatus.get(status) ?? 0) + 1);
    counts.set(row.kind, entry);
  }
  return counts;
}
