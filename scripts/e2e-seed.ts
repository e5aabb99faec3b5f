// Prepares the browser tests' embedded database before the server opens it: migrations, the
// demo data, and one Acme-shaped customer per spec area (see e2e/fixtures.ts).
import { openPglite } from '../db/client';
import { seedDemoDataOnce, seedE2eCustomers } from '../db/seed';
import { E2E_CUSTOMERS } from '../e2e/customers';

const dir = process.env.PGLITE_DIR;
if (!dir) throw new Error('PGLITE_DIR must name the browser tests’ database');
const open = await openPglite(dir);
try {
  await seedDemoDataOnce(open.db);
  await seedE2eCustomers(open.db, [...E2E_CUSTOMERS]);
} finally {
  await open.close();
}
