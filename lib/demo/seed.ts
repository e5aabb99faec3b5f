// The demo data: who signs in to try the portal, their contracts, and a fictitious price list.
// It lives in lib/, not db/, because it uses the app's password hashing and date rules (db/ is the
// bottom layer and imports nothing of lib/). Loaded by the server on the embedded database's
// first start (lib/startup.ts) and on request by `npm run db:seed` (lib/demo/seed-command.ts).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { sealSecret } from '@/lib/auth/secret-box';
import { japanDate, sameDayMonthsLater } from '@/lib/rules';
import {
  appMeta,
  closedNetworks,
  customerContacts,
  customerUsers,
  customers,
  options,
  pbbContracts,
  prices,
  smarthubContracts,
  staffUsers,
} from '@/db/schema';

export const DEMO_PASSWORD = 'smarthub-demo';
export const SEEDED_KEY = 'demo_data_loaded_at';
/** The demo's customers, by code (Acme Manufacturing, Globex Trading). */
export const DEMO_CUSTOMER_CODES = ['C-000101', 'C-000202'] as const;

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

/**
 * Fixed authenticator secrets of the demo staff (documented in the README), so the browser
 * tests can compute their codes. Never use these anywhere but the demo.
 */
export const DEMO_TOTP_SECRETS = {
  sam: 'WBCXSIVDT25ISIYI6K7OGMKTP2SIRB7K',
  olivia: 'ASSYNMUSAFMW3E2IF7AJF7WHCJHN3KVF',
} as const;

export const DEMO_USERS = {
  alice: 'alice@acme.example',
  victor: 'victor@acme.example',
  /** Acme's billing user: statements and SLA claims, no contract changes. */
  bill: 'bill@acme.example',
  grace: 'grace@globex.example',
  sam: 'sam@support.example',
  olivia: 'olivia@ops.example',
} as const;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Codes of one seeded customer: Acme's are the demo's; test fixtures get their own. */
interface CustomerSpec {
  code: string;
  name: string;
  users: { email: string; name: string; role: 'admin' | 'viewer' | 'billing' }[];
  /** Makes network and PBB contract numbers unique (CN-<tag>-HQ, PBB-<tag>-01). */
  tag: string;
  contractNumber: string;
  /** Option codes are this prefix and 01, 02, 03. */
  optionPrefix: string;
}

/**
 * A customer shaped like the demo's Acme: two active PBB contracts and two closed networks;
 * one holds a Smart HUB contract with an optical 1G on-premises port (billing started two
 * months ago), an M2 public 100M cloud port and a 30,000-session NAPT add-on (both last month);
 * the other has no Smart HUB contract yet.
 */
export async function seedHubCustomer(tx: Tx, spec: CustomerSpec, passwordHash: string, today: string) {
  const twoMonthsAgo = sameDayMonthsLater(today, -2);
  const lastMonth = sameDayMonthsLater(today, -1);
  const [customer] = await tx.insert(customers).values({ code: spec.code, name: spec.name }).returning();
  if (!customer) throw new Error('seed: customer not inserted');
  await tx.insert(customerUsers).values(spec.users.map((u) => ({ ...u, customerId: customer.id, passwordHash })));
  const [pbb1, pbb2] = await tx
    .insert(pbbContracts)
    .values([
      { customerId: customer.id, contractNumber: `PBB-${spec.tag}-01`, startedOn: '2024-04-01' },
      { customerId: customer.id, contractNumber: `PBB-${spec.tag}-02`, startedOn: '2025-01-01' },
    ])
    .returning();
  if (!pbb1 || !pbb2) throw new Error('seed: PBB contracts not inserted');
  const [hq] = await tx
    .insert(closedNetworks)
    .values([
      { customerId: customer.id, pbbContractId: pbb1.id, networkCode: `CN-${spec.tag}-HQ`, name: `${spec.name.split(' ')[0]} HQ backbone` },
      { customerId: customer.id, pbbContractId: pbb2.id, networkCode: `CN-${spec.tag}-PL`, name: `${spec.name.split(' ')[0]} plants network` },
    ])
    .returning();
  if (!hq) throw new Error('seed: closed networks not inserted');
  const [hub] = await tx
    .insert(smarthubContracts)
    .values({
      customerId: customer.id,
      closedNetworkId: hq.id,
      contractNumber: spec.contractNumber,
      status: 'active',
      billingStartDate: twoMonthsAgo,
    })
    .returning();
  if (!hub) throw new Error('seed: Smart HUB contract not inserted');
  // The NAPT add-on belongs to the public cloud port (I-2), so the port's id is known up front.
  const publicPortId = randomUUID();
  await tx.insert(options).values([
    {
      customerId: customer.id,
      contractId: hub.id,
      code: `${spec.optionPrefix}01`,
      kind: 'onprem_port',
      attributes: { line: 'optical', speed: '1G', dataCentre: 'Tokyo DC1 (Otemachi)', rack: 'R12-U20' },
      status: 'active',
      billingStartDate: twoMonthsAgo,
    },
    {
      customerId: customer.id,
      contractId: hub.id,
      id: publicPortId,
      code: `${spec.optionPrefix}02`,
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
      customerId: customer.id,
      contractId: hub.id,
      code: `${spec.optionPrefix}03`,
      kind: 'napt',
      portId: publicPortId,
      attributes: { sessions: 30_000 },
      status: 'active',
      billingStartDate: lastMonth,
    },
  ]);
  return customer;
}

