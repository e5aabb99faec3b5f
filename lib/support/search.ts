// Support search: customers by name, customer code, a user's e-mail, a contract number or an
// option (port) code. Every branch is a case-insensitive prefix match served by an index
// (db/schema: *_search_idx, text_pattern_ops), so it stays fast on 10,000+ customers.
import { asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerUsers, customers, options, smarthubContracts } from '@/db/schema';
import type { CustomerHit } from './types';

export type { CustomerHit };

function prefixPattern(query: string): string {
  return `${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Up to `limit` customers whose name, code, user e-mail, contract or option code starts with `query`. */
export async function searchCustomers(db: DbOrTx, query: string, limit = 20): Promise<CustomerHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const pattern = prefixPattern(q);
  const [byName, byCode, byEmail, byContract, byOption] = await Promise.all([
    db.select({ id: customers.id }).from(customers).where(like(sql`lower(${customers.name})`, pattern)).limit(limit),
    db.select({ id: customers.id }).from(customers).where(like(sql`lower(${customers.code})`, pattern)).limit(limit),
    db.select({ id: customerUsers.customerId }).from(customerUsers).where(like(customerUsers.email, pattern)).limit(limit),
    db
      .select({ id: smarthubContracts.customerId })
      .from(smarthubContracts)
      .where(like(sql`lower(${smarthubContracts.contractNumber})`, pattern))
      .limit(limit),
    db.select({ id: options.customerId }).from(options).where(like(sql`lower(${options.code})`, pattern)).limit(limit),
  ]);
  const matched = new Map<string, CustomerHit['matched']>();
  const note = (rows: { id: string }[], how: CustomerHit['matched']) => rows.forEach((r) => matched.has(r.id) || matched.set(r.id, how));
  note(byCode, 'code');
  note(byName, 'name');
  note(byEmail, 'email');
  note(byContract, 'contract');
  note(byOption, 'option');
  const ids = [...matched.keys()].slice(0, limit);
  if (ids.length === 0) return [];
  const rows = await db.select().from(customers).where(inArray(customers.id, ids)).orderBy(asc(customers.name));
  return rows.map((c) => ({ id: c.id, code: c.code, name: c.name, matched: matched.get(c.id) ?? 'name' }));
}

/** One customer for the support page (staff-side query, named so). */
export async function getCustomerForSupport(db: DbOrTx, customerId: string) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  return customer ?? null;
}
