// Prepares the browser tests' embedded database before the server opens it: migrations, the
// demo data, one Acme-shaped customer per test that writes (e2e/customers.ts), the state some
// tests start from, and extra support staff. Every public cloud port keeps 1–8 NAPT add-ons
// assigned to it (portId), as the rules require (R-NAPT-PER-PORT).
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { openPglite } from '../db/client';
import { cancellationNotices, customerUsers, options, smarthubContracts, staffUsers } from '../db/schema';
import { largeContractOptions } from '../lib/demo/large-contract';
import { DEMO_PASSWORD, seedDemoDataOnce, seedE2eCustomers } from '../lib/demo/seed';
import {
  E2E_CUSTOMERS,
  E2E_ENDING,
  E2E_LARGE,
  E2E_PORT_SHAPE,
  E2E_SECOND_NAPT,
  E2E_SUPPORT_STAFF,
  e2eCustomer,
  type E2eCustomer,
} from '../e2e/customers';
import { hashPassword } from '../lib/auth/password';
import { sealSecret } from '../lib/auth/secret-box';
import { addDays, cancellationEffectiveDate } from '../lib/rules';

const dir = process.env.PGLITE_DIR;
if (!dir) throw new Error('PGLITE_DIR must name the browser tests’ database');
const open = await openPglite(dir);
try {
  const now = new Date();
  await seedDemoDataOnce(open.db);
  await seedE2eCustomers(open.db, [...E2E_CUSTOMERS], now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await open.db.transaction(async (tx) => {
    const optionOf = async (name: E2eCustomer, code: string) => {
      const [row] = await tx.select().from(options).where(eq(options.code, code));
      if (!row) throw new Error(`e2e seed: no option ${code} of ${name}`);
      return row;
    };
    // A second NAPT add-on on the M2 port, like the first (so the first may be cancelled).
    for (const name of E2E_SECOND_NAPT) {
      const customer = e2eCustomer(name);
      const [port, first] = [await optionOf(name, customer.m2), await optionOf(name, customer.napt)];
      await tx.insert(options).values({
        customerId: first.customerId,
        contractId: first.contractId,
        code: customer.napt2,
        kind: 'napt',
        portId: port.id,
        attributes: { sessions: 30_000 },
        status: first.status,
        billingStartDate: first.billingStartDate,
      });
    }
    // Another interface and NAPT size on the M2 port (as an accepted upgrade and a larger add-on would leave it).
    for (const [name, shape] of Object.entries(E2E_PORT_SHAPE) as [E2eCustomer, { speed: '1G'; naptSessions: number }][]) {
      const customer = e2eCustomer(name);
      const port = await optionOf(name, customer.m2);
      await tx
        .update(options)
        .set({ attributes: { ...port.attributes, speed: shape.speed } })
        .where(eq(options.id, port.id));
      await tx
        .update(options)
        .set({ attributes: { sessions: shape.naptSessions } })
        .where(eq(options.code, customer.napt));
    }
    // Pending option cancellations sent today, as the portal would record them (end date on the option, a notice).
    for (const [name, ending] of Object.entries(E2E_ENDING) as [E2eCustomer, { option: string; days: number }[]][]) {
      const customer = e2eCustomer(name);
      const [user] = await tx.select().from(customerUsers).where(eq(customerUsers.email, customer.email));
      if (!user) throw new Error(`e2e seed: no user ${customer.email}`);
      for (const { option, days } of ending) {
        const effectiveDate = addDays(cancellationEffectiveDate(now), days);
        const [row] = await tx
          .update(options)
          .set({ endsOn: effectiveDate })
          .where(and(eq(options.customerId, user.customerId), eq(options.code, `${customer.onprem.slice(0, -2)}${option}`)))
          .returning();
        if (!row) throw new Error(`e2e seed: no option ${option} of ${name}`);
        // A port's NAPT add-ons end with it, on the same day (R-NAPT-PER-PORT).
        await tx
          .update(options)
          .set({ endsOn: effectiveDate })
          .where(and(eq(options.portId, row.id), isNull(options.endsOn)));
        await tx.insert(cancellationNotices).values({
          customerId: user.customerId,
          contractId: row.contractId,
          optionId: row.id,
          receivedAt: now,
          requestedDate: days === 0 ? null : effectiveDate,
          effectiveDate,
          submittedBy: user.id,
          idempotencyKey: randomUUID(),
        });
      }
    }
    // The largest customer's add-ons, beside the four every test customer has.
    for (const [name, large] of Object.entries(E2E_LARGE) as [E2eCustomer, { count: number; codePrefix: string }][]) {
      const customer = e2eCustomer(name);
      const [contract] = await tx.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, customer.contract));
      const onprem = await optionOf(name, customer.onprem);
      if (!contract || !onprem.billingStartDate) throw new Error(`e2e seed: no contract ${customer.contract} of ${name}`);
      await tx.insert(options).values(
        largeContractOptions({ customerId: contract.customerId, contractId: contract.id, codePrefix: large.codePrefix, count: large.count, billingStartDate: onprem.billingStartDate }),
      );
    }
    await tx.insert(staffUsers).values(
      Object.values(E2E_SUPPORT_STAFF).map((s) => ({ ...s, totpSecret: sealSecret(s.totpSecret), role: 'support' as const, passwordHash })),
    );
  });
} finally {
  await open.close();
}