/** Loads the demo data: two customers, their contracts, staff, and a fictitious price list. */
export async function seedDemoData(db: Db, now = new Date()): Promise<void> {
  const today = japanDate(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const acme = await seedHubCustomer(
      tx,
      {
        code: DEMO_CUSTOMER_CODES[0],
        name: 'Acme Manufacturing',
        tag: '0101',
        contractNumber: 'SH-000101',
        optionPrefix: 'SH-O-0001',
        users: [
          { email: DEMO_USERS.alice, name: 'Alice Sato', role: 'admin' },
          { email: DEMO_USERS.victor, name: 'Victor Tanaka', role: 'viewer' },
          { email: DEMO_USERS.bill, name: 'Bill Nakamura', role: 'billing' },
        ],
      },
      passwordHash,
      today,
    );
    const [globex] = await tx.insert(customers).values({ code: DEMO_CUSTOMER_CODES[1], name: 'Globex Trading' }).returning();
    if (!globex) throw new Error('seed: customers not inserted');
    await tx
      .insert(customerUsers)
      .values({ customerId: globex.id, email: DEMO_USERS.grace, name: 'Grace Suzuki', role: 'admin', passwordHash });
    await tx.insert(staffUsers).values([
      { email: DEMO_USERS.sam, name: 'Sam Kobayashi', role: 'support', passwordHash, totpSecret: sealSecret(DEMO_TOTP_SECRETS.sam) },
      { email: DEMO_USERS.olivia, name: 'Olivia Yamada', role: 'operator', passwordHash, totpSecret: sealSecret(DEMO_TOTP_SECRETS.olivia) },
    ]);
    const [globexPbb] = await tx
      .insert(pbbContracts)
      .values({ customerId: globex.id, contractNumber: 'PBB-0202-01', startedOn: '2024-10-01' })
      .returning();
    if (!globexPbb) throw new Error('seed: PBB contract not inserted');
    const [globexNet] = await tx
      .insert(closedNetworks)
      .values({ customerId: globex.id, pbbContractId: globexPbb.id, networkCode: 'CN-0202-01', name: 'Globex trading floor' })
      .returning();
    if (!globexNet) throw new Error('seed: closed network not inserted');
    const [globexHub] = await tx
      .insert(smarthubContracts)
      .values({
        customerId: globex.id,
        closedNetworkId: globexNet.id,
        contractNumber: 'SH-000202',
        status: 'active',
        billingStartDate: '2025-11-01',
      })
      .returning();
    if (!globexHub) throw new Error('seed: Smart HUB contract not inserted');
    await tx.insert(options).values({
      customerId: globex.id,
      contractId: globexHub.id,
      code: 'SH-O-000201',
      kind: 'onprem_port',
      attributes: { line: 'individual', speed: '10G', dataCentre: 'Osaka DC2 (Dojima)', rack: 'B03-U10' },
      status: 'active',
      billingStartDate: '2025-11-01',
    });

    // Contacts (fictitious): who IIJ's outage notices go to (failure) and who runs the network (operations).
    const at = { createdAt: now, updatedAt: now };
    await tx.insert(customerContacts).values([
      { customerId: acme.id, kind: 'failure', name: 'Acme NOC', email: 'noc@acme.example', phone: '03-5555-0101', hours: '24時間 / 24 hours', locale: 'ja', ...at },
      { customerId: acme.id, kind: 'operations', name: 'Alice Sato', email: DEMO_USERS.alice, phone: '03-5555-0102', hours: '平日 9:00–18:00', locale: 'ja', ...at },
      { customerId: globex.id, kind: 'failure', name: 'Globex IT desk', email: 'it-desk@globex.example', phone: '06-5555-0202', hours: '24 hours', locale: 'en', ...at },
    ]);

    await tx.insert(prices).values(DEMO_PRICES.map((p) => ({ ...p, appliesFrom: '2024-01-01' })));
    await tx.insert(appMeta).values({ key: SEEDED_KEY, value: now.toISOString() });
  });
}

/**
 * Browser-test fixtures: customers shaped like Acme, one per spec area, so specs that change
 * contracts run in parallel without touching each other. Loaded only by scripts/e2e-seed.ts.
 */
export async function seedE2eCustomers(db: Db, names: string[], now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const [i, name] of names.entries()) {
      const tag = `E${String(i + 1).padStart(2, '0')}`;
      const customer = await seedHubCustomer(
        tx,
        {
          code: `C-${tag}`,
          name: `${name} Test KK`,
          tag,
          contractNumber: `SH-${tag}`,
          optionPrefix: `SH-O-${tag}`,
          users: [{ email: `${name.toLowerCase()}@e2e.example`, name: `${name} Admin`, role: 'admin' }],
        },
        passwordHash,
        japanDate(now),
      );
      // An active PBB bandwidth expansion, so item changes can be shown (Art. 4.5).
      const [hub] = await tx.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, `SH-${tag}`));
      await tx.insert(options).values({
        customerId: customer.id,
        contractId: hub!.id,
        code: `SH-O-${tag}04`,
        kind: 'pbb_expansion',
        attributes: { speed: '5G' },
        status: 'active',
        billingStartDate: sameDayMonthsLater(japanDate(now), -1),
      });
    }
  });
}

/** On the embedded database's first start (lib/startup.ts), loads the demo data; never over data of its own. */
export async function seedDemoDataOnce(db: Db): Promise<boolean> {
  const [done] = await db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  if (done) return false;
  const [anyCustomer] = await db.select({ id: customers.id }).from(customers).limit(1);
  const [anyStaff] = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  if (anyCustomer || anyStaff) return false; // a database with data of its own is never seeded over
  await seedDemoData(db);
  return true;
}
