// `npm run db:seed`: puts the demo on a database on request. The demo's accounts have published
// passwords and authenticator secrets (README), so they must never land beside real accounts or
// on a production deployment by accident: the command refuses both, and says why.
import { eq, notInArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { appMeta, customerUsers, customers, staffUsers } from '@/db/schema';
import { refused, type Failure, type Result } from '@/lib/result';
import { DEMO_CUSTOMER_CODES, DEMO_USERS, SEEDED_KEY, seedDemoData } from './seed';

export type SeedRefusal = 'production' | 'real_data';
/** The shared result type, its refusals narrowed to the command's reasons. */
export type SeedOutcome = Result<{ loaded: boolean }> & ({ ok: true } | (Failure & { kind: 'refused'; reason: SeedRefusal }));

export interface SeedRequest {
  /** NODE_ENV is production. */
  production: boolean;
  /** `--demo` was given: the operator means to put the demo there anyway. */
  demo: boolean;
  now?: Date;
}

const DEMO_EMAILS = Object.values(DEMO_USERS);

/** The refusal that needs no database, so the command says it before opening one. */
export function refusalBeforeOpening(request: SeedRequest): SeedRefusal | null {
  return request.production && !request.demo ? 'production' : null;
}

/**
 * Loads the demo data when the database holds nothing but (at most) the demo itself.
 * Real data is any customer, customer user or staff user that is not one of the demo's.
 */
export async function seedDemoOnRequest(db: Db, request: SeedRequest): Promise<SeedOutcome> {
  const early = refusalBeforeOpening(request);
  if (early) return refused(early);
  const [realCustomer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(notInArray(customers.code, [...DEMO_CUSTOMER_CODES]))
    .limit(1);
  const [realUser] = await db.select({ id: customerUsers.id }).from(customerUsers).where(notInArray(customerUsers.email, DEMO_EMAILS)).limit(1);
  const [realStaff] = await db.select({ id: staffUsers.id }).from(staffUsers).where(notInArray(staffUsers.email, DEMO_EMAILS)).limit(1);
  if (realCustomer || realUser || realStaff) return refused('real_data');
  const [done] = await db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  const [demoCustomer] = await db.select({ id: customers.id }).from(customers).limit(1);
  if (done || demoCustomer) return { ok: true, loaded: false };
  await seedDemoData(db, request.now);
  return { ok: true, loaded: true };
}

/** What the command prints for each refusal. */
export const SEED_REFUSALS: Record<SeedRefusal, string> = {
  production:
    'NODE_ENV is production, and the demo data has accounts whose passwords are published in the README. ' +
    'Nothing was loaded. If this really is a demo installation, run `npm run db:seed -- --demo`.',
  real_data:
    'This database already has customers or staff that are not the demo’s, and the demo accounts must never sit ' +
    'beside real ones (their passwords are published). Nothing was loaded.',
};
