// Benchmark: support search on 10,000 customers (issue: "fast on 10,000 customers, an index,
// not a scan"). Seeds a throwaway database, checks that every search branch is an index scan,
// and reports latency percentiles. Run: npm run bench:search   (PostgreSQL if reachable, else PGlite)
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPglite, openPostgres, type OpenDatabase } from '../db/client';
import { closedNetworks, customerUsers, customers, options, pbbContracts, smarthubContracts } from '../db/schema';
import { customerSearchStatement, prefixPattern, searchCustomers } from '../lib/support/search';

const N = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const words = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent'];

async function openTarget(): Promise<{ open: OpenDatabase; name: string; drop?: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return { open: await openPglite(), name: 'PGlite (in memory)' };
  }
  const db = `smarthub_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${db}`;
  const open = await openPostgres(url.toString());
  return {
    open,
    name: 'PostgreSQL 127.0.0.1',
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    },
  };
}

const { open, name, drop } = await openTarget();
const { db } = open;
try {
  const started = Date.now();
  for (let from = 0; from < N; from += 500) {
    const batch = Array.from({ length: Math.min(500, N - from) }, (_, k) => from + k);
    const custRows = await db
      .insert(customers)
      .values(batch.map((i) => ({ code: `C-${String(i).padStart(6, '0')}`, name: `${words[i % words.length]} ${i} Holdings` })))
      .returning({ id: customers.id });
    await db.insert(customerUsers).values(
      custRows.map((c, k) => ({ customerId: c.id, email: `user${batch[k]}@corp${batch[k]}.example`, name: 'U', role: 'admin' as const, passwordHash: 'x' })),
    );
    const pbbs = await db
      .insert(pbbContracts)
      .values(custRows.map((c, k) => ({ customerId: c.id, contractNumber: `PBB-${batch[k]}`, startedOn: '2025-01-01' })))
      .returning();
    const nets = await db
      .insert(closedNetworks)
      .values(pbbs.map((p, k) => ({ customerId: p.customerId, pbbContractId: p.id, networkCode: `CN-${batch[k]}`, name: 'N' })))
      .returning();
    const hubs = await db
      .insert(smarthubContracts)
      .values(nets.map((n, k) => ({ customerId: n.customerId, closedNetworkId: n.id, contractNumber: `SH-${String(batch[k]).padStart(6, '0')}`, status: 'active' as const })))
      .returning();
    await db.insert(options).values(
      hubs.flatMap((h, k) => [
        { customerId: h.customerId, contractId: h.id, code: `SH-O-${batch[k]}-1`, kind: 'onprem_port' as const, status: 'active' as const },
        { customerId: h.customerId, contractId: h.id, code: `SH-O-${batch[k]}-2`, kind: 'napt' as const, status: 'active' as const },
      ]),
    );
  }
  await db.execute(sql`ANALYZE`);
  console.log(`${name}: seeded ${N} customers (+ users, contracts, ${2 * N} options) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // The statement the portal runs (lib/support/search.ts), explained as it is sent, for a query
  // that each branch matches: no branch may read a whole table.
  const samples: [string, string][] = [
    ['name', 'hooli 12'],
    ['code', 'c-0012'],
    ['e-mail', 'user123@'],
    ['contract', 'sh-0012'],
    ['option', 'sh-o-123-'],
  ];
  let scans = 0;
  for (const [branch, q] of samples) {
    const result = await db.execute(sql`EXPLAIN ${customerSearchStatement(db, prefixPattern(q))}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: Record<string, string>[] }).rows) as Record<string, string>[];
    const plan = rows.map((r) => Object.values(r)[0]).join(' | ');
    const seq = plan.match(/Seq Scan on (customers|customer_users|smarthub_contracts|options)\b/g) ?? [];
    if (seq.length) scans++;
    console.log(`  ${branch.padEnd(8)} ${seq.length ? `SEQ SCAN (${seq.join(', ')})` : 'index'}: ${plan.replace(/\s+/g, ' ').slice(0, 140)}`);
  }

  const queries = Array.from({ length: 200 }, (_, i) =>
    [`${words[i % words.length]!.toLowerCase()} ${i * 37 % N}`, `c-00${(i * 13) % 100}`, `user${(i * 7) % N}@`, `sh-00${(i * 11) % 100}`, `sh-o-${(i * 17) % N}-`][i % 5]!,
  );
  for (const q of queries.slice(0, 10)) await searchCustomers(db, q); // warm-up
  const times: number[] = [];
  let found = 0;
  for (const q of queries) {
    const t0 = performance.now();
    found += (await searchCustomers(db, q)).length > 0 ? 1 : 0;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
  console.log(`  ${queries.length} searches (${found} with hits): p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
  if (scans > 0) {
    console.error(`  ${scans} search(es) read a whole table`);
    process.exitCode = 1;
  }
} finally {
  await open.close();
  await drop?.();
}
