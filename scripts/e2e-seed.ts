// Prepares the browser tests' embedded database before the server opens it: migrations, the
// demo data, one Acme-shaped customer per test that writes (e2e/customers.ts), the state some
// tests start from, and extra support staff.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openPglite } from '../db/client';
import { cancellationNotices, customerUsers, options, staffUsers } from '../db/schema';
import { DEMO_PASSWORD, seedDemoDataOnce, seedE2eCustomers } from '../lib/demo/seed';
import { E2E_CUSTOMERS, E2E_ENDING, E2E_SUPPORT_STAFF, e2eCustomer, type E2eCustomer } from '../e2e/customers';
import { hashPassword } from '../lib/auth/password';
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
    await tx.insert(staffUsers).values(
      Object.values(E2E_SUPPORT_STAFF).map((s) => ({ ...s, role: 'support' as const, passwordHash })),
    );
  });
} finally {
  await open.close();
}
