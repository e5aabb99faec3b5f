// Loads the benchmark's book into a migrated database, set-based (INSERT … SELECT over
// generate_series, in the server), not row by row: 10,000 customers, 25,000 contracts, 150,000
// options and 1,000,000 audit rows by default, plus the customers the scenarios sign in as — a
// small one (one contract, three options, like the demo's Acme), the largest (200 options on one
// contract, lib/demo/large-contract.ts) — and a support staff member.
// Ids are derived from their position (md5 → uuid) so rows can refer to each other without
// round trips.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { closedNetworks, customerUsers, customers, options, pbbContracts, prices, smarthubContracts, staffUsers } from '../db/schema';
import { hashPassword } from '../lib/auth/password';
import { sealSecret } from '../lib/auth/secret-box';
import { DEMO_PRICES } from '../lib/demo/seed';
import { largeContractOptions } from '../lib/demo/large-contract';

export interface BookSize {
  customers: number;
  contracts: number;
  optionsPerContract: number;
  auditRows: number;
}

export const BENCH_PASSWORD = 'bench-password-not-secret';
/** Fixed so the benchmark can compute codes; the account exists only in the benchmark's throwaway database. */
export const BENCH_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface BookAccounts {
  small: { email: string; contractId: string; optionIds: string[] };
  large: { email: string; contractId: string; optionIds: string[] };
  support: { email: string };
}

export interface BookCounts {
  customers: number;
  contracts: number;
  options: number;
  auditRows: number;
}

