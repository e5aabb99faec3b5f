import { eq } from 'drizzle-orm';
import { hashPassword } from '../lib/auth/password';
import { addMonthsClamped } from '../lib/dates';
import { japanDate } from '../lib/rules';
import type { Db } from './client';
import {
  appMeta,
  closedNetworks,
  customerUsers,
  customers,
  options,
  pbbContracts,
  prices,
  smarthubContracts,
  staffUsers,
} from './schema';

export const DEMO_PASSWORD = 'smarthub-demo';
const SEEDED_KEY = 'demo_data_loaded_at';

/** Fictitious list prices (yen, tax excluded); the UI marks them as demo amounts. */
export const DEMO_PRICES: { kind: string; item: string; initialYen: number; monthlyYen: number; oneTimeYen?: number }[] = [
  { kind: 'basic', item: '', initialYen: 50_000, monthlyYen: 100_000 },
  { kind: 'onprem_port', item: 'optical:1G', initialYen: 30_000, monthlyYen: 40_000 },
  { kind: 'onprem_port', item: 'optical:10G', initialYen: 30_000, monthlyYen: 120_000 },
  { kind: 'onprem_port', item: 'individual:1G', initialYen: 30_000, monthlyYen: 50_000 },
  { kind: 'onprem_port', item: 'individual:10G', initialYen: 30_000, monthlyYen: 140_000 },
  ...(['A_PRIVATE', 'A_PUBLIC', 'M_PRIVATE', 'M_PUBLIC'] as const).flatMap((type) =>
    (
      [
        ['1G', 60_000],
        ['2G', 90_000],
        ['5G', 150_000],
        ['10G', 240_000],
      ] as const
    ).map(([speed, monthlyYen]) => ({ kind: 'cloud_port', item: `${type}:${speed}`, initialYen: 30_000, monthlyYen })),
  ),
  ...(
    [
      ['100M', 20_000],
      ['300M', 35_000],
      ['500M', 45_000],
      ['1G', 60_000],
      ['2G', 90_000],
      ['5G', 150_000],
      ['10G', 240_000],
    ] as const
  ).map(([speed, monthlyYen]) => ({ kind: 'cloud_port', item: `M2_PUBLIC:${speed}`, initialYen: 30_000, monthlyYen })),
  ...[30_000, 60_000, 120_000, 240_000, 480_000].map((sessions, i) => ({
    kind: 'napt',
    item: String(sessions),
    initialYen: 10_000,
    monthlyYen: 8_000 * 2 ** i,
  })),
  ...[500_000, 1_000_000, 2_000_000, 3_000_000, 4_000_000].map((sessions, i) => ({
    kind: 'firewall',
    item: String(sessions),
    initialYen: 50_000,
    monthlyYen: [30_000, 50_000, 80_000, 110_000, 140_000][i] ?? 0,
  })),
  { kind: 'pbb_expansion', item: '5G', initialYen: 20_000, monthlyYen: 70_000, oneTimeYen: 10_000 },
  { kind: 'pbb_expansion', item: '10G', initialYen: 20_000, monthlyYen: 120_000, oneTimeYen: 10_000 },
  { kind: 'static_nat', item: '', initialYen: 5_000, monthlyYen: 3_000 },
];

export const DEMO_USERS = {
  alice: 'alice@acme.example',
  victor: 'victor@acme.example',
  grace: 'grace@globex.example',
  sam: 'sam@support.example',
  olivia: 'olivia@ops.example',
} as const;

