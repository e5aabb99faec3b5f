import { and, count, eq, gt, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customers, customerUsers, loginAttempts, staffUsers } from '@/db/schema';
import { recordAuthEvent } from '@/lib/audit';
import { logWarning } from '@/lib/log';
import { signInHashing, type Bulkhead } from './bulkhead';
import { verifyAgainstDummy, verifyPassword } from './password';
import { spendRecoveryCode } from './recovery-codes';
import { openSecret } from './secret-box';
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
  | { kind: 'staff'; id: string; name: string; email: string; role: 'support' | 'operator' };

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

// Advisory lock classes (two-key form, so an account's key and an address's never collide).
const ACCOUNT_LOCK = 727201;
const ADDRESS_LOCK = 727202;

/**
 * The throttle, judged before any hashing: under the account's lock and then the address's (always
 * in that order, so two attempts never wait on each other in a circle), the failures of both are
 * counted, and if neither is at its limit an attempt row is reserved as a failure. Concurrent
 * attempts, in this process or another instance, are judged one after the other and each sees
 * the reservations before it, so exactly the limit get checked. Returns the row's id, or null
 * when throttled (nothing is counted). The transaction holds no lock while hashing.
 */
async function reserveAttempt(db: Db, email: string, ip: string, now: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${email}))`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${ip}))`);
    if (await isThrottled(tx, email, ip, now)) return null;
    const [row] = await tx.insert(loginAttempts).values({ email, ip, succeeded: false, at: now }).returning({ id: loginAttempts.id });
    if (!row) throw new Error('login attempt not reserved');
    return row.id;
  });
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
    };
    return { user, passwordHash: staffUser.passwordHash, disabled: false, totp: { secret: staffUser.totpSecret, lastStep: staffUser.totpLastStep } };
  }
  return null;
}

/** Records a TOTP step as used, only forward: the same code (or an older one) is never accepted twice. */
async function spendTotpStep(tx: DbOrTx, user: SignedInUser, step: number): Promise<boolean> {
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

/** The authenticator secret of a user, opened; null when the stored value cannot be opened (a wrong key). */
function openTotpSecret(stored: string): string | null {
  try {
    return openSecret(stored);
  } catch (error) {
    logWarning('auth', `an authenticator secret could not be opened (${error instanceof Error ? error.message : 'unknown'}); check TOTP_ENCRYPTION_KEY`);
    return null;
  }
}

/**
 * The second factor after a right password: an authenticator code (its step recorded only
 * forward, so one code is never accepted twice), or for staff one unused recovery code (spent).
 */
async function checkSecondFactor(
  tx: DbOrTx,
  found: NonNullable<Awaited<ReturnType<typeof findUser>>>,
  code: string,
  now: Date,
): Promise<{ ok: true; via?: 'recovery_code'; recoveryCodesLeft?: number } | { ok: false }> {
  const sealed = found.totp.secret;
  if (!sealed) return { ok: true };
  const secret = openTotpSecret(sealed);
  if (!secret) return { ok: false };
  const step = verifyTotp(secret, code, now, found.totp.lastStep);
  if (step !== null) return (await spendTotpStep(tx, found.user, step)) ? { ok: true } : { ok: false };
  if (found.user.kind === 'staff') {
    const used = await spendRecoveryCode(tx, found.user.id, code, now);
    if (used) return { ok: true, via: 'recovery_code', recoveryCodesLeft: used.left };
  }
  return { ok: false };
}

/**
 * Checks an e-mail and password, and the authenticator code (or, for staff, a recovery code) of
 * staff and of customer users who set up a second factor. One generic answer for a wrong e-mail,
 * password or code, for a deactivated user or customer, and for a staff member who has no second
 * factor (they enrol only through a one-time link an operator or the CLI issues, never by
 * signing in). Repeated failures per account and per address are throttled, counted in the
 * database so the limit holds across app instances.
 *
 * In order: the throttle (a short transaction that reserves the attempt), the password hash
 * outside any transaction and bounded per process (a Bulkhead: beyond its queue the answer is
 * "throttled", and the reservation is taken back), then a short transaction for the second
 * factor and the outcome. A throttled or busy attempt is neither checked nor counted.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string; totp?: string },
  now: Date = new Date(),
  hashing: Bulkhead = signInHashing,
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const attemptId = await reserveAttempt(db, email, input.ip, now);
  if (!attemptId) return { ok: false, reason: 'throttled' };

  const found = await findUser(db, email);
  const checked = await hashing.run(() =>
    found ? verifyPassword(found.passwordHash, input.password) : verifyAgainstDummy(input.password).then(() => false),
  );
  if (!checked.ok) {
    // Busy: not checked, so not counted either.
    await db.delete(loginAttempts).where(eq(loginAttempts.id, attemptId));
    return { ok: false, reason: 'throttled' };
  }
  // A staff member without a second factor cannot sign in (no trust on first use).
  const passwordOk = checked.value && found !== null && !found.disabled && !(found.user.kind === 'staff' && !found.totp.secret);

  const result = passwordOk
    ? await db.transaction(async (tx): Promise<SignInResult> => {
        const second = await checkSecondFactor(tx, found, input.totp ?? '', now);
        if (!second.ok) return { ok: false, reason: 'invalid' };
        await tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
        const detail = { ip: input.ip, ...(second.via ? { via: second.via, recoveryCodesLeft: second.recoveryCodesLeft } : {}) };
        await recordAuthEvent(tx, found.user, 'auth.sign_in', detail, now);
        return { ok: true, user: found.user };
      })
    : ({ ok: false, reason: 'invalid' } as const);
  await pruneLoginAttempts(db, now);
  return result;
}