async function count(db: Db, table: string): Promise<number> {
  const result = (await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
}

export async function loadBook(db: Db, size: BookSize): Promise<{ accounts: BookAccounts; counts: BookCounts }> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { customers: C, contracts: K, optionsPerContract: P, auditRows: A } = size;
  await db.insert(prices).values(DEMO_PRICES.map((p) => ({ ...p, appliesFrom: '2024-01-01' })));

  // The book: customer i (1..C) holds contracts j with (j - 1) % C + 1 = i.
  await db.execute(sql`
    INSERT INTO customers (id, code, name)
    SELECT md5('c' || i)::uuid, 'B-' || lpad(i::text, 6, '0'),
           (ARRAY['Acme','Globex','Initech','Umbrella','Hooli','Stark','Wayne','Tyrell','Cyberdyne','Soylent'])[i % 10 + 1] || ' ' || i || ' Holdings'
    FROM generate_series(1, ${C}) i`);
  await db.execute(sql`
    INSERT INTO customer_users (customer_id, email, name, role, password_hash)
    SELECT md5('c' || i)::uuid, 'user' || i || '@corp' || i || '.example', 'User ' || i, 'admin', ${passwordHash}
    FROM generate_series(1, ${C}) i`);
  await db.execute(sql`
    INSERT INTO pbb_contracts (id, customer_id, contract_number, started_on)
    SELECT md5('p' || j)::uuid, md5('c' || ((j - 1) % ${C} + 1))::uuid, 'PBB-B-' || lpad(j::text, 6, '0'), DATE '2024-04-01'
    FROM generate_series(1, ${K}) j`);
  await db.execute(sql`
    INSERT INTO closed_networks (id, customer_id, pbb_contract_id, network_code, name)
    SELECT md5('n' || j)::uuid, md5('c' || ((j - 1) % ${C} + 1))::uuid, md5('p' || j)::uuid, 'CN-B-' || lpad(j::text, 6, '0'), 'Network ' || j
    FROM generate_series(1, ${K}) j`);
  await db.execute(sql`
    INSERT INTO smarthub_contracts (id, customer_id, closed_network_id, contract_number, status, billing_start_date)
    SELECT md5('s' || j)::uuid, md5('c' || ((j - 1) % ${C} + 1))::uuid, md5('n' || j)::uuid, 'SH-B-' || lpad(j::text, 6, '0'), 'active', DATE '2025-06-01'
    FROM generate_series(1, ${K}) j`);
  // Options k = 1..P per contract, cycling through an on-premises port, an M2 public port, its
  // NAPT (assigned to it), a PBB expansion, a private cloud port and its firewall.
  await db.execute(sql`
    INSERT INTO options (id, customer_id, contract_id, code, kind, port_id, attributes, status, billing_start_date)
    SELECT md5('o' || j || '-' || k)::uuid, md5('c' || ((j - 1) % ${C} + 1))::uuid, md5('s' || j)::uuid,
           'SH-O-B' || lpad(j::text, 6, '0') || '-' || k,
           (ARRAY['onprem_port','cloud_port','napt','pbb_expansion','cloud_port','firewall']::option_kind[])[(k - 1) % 6 + 1],
           CASE WHEN (k - 1) % 6 = 2 THEN md5('o' || j || '-' || (k - 1))::uuid END,
           (ARRAY[
             '{"line":"optical","speed":"1G","dataCentre":"Tokyo DC1 (Otemachi)","rack":"R01-U01"}',
             '{"cloudType":"M2_PUBLIC","speed":"100M"}',
             '{"sessions":30000}',
             '{"speed":"5G"}',
             '{"cloudType":"A_PRIVATE","speed":"1G"}',
             '{"sessions":500000}'
           ]::jsonb[])[(k - 1) % 6 + 1],
           'active', DATE '2025-07-01'
    FROM generate_series(1, ${K}) j, generate_series(1, ${P}) k`);
  // The audit trail: a million rows over the last year, spread over the customers.
  await db.execute(sql`
    INSERT INTO audit_log (at, actor_type, actor_id, customer_id, action, target_type, target_id, detail)
    SELECT now() - (a % 365) * interval '1 day' - (a % 86400) * interval '1 second', 'customer_user', NULL,
           md5('c' || (a % ${C} + 1))::uuid,
           (ARRAY['option.cancel.review','option.cancel','contract.apply','option.change','session.sign_in'])[a % 5 + 1],
           'option', 'SH-O-B' || lpad((a % ${K} + 1)::text, 6, '0') || '-1', jsonb_build_object('n', a)
    FROM generate_series(1, ${A}) a`);

  // The scenarios' customers.
  const [small, large] = await db
    .insert(customers)
    .values([
      { code: 'BENCH-SMALL', name: 'Bench Small KK' },
      { code: 'BENCH-LARGE', name: 'Bench Largest KK' },
    ])
    .returning();
  if (!small || !large) throw new Error('bench: customers not inserted');
  const accounts: BookAccounts = {
    small: { email: 'small@bench.example', contractId: '', optionIds: [] },
    large: { email: 'large@bench.example', contractId: '', optionIds: [] },
    support: { email: 'support@bench.example' },
  };
  await db.insert(customerUsers).values([
    { customerId: small.id, email: accounts.small.email, name: 'Small Admin', role: 'admin', passwordHash },
    { customerId: large.id, email: accounts.large.email, name: 'Largest Admin', role: 'admin', passwordHash },
  ]);
  await db.insert(staffUsers).values({ email: accounts.support.email, name: 'Bench Support', role: 'support', passwordHash, totpSecret: sealSecret(BENCH_TOTP_SECRET) });
  for (const [who, customer] of [['small', small], ['large', large]] as const) {
    const [pbb] = await db.insert(pbbContracts).values({ customerId: customer.id, contractNumber: `PBB-${customer.code}`, startedOn: '2024-04-01' }).returning();
    const [network] = await db
      .insert(closedNetworks)
      .values({ customerId: customer.id, pbbContractId: pbb!.id, networkCode: `CN-${customer.code}`, name: `${customer.name} backbone` })
      .returning();
    const [hub] = await db
      .insert(smarthubContracts)
      .values({ customerId: customer.id, closedNetworkId: network!.id, contractNumber: `SH-${customer.code}`, status: 'active', billingStartDate: '2025-06-01' })
      .returning();
    const group = { customerId: customer.id, contractId: hub!.id, billingStartDate: '2025-07-01' };
    // The small customer: one on-premises port, the M2 public port and one NAPT on it (three options).
    const kept =
      who === 'large'
        ? largeContractOptions({ ...group, codePrefix: 'SH-O-LG', count: 200 })
        : largeContractOptions({ ...group, codePrefix: 'SH-O-SM', count: 10 }).filter((_o, k) => k === 0 || k === 6 || k === 7);
    const inserted = await db.insert(options).values(kept).returning({ id: options.id });
    accounts[who].contractId = hub!.id;
    accounts[who].optionIds = inserted.map((o) => o.id);
  }
  await db.execute(sql`ANALYZE`);
  return {
    accounts,
    counts: {
      customers: await count(db, 'customers'),
      contracts: await count(db, 'smarthub_contracts'),
      options: await count(db, 'options'),
      auditRows: await count(db, 'audit_log'),
    },
  };
}