/** Loads the demo data: two customers, their contracts, staff, and a fictitious price list. */
export async function seedDemoData(db: Db, now = new Date()): Promise<void> {
  const today = japanDate(now);
  const twoMonthsAgo = addMonthsClamped(today, -2);
  const lastMonth = addMonthsClamped(today, -1);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const [acme, globex] = await tx
      .insert(customers)
      .values([
        { code: 'C-000101', name: 'Acme Manufacturing' },
        { code: 'C-000202', name: 'Globex Trading' },
      ])
      .returning();
    if (!acme || !globex) throw new Error('seed: customers not inserted');

    await tx.insert(customerUsers).values([
      { customerId: acme.id, email: DEMO_USERS.alice, name: 'Alice Sato', role: 'admin', passwordHash },
      { customerId: acme.id, email: DEMO_USERS.victor, name: 'Victor Tanaka', role: 'viewer', passwordHash },
      { customerId: globex.id, email: DEMO_USERS.grace, name: 'Grace Suzuki', role: 'admin', passwordHash },
    ]);
    await tx.insert(staffUsers).values([
      { email: DEMO_USERS.sam, name: 'Sam Kobayashi', role: 'support', passwordHash },
      { email: DEMO_USERS.olivia, name: 'Olivia Yamada', role: 'operator', passwordHash },
    ]);

    const [acmePbb1, acmePbb2, globexPbb] = await tx
      .insert(pbbContracts)
      .values([
        { customerId: acme.id, contractNumber: 'PBB-0101-01', startedOn: '2024-04-01' },
        { customerId: acme.id, contractNumber: 'PBB-0101-02', startedOn: '2025-01-01' },
        { customerId: globex.id, contractNumber: 'PBB-0202-01', startedOn: '2024-10-01' },
      ])
      .returning();
    if (!acmePbb1 || !acmePbb2 || !globexPbb) throw new Error('seed: PBB contracts not inserted');

    const [acmeHq, , globexNet] = await tx
      .insert(closedNetworks)
      .values([
        { customerId: acme.id, pbbContractId: acmePbb1.id, networkCode: 'CN-0101-HQ', name: 'Acme HQ backbone' },
        { customerId: acme.id, pbbContractId: acmePbb2.id, networkCode: 'CN-0101-PL', name: 'Acme plants network' },
        { customerId: globex.id, pbbContractId: globexPbb.id, networkCode: 'CN-0202-01', name: 'Globex trading floor' },
      ])
      .returning();
    if (!acmeHq || !globexNet) throw new Error('seed: closed networks not inserted');

    const [acmeHub, globexHub] = await tx
      .insert(smarthubContracts)
      .values([
        {
          customerId: acme.id,
          closedNetworkId: acmeHq.id,
          contractNumber: 'SH-000101',
          status: 'active',
          billingStartDate: twoMonthsAgo,
        },
        {
          customerId: globex.id,
          closedNetworkId: globexNet.id,
          contractNumber: 'SH-000202',
          status: 'active',
          billingStartDate: '2025-11-01',
        },
      ])
      .returning();
    if (!acmeHub || !globexHub) throw new Error('seed: Smart HUB contracts not inserted');

    await tx.insert(options).values([
      {
        customerId: acme.id,
        contractId: acmeHub.id,
        code: 'SH-O-000101',
        kind: 'onprem_port',
        attributes: { line: 'optical', speed: '1G', dataCentre: 'Tokyo DC1 (Otemachi)', rack: 'R12-U20' },
        status: 'active',
        billingStartDate: twoMonthsAgo,
      },
      {
        customerId: acme.id,
        contractId: acmeHub.id,
        code: 'SH-O-000102',
        kind: 'cloud_port',
        attributes: {
          cloudType: 'M2_PUBLIC',
          speed: '100M',
          cloudAccountId: '3f2b9c1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b',
          cloudConnectionKey: 'peering-acme-hq-01',
        },
        status: 'active',
        billingStartDate: lastMonth,
      },
      {
        customerId: acme.id,
        contractId: acmeHub.id,
        code: 'SH-O-000103',
        kind: 'napt',
        attributes: { sessions: 30_000 },
        status: 'active',
        billingStartDate: lastMonth,
      },
      {
        customerId: globex.id,
        contractId: globexHub.id,
        code: 'SH-O-000201',
        kind: 'onprem_port',
        attributes: { line: 'individual', speed: '10G', dataCentre: 'Osaka DC2 (Dojima)', rack: 'B03-U10' },
        status: 'active',
        billingStartDate: '2025-11-01',
      },
    ]);

    await tx.insert(prices).values(DEMO_PRICES.map((p) => ({ ...p, appliesFrom: '2024-01-01' })));
    await tx.insert(appMeta).values({ key: SEEDED_KEY, value: now.toISOString() });
  });
}

/** On the embedded database, loads the demo data the first time it is opened. */
export async function seedDemoDataOnce(db: Db): Promise<boolean> {
  const [done] = await db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  if (done) return false;
  const [anyCustomer] = await db.select({ id: customers.id }).from(customers).limit(1);
  if (anyCustomer) return false; // a database with data of its own is never seeded over
  await seedDemoData(db);
  return true;
}
