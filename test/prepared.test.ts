// Statements prepared once (db/prepared.ts): the pages' and the guard's reads are built once per
// database handle. What a user relies on: a read inside a transaction sees that transaction's own
// writes (it is never sent on another connection), a read outside sees only what is committed,
// and the same statement answers for each customer with that customer's rows only.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { prepared } from '@/db/prepared';
import { customerUsers, customers, options, smarthubContracts } from '@/db/schema';
import { heldOptions } from '@/lib/contract/lock';
import { getContractPage, getCustomerOverview } from '@/lib/contracts/queries';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();
const NOW = new Date('2026-03-10T03:00:00Z');
const TODAY = '2026-03-10';

describe.each(targets)('prepared statements on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let acme: { customerId: string; contractId: string };
  let globex: { customerId: string; contractId: string };

  async function holderOf(email: string) {
    const [user] = await db.select().from(customerUsers).where(eq(customerUsers.email, email));
    const [contract] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.customerId, user!.customerId));
    return { customerId: user!.customerId, contractId: contract!.id };
  }

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    acme = await holderOf(DEMO_USERS.alice);
    globex = await holderOf(DEMO_USERS.grace);
  });
  afterAll(async () => open?.close());

  it('builds a statement once per handle and gives a transaction its own', async () => {
    let built = 0;
    const build = (d: typeof db | Parameters<Parameters<Db['transaction']>[0]>[0], name: string) => {
      built += 1;
      return d.select({ name: customers.name }).from(customers).where(eq(customers.id, sql.placeholder('id'))).prepare(name);
    };
    const first = prepared(db, 'test_customer_name', build);
    expect(prepared(db, 'test_customer_name', build)).toBe(first);
    expect(await first.execute({ id: acme.customerId })).toEqual([{ name: expect.any(String) }]);
    await db.transaction(async (tx) => {
      expect(prepared(tx, 'test_customer_name', build)).not.toBe(first);
    });
    expect(built).toBe(2);
  });

  it("a read inside a transaction sees the transaction's own uncommitted option; outside, only after commit", async () => {
    const before = await heldOptions(db, { ...acme, today: TODAY });
    let insideCount = 0;
    let outsideDuring = 0;
    await db
      .transaction(async (tx) => {
        await tx.insert(options).values({ customerId: acme.customerId, contractId: acme.contractId, code: 'SH-O-PREP1', kind: 'firewall', status: 'applied', attributes: { sessions: 50_000 } });
        insideCount = (await heldOptions(tx, { ...acme, today: TODAY })).length;
        // PGlite has one connection: a read outside would wait for this transaction, so only PostgreSQL asks it here.
        if (target.name === 'postgres') outsideDuring = (await heldOptions(db, { ...acme, today: TODAY })).length;
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || !/rollback/i.test(error.message)) throw error;
      });
    expect(insideCount).toBe(before.length + 1);
    if (target.name === 'postgres') expect(outsideDuring).toBe(before.length);
    expect(await heldOptions(db, { ...acme, today: TODAY })).toHaveLength(before.length);
  });

  it("the same prepared reads answer each customer with that customer's rows, and another customer's contract finds nothing", async () => {
    const acmePage = await getContractPage(db, { ...acme, today: TODAY });
    const globexPage = await getContractPage(db, { ...globex, today: TODAY });
    expect(acmePage?.contract.customerId).toBe(acme.customerId);
    expect(globexPage?.contract.customerId).toBe(globex.customerId);
    expect(acmePage!.options.every((o) => o.customerId === acme.customerId)).toBe(true);
    expect(globexPage!.options.every((o) => o.customerId === globex.customerId)).toBe(true);
    expect(await getContractPage(db, { contractId: globex.contractId, customerId: acme.customerId, today: TODAY })).toBeNull();

    const overview = await getCustomerOverview(db, acme.customerId, TODAY);
    const held = await db
      .select({ id: options.id })
      .from(options)
      .where(and(eq(options.customerId, acme.customerId), eq(options.contractId, acme.contractId)));
    expect(overview?.customer.id).toBe(acme.customerId);
    const shown = overview!.networks.flatMap((n) => n.options.map((o) => o.id));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((id) => held.some((h) => h.id === id))).toBe(true);
  });
});
