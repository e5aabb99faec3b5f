// Support search: customers by name, customer code, a user's e-mail, a contract number or an
// option (port) code. Every branch is a case-insensitive prefix match served by an index
// (db/schema: *_search_idx, text_pattern_ops), so it stays fast on 10,000+ customers.
import { asc, eq, like, sql, type Placeholder } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { customerUsers, customers, options, smarthubContracts } from '@/db/schema';
import type { CustomerHit } from './types';

export type { CustomerHit };

export function prefixPattern(query: string): string {
  return `${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Which field matched, in the order a customer found several ways is named by. */
const MATCHED = ['code', 'name', 'email', 'contract', 'option'] as const satisfies readonly CustomerHit['matched'][];

/**
 * Up to `limit` customers whose name, code, user e-mail, contract or option code starts with
 * `query`: one statement, each branch its own index scan (at most `limit` rows each), the
 * customers found several ways named by their first branch, then sorted by name.
 */
export async function searchCustomers(db: DbOrTx, query: string, limit = 20): Promise<CustomerHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  // Built once (db/prepared.ts) and sent unnamed (''): PostgreSQL plans it for each pattern, so every
  // branch keeps its index range, which a generic plan for `LIKE $1` could not use.
  const rows = await prepared(db, `support_search_${limit}`, (d) =>
    customerSearchStatement(d, sql.placeholder('query'), limit).prepare(''),
  ).execute({ query: prefixPattern(q) });
  return rows.map((c) => ({ id: c.id, code: c.code, name: c.name, matched: MATCHED[Number(c.how)] ?? 'name' }));
}

/** The search as one statement for a prefix pattern (npm run bench:search explains it to check every branch uses an index). */
export function customerSearchStatement(db: DbOrTx, pattern: string | Placeholder, limit = 20) {
  const branch = (n: number) => sql<number>`${n}::int`.as('how');
  const hits = unionAll(
    db.select({ id: customers.id, how: branch(0) }).from(customers).where(like(sql`lower(${customers.code})`, pattern)).limit(limit),
    db.select({ id: customers.id, how: branch(1) }).from(customers).where(like(sql`lower(${customers.name})`, pattern)).limit(limit),
    db.select({ id: customerUsers.customerId, how: branch(2) }).from(customerUsers).where(like(customerUsers.email, pattern)).limit(limit),
    db
      .select({ id: smarthubContracts.customerId, how: branch(3) })
      .from(smarthubContracts)
      .where(like(sql`lower(${smarthubContracts.contractNumber})`, pattern))
      .limit(limit),
    db.select({ id: options.customerId, how: branch(4) }).from(options).where(like(sql`lower(${options.code})`, pattern)).limit(limit),
  ).as('hits');
  const first = db
    .select({ id: customers.id, code: customers.code, name: customers.name, how: sql<number>`min(${hits.how})`.as('first_how') })
    .from(hits)
    .innerJoin(customers, eq(customers.id, hits.id))
    .groupBy(customers.id)
    .orderBy(sql`min(${hits.how})`)
    .limit(limit)
    .as('first');
  return db.select().from(first).orderBy(asc(first.name));
}

/** One customer for the support page (staff-side query, named so). */
export async function getCustomerForSupport(db: DbOrTx, customerId: string) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  return customer ?? null;
}
