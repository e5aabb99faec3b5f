import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customerUsers, customers, staffUsers } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD, seedHubCustomer } from '@/lib/demo/seed';

/** The customer user with this e-mail as the services see them (admins may write). */
export async function customerActor(db: Db, email: string): Promise<CustomerActor> {
  const [u] = await db.select().from(customerUsers).where(eq(customerUsers.email, email));
  if (!u) throw new Error(email);
  return { kind: 'customer', userId: u.id, customerId: u.customerId, role: u.role, name: u.name, email: u.email, canWrite: u.role === 'admin' };
}

/** The staff user with this e-mail, enrolled (signed in with the second factor). */
export async function staffActor(db: Db, email: string): Promise<StaffActor> {
  const [u] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  if (!u) throw new Error(email);
  return { kind: 'staff', userId: u.id, role: u.role, name: u.name, email: u.email, enrolled: true };
}

let passwordHash: Promise<string> | null = null;

/**
 * An Acme-shaped customer of its own, seeded as of `today`: two PBB contracts, SH-00<tag> with an
 * on-premises port (…01), an M2 public 100M port (…02) and one 30,000-session NAPT add-on on it
 * (…03), option codes SH-O-<tag[2..]><tag[2..]>0n. Returns its admin.
 */
export async function freshHubCustomer(db: Db, tag: string, today = '2026-11-24'): Promise<CustomerActor> {
  const email = `admin-${tag}@initech.example`;
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  await db.transaction(async (tx) => {
    await seedHubCustomer(
      tx,
      {
        code: `C-00${tag}`,
        name: `Initech ${tag}`,
        tag,
        contractNumber: `SH-00${tag}`,
        optionPrefix: `SH-O-${tag.slice(2)}${tag.slice(2)}`,
        users: [{ email, name: `Admin ${tag}`, role: 'admin' }],
      },
      hash,
      today,
    );
  });
  const [customer] = await db.select().from(customers).where(eq(customers.code, `C-00${tag}`));
  if (!customer) throw new Error(`C-00${tag}`);
  return customerActor(db, email);
}
