import { and, count, eq, gt, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customers, customerUsers, loginAttempts, staffUsers } from '@/db/schema';
import { recordAuthEvent } from '@/lib/audit';
import { verifyAgainstDummy, verifyPassword } from './password';
import { verifyTotp } from './totp';
import type { CustomerRole } from './access';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Attempts are kept as long as the longest window that counts them (the password-reset throttle's hour). */
export const ATTEMPTS_KEPT_MS = 60 * 60 * 1000;

/**
 * Removes attempts no throttle counts any more, a bounded batch at a time (each sign-in takes some
 * away), so the table stays the size of the last hour's traffic.
 */
export async function pruneLoginAttempts(tx: DbOrTx, now: Date, batch = 500): Promise<void> {
  const before = new Date(now.getTime() - ATTEMPTS_KEPT_MS);
  await tx.execute(sql`DELETE FROM ${loginAttempts} WHERE ${loginAttempts.id} IN (SELECT ${loginAttempts.id} FROM ${loginAttempts} WHERE ${loginAttempts.at} < ${before} LIMIT ${batch})`);
}
/** Failed attempts on one account within the window before it is throttled. */
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** Failed attempts from one address within the window (an office NAT shares one address). */
export const MAX_FAILURES_PER_IP = 50;

export type SignedInUser =
  | { kind: 'customer'; id: string; name: string; email: string; role: CustomerRole; customerId: string }
  | { kind: 'staff'; id: string; name: string; email: string; role: 'support' | 'operator'; enrolled: boolean };

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: 'invalid' | 'throttled' };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function isThrottled(db: DbOrTx, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // Failures on an account count from its last success within the window.
  const [lastSuccess] = await db
    .select({ at: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true), gt(loginAttempts.at, since)));
  const accountSince = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const [account] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, accountSince)));
  if ((account?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT) return true;
  const [address] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return (address?.n ?? 0) >= MAX_FAILURES_PER_IP;
}

async function findUser(db: DbOrTx, email: string) {
  const [found] = await db
    .select({ user: customerUsers, customerDeactivatedAt: customers.deactivatedAt })
    .from(customerUsers)
    .innerJoin(customers, eq(customers.id, customerUsers.customerId))
    .where(eq(customerUsers.email, email));
  if (found) {
    const customerUser = found.user;
    const user: SignedInUser = {
      kind: 'customer',
      id: customerUser.id,
      name: customerUser.name,
      email: customerUser.email,
      role: customerUser.role,
      customerId: customerUser.customerId,
    };
    return {
      user,
      passwordHash: customerUser.passwordHash,
      // A deactivated user, or any user of a deactivated customer, gets the same answer as a wrong password.
      disabled: Boolean(customerUser.deactivatedAt || found.customerDeactivatedAt),
      totp: { secret: customerUser.totpSecret, lastStep: customerUser.totpLastStep },
    };
  }
  const [staffUser] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  if (staffUser) {
    const user: SignedInUser = {
      kind: 'staff',
      id: staffUser.id,
      name: staffUser.name,
      email: staffUser.email,
      role: staffUser.role,
      enrolled: Boolean(staffUser.totpSecret),
    };
    return { user, passwordHash: staffUser.passwordHash, disabled: false, totp: { secret: staffUser.totpSecret, lastStep: staffUser.totpLastStep } };
  }
  return null;
}

/** Records a TOTP step as used, only forward: the same code (or an older one) is never accepted twice. */
async function useTotpStep(tx: DbOrTx, user: SignedInUser, step: number): Promise<boolean> {
  const used =
    user.kind === 'staff'
      ? await tx
          .update(staffUsers)
          .set({ totpLastStep: step })
          .where(and(eq(staffUsers.id, user.id), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
          .returning({ id: staffUsers.id })
      : await tx
          .update(customerUsers)
          .set({ totpLastStep: step })
          .where(and(eq(customerUsers.id, user.id), or(isNull(customerUsers.totpLastStep), lt(customerUsers.totpLastStep, step))))
          .returning({ id: customerUsers.id });
  return used.length === 1;
}

/**
 * Checks an e-mail and password, and the authenticator code of enrolled staff and of customer
 * users who set up a second factor. One generic answer for a wrong e-mail, password or code, and
 * for a deactivated user or customer (no hint which); repeated failures per account and
 * per address are throttled, counted in the database so the limit holds across app instances.
 * A throttled attempt is not checked and not counted. Staff not yet enrolled sign in with their
 * password and are sent to enrol a second factor before anything else.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string; totp?: string },
  now: Date = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  // Attempts on one account are judged one at a time, so a burst cannot outrun the limit and
  // one authenticator code cannot be used twice.
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
    if (await isThrottled(tx, email, input.ip, now)) return { ok: false, reason: 'throttled' };

    const found = await findUser(tx, email);
    let valid = found ? await verifyPassword(found.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false);
    if (valid && found?.disabled) valid = false;
    // Staff always, customer users once they set one up: the authenticator code too.
    if (valid && found?.totp.secret) {
      const step = verifyTotp(found.totp.secret, input.totp ?? '', now, found.totp.lastStep);
      valid = step !== null && (await useTotpStep(tx, found.user, step));
    }

    await tx.insert(loginAttempts).values({ email, ip: input.ip, succeeded: valid, at: now });
    await pruneLoginAttempts(tx, now);
    if (!found || !valid) return { ok: false, reason: 'invalid' };

    await recordAuthEvent(tx, found.user, 'auth.sign_in', { ip: input.ip }, now);
    return { ok: true, user: found.user };
  });
}
