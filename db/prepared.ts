// Statements built once. Building a query with drizzle (walking the query object, checking every
// entity, rendering the SQL) costs the server about 0.3 ms of CPU, more than sending it, running
// it in PostgreSQL and mapping its rows together (measured: 0.45 ms a query built each time,
// 0.12 ms prepared). The queries every page runs (the guard's, a page's reads) are therefore built
// and prepared once per database handle and run with their placeholders (`sql.placeholder`).
// On PostgreSQL a prepared statement is also parsed once per connection; PGlite runs it as is.
import type { DbOrTx } from './client';

const statements = new WeakMap<DbOrTx, Map<string, unknown>>();

/**
 * The statement `name`, built by `build` (which calls `.prepare(name)`) the first time it is asked
 * of this handle. A transaction is a handle of its own, so a statement prepared on the database is
 * never run outside a transaction that asked for it. `name` must be unique to one statement text.
 */
export function prepared<T>(db: DbOrTx, name: string, build: (db: DbOrTx, name: string) => T): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db, name);
    byName.set(name, statement);
  }
  return statement;
}
