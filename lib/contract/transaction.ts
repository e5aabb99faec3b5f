// One service = one transaction. The pipeline (lib/action.ts) and the tests call services with
// `db`; the handler runs with `tx`, so an unexpected error rolls everything back.
import type { Db, DbOrTx } from '@/db/client';

export type Handler<A, I, C, R> = (tx: DbOrTx, actor: A, input: I, ctx: C) => Promise<R>;

/** A service `(db, actor, input, ctx)` running `handler` inside one `db.transaction`. */
export function inTransaction<A, I, C, R>(handler: Handler<A, I, C, R>): (db: Db, actor: A, input: I, ctx: C) => Promise<R> {
  return (db, actor, input, ctx) => db.transaction((tx) => handler(tx, actor, input, ctx));
}
