// The database handle for screens and route handlers. app/ and components/ may not import db/
// or drizzle (eslint.config.mjs): they take the handle from here and pass it to lib/ queries,
// which take the database first and the customer always, so no screen writes a query itself.
export { getDb } from '@/db/client';
export type { Db } from '@/db/client';
