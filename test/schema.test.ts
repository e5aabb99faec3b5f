import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/db/client';
import {
  auditLog,
  cancellationNotices,
  closedNetworks,
  customers,
  options,
  pbbContracts,
  prices,
  smarthubContracts,
} from '@/db/schema';
import { DEMO_USERS, seedDemoData, seedDemoDataOnce } from '@/lib/demo/seed';
import { unplacedNapt } from '@/lib/contract/data-checks';
import { getContract, getCustomerOverview } from '@/lib/contracts/queries';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

describe.each(targets)('schema on $name', (target) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await target.open();
    await seedDemoData(open.db, new Date('2026-11-24T03:00:00Z'));
  });
  afterAll(async () => open?.close());

  it('round-trips a customer, contract, option with jsonb attributes and dates', async () => {
    const { db } = open;
    const [customer] = await db.insert(customers).values({ code: 'C-RT-1', name: 'Round Trip KK' }).returning();
    const [pbb] = await db
      .insert(pbbContracts)
      .values({ customerId: customer!.id, contractNumber: 'PBB-RT-1', startedOn: '2026-02-28' })
      .returning();
    const [network] = await db
      .insert(closedNetworks)
      .values({ customerId: customer!.id, pbbContractId: pbb!.id, networkCode: 'CN-RT-1', name: 'RT' })
      .returning();
    const [contract] = await db
      .insert(smarthubContracts)
      .values({ customerId: customer!.id, closedNetworkId: network!.id, contractNumber: 'SH-RT-1' })
      .returning();
    await db.insert(options).values({
      customerId: customer!.id,
      contractId: contract!.id,
      code: 'SH-RT-P1',
      kind: 'cloud_port',
      attributes: { cloudType: 'A_PRIVATE', speed: '10G', cloudAccountId: '123456789012' },
      billingStartDate: '2028-02-29',
      endsOn: '2028-05-28',
    });
    const [read] = await db.select().from(options).where(eq(options.code, 'SH-RT-P1'));
    expect(read).toMatchObject({
      kind: 'cloud_port',
      status: 'applied',
      attributes: { cloudType: 'A_PRIVATE', speed: '10G', cloudAccountId: '123456789012' },
      billingStartDate: '2028-02-29',
      endsOn: '2028-05-28',
    });
    const [notice] = await db
      .insert(cancellationNotices)
      .values({
        customerId: customer!.id,
        contractId: contract!.id,
        receivedAt: new Date('2026-01-01T14:59:59Z'),
        requestedDate: '2026-02-15',
        effectiveDate: '2026-02-15',
        submittedBy: customer!.id,
        idempotencyKey: 'k1',
      })
      .returning();
    expect(notice!.receivedAt.toISOString()).toBe('2026-01-01T14:59:59.000Z');
    expect(notice!.status).toBe('pending');
  });

  it('allows one Smart HUB contract per closed network (R-ONE-PER-NETWORK)', async () => {
    const { db } = open;
    const [existing] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, 'SH-000101'));
    await expect(
      db.insert(smarthubContracts).values({
        customerId: existing!.customerId,
        closedNetworkId: existing!.closedNetworkId,
        contractNumber: 'SH-DUP',
      }),
    ).rejects.toThrow();
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { db } = open;
    const [row] = await db.insert(auditLog).values({ actorType: 'system', action: 'test.append' }).returning();
    await expect(db.update(auditLog).set({ action: 'test.changed' }).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const [still] = await db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(still?.action).toBe('test.append');
  });

  it('loads the demo data as the issue describes, relative to today in Japan', async () => {
    const { db } = open;
    const [acme] = await db.select().from(customers).where(eq(customers.name, 'Acme Manufacturing'));
    const overview = await getCustomerOverview(db, acme!.id, '2026-11-24');
    expect(overview?.networks).toHaveLength(2);
    const withHub = overview!.networks.filter((n) => n.contract);
    expect(withHub).toHaveLength(1);
    const kinds = withHub[0]!.options.map((o) => [o.kind, o.attributes, o.billingStartDate]);
    expect(kinds).toEqual([
      ['onprem_port', expect.objectContaining({ line: 'optical', speed: '1G' }), '2026-09-24'],
      ['cloud_port', expect.objectContaining({ cloudType: 'M2_PUBLIC', speed: '100M' }), '2026-10-24'],
      ['napt', { sessions: 30_000 }, '2026-10-24'],
    ]);
    const activePbb = await db.select().from(pbbContracts).where(eq(pbbContracts.customerId, acme!.id));
    expect(activePbb.filter((p) => p.status === 'active')).toHaveLength(2);
    expect((await db.select().from(prices)).length).toBeGreaterThan(30);
    expect(Object.values(DEMO_USERS)).toHaveLength(6);
  });

  it('finds no contract of another customer by id', async () => {
    const { db } = open;
    const [acme] = await db.select().from(customers).where(eq(customers.name, 'Acme Manufacturing'));
    const [globexHub] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, 'SH-000202'));
    expect(await getContract(db, { contractId: globexHub!.id, customerId: acme!.id })).toBeNull();
    expect(await getContract(db, { contractId: globexHub!.id, customerId: globexHub!.customerId })).not.toBeNull();
    const acmeOverview = await getCustomerOverview(db, acme!.id, '2026-11-24');
    const acmeCodes = acmeOverview!.networks.flatMap((n) => n.options.map((o) => o.code));
    expect(acmeCodes).not.toContain('SH-O-000201');
  });

  it('assigns existing NAPT add-ons to their contract\'s earliest public cloud port that outlives them (migration 0006), and names any it cannot place', async () => {
    const { db } = open;
    const [customer] = await db.insert(customers).values({ code: 'C-MIG-6', name: 'Migration KK' }).returning();
    const [pbb] = await db
      .insert(pbbContracts)
      .values({ customerId: customer!.id, contractNumber: 'PBB-MIG-6', startedOn: '2025-01-01' })
      .returning();
    const networks = await db
      .insert(closedNetworks)
      .values([
        { customerId: customer!.id, pbbContractId: pbb!.id, networkCode: 'CN-MIG-6A', name: 'A' },
        { customerId: customer!.id, pbbContractId: pbb!.id, networkCode: 'CN-MIG-6B', name: 'B' },
        { customerId: customer!.id, pbbContractId: pbb!.id, networkCode: 'CN-MIG-6C', name: 'C' },
      ])
      .returning();
    const contracts = await db
      .insert(smarthubContracts)
      .values(networks.map((n, i) => ({ customerId: customer!.id, closedNetworkId: n.id, contractNumber: `SH-MIG-6${i}`, status: 'active' as const })))
      .returning();
    const [two, privateOnly, cancelling] = contracts;
    const row = (contractId: string, code: string, kind: 'cloud_port' | 'napt', attributes: object, extra: object = {}) => ({
      customerId: customer!.id,
      contractId,
      code,
      kind,
      attributes,
      status: 'active' as const,
      ...extra,
    });
    await db.insert(options).values([
      row(two!.id, 'MIG-PRIV', 'cloud_port', { cloudType: 'A_PRIVATE', speed: '1G' }, { billingStartDate: '2025-01-01' }),
      row(two!.id, 'MIG-PUB-OLD-ENDED', 'cloud_port', { cloudType: 'A_PUBLIC', speed: '1G' }, { billingStartDate: '2025-01-01', status: 'ended' }),
      row(two!.id, 'MIG-PUB-LATER', 'cloud_port', { cloudType: 'M_PUBLIC', speed: '1G' }, { billingStartDate: '2025-06-01' }),
      row(two!.id, 'MIG-PUB-EARLY', 'cloud_port', { cloudType: 'M2_PUBLIC', speed: '1G' }, { billingStartDate: '2025-03-01' }),
      row(two!.id, 'MIG-NAPT-1', 'napt', { sessions: 30_000 }),
      row(two!.id, 'MIG-NAPT-2', 'napt', { sessions: 60_000 }),
      row(privateOnly!.id, 'MIG-PRIV-ONLY', 'cloud_port', { cloudType: 'M_PRIVATE', speed: '1G' }),
      row(privateOnly!.id, 'MIG-NAPT-LOST', 'napt', { sessions: 30_000 }),
      // The earliest public port is being cancelled: a NAPT with no last day goes to the one that
      // keeps running, a NAPT that ends before that port does may stay on the earliest.
      row(cancelling!.id, 'MIG-PUB-ENDING', 'cloud_port', { cloudType: 'A_PUBLIC', speed: '1G' }, { billingStartDate: '2025-01-01', endsOn: '2026-12-31' }),
      row(cancelling!.id, 'MIG-PUB-STAYS', 'cloud_port', { cloudType: 'A_PUBLIC', speed: '1G' }, { billingStartDate: '2025-06-01' }),
      row(cancelling!.id, 'MIG-NAPT-RUNS', 'napt', { sessions: 30_000 }),
      row(cancelling!.id, 'MIG-NAPT-ENDS-FIRST', 'napt', { sessions: 30_000 }, { endsOn: '2026-12-15' }),
      row(cancelling!.id, 'MIG-NAPT-ENDS-LATER', 'napt', { sessions: 30_000 }, { endsOn: '2027-01-31' }),
    ]);
    // The migration's own data statements, run again over rows as they stood before it.
    const file = fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', '0006_napt_per_port.sql'), 'utf8');
    const statements = file.split('--> statement-breakpoint').filter((s) => /UPDATE "options"|DO \$\$/.test(s));
    expect(statements).toHaveLength(2);
    for (const statement of statements) await db.execute(sql.raw(statement));

    const codes = await db.select({ code: options.code, id: options.id, portId: options.portId }).from(options).where(eq(options.customerId, customer!.id));
    const byCode = new Map(codes.map((c) => [c.code, c] as const));
    const early = byCode.get('MIG-PUB-EARLY')!.id;
    expect(byCode.get('MIG-NAPT-1')!.portId).toBe(early);
    expect(byCode.get('MIG-NAPT-2')!.portId).toBe(early);
    expect(byCode.get('MIG-NAPT-LOST')!.portId).toBeNull();
    expect(byCode.get('MIG-NAPT-RUNS')!.portId).toBe(byCode.get('MIG-PUB-STAYS')!.id);
    expect(byCode.get('MIG-NAPT-ENDS-LATER')!.portId).toBe(byCode.get('MIG-PUB-STAYS')!.id);
    expect(byCode.get('MIG-NAPT-ENDS-FIRST')!.portId).toBe(byCode.get('MIG-PUB-ENDING')!.id);
    const unplaced = await unplacedNapt(db);
    expect(unplaced.map((o) => o.code)).toContain('MIG-NAPT-LOST');
    expect(unplaced.map((o) => o.code)).not.toContain('MIG-NAPT-1');
  });

  it('keeps the demo NAPT on its public cloud port', async () => {
    const { db } = open;
    const [napt] = await db.select().from(options).where(eq(options.code, 'SH-O-000103'));
    const [port] = await db.select().from(options).where(eq(options.code, 'SH-O-000102'));
    expect(napt!.portId).toBe(port!.id);
    expect(port!.attributes.cloudType).toBe('M2_PUBLIC');
  });

  it('never loads the demo data over a database that holds data', async () => {
    expect(await seedDemoDataOnce(open.db)).toBe(false);
  });
});
