// Second factor for staff, required on every sign-in. A staff member enrols only through a
// one-time link (`npm run staff:create`, or an operator's reset, lib/auth/factor-reset.ts): the
// password, the authenticator and ten recovery codes are all set there (completeLinkEnrolment).
// There is no enrolment after a password-only sign-in: a member without a second factor cannot
// sign in at all (lib/auth/sign-in.ts). Secrets are stored sealed (lib/auth/secret-box.ts).
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customerUsers, staffEnrolments, staffUsers } from '@/db/schema';
import { recordAudit, recordAuthEvent } from '@/lib/audit';
import { refused, type Result } from '@/lib/result';
import { hashOneTimeToken, newOneTimeToken, portalUrl, STAFF_ENROLMENT_LIFETIME_MS } from '@/lib/users/tokens';
import { hashPassword } from './password';
import { passwordProblem } from './password-strength';
import { endAllSessions } from './sessions';
import type { StaffRole } from './access';
import { replaceRecoveryCodes } from './recovery-codes';
import { openSecret, sealSecret } from './secret-box';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

// ── enrolment by a one-time link ─────────────────────────────────────────────────────────────

/** Whether an address already belongs to a customer user or a staff user (addresses are unique across both). */
export async function emailInUse(db: DbOrTx, email: string): Promise<boolean> {
  const address = email.trim().toLowerCase();
  const [customer] = await db.select({ id: customerUsers.id }).from(customerUsers).where(eq(customerUsers.email, address)).limit(1);
  if (customer) return true;
  const [staff] = await db.select({ id: staffUsers.id }).from(staffUsers).where(sql`lower(${staffUsers.email}) = ${address}`).limit(1);
  return Boolean(staff);
}

export interface NewStaffMember {
  email: string;
  name: string;
  role: StaffRole;
  /** The operator who issues the link; null for the command line (a system action). */
  by: { staffUserId: string } | null;
}

/**
 * Creates a staff user with no usable password (the hash of a random secret nobody holds) and a
 * one-time enrolment link (72 h, only its SHA-256 kept), audited in the same transaction.
 * Returns the link: it is shown once, to whoever creates the member.
 */
export async function createStaffMember(
  db: Db,
  input: NewStaffMember,
  now: Date,
): Promise<Result<{ staffUserId: string; link: string; token: string; expiresAt: Date }>> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  return db.transaction(async (tx) => {
    // One creation of an address at a time (both tables' unique indexes are separate).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727101)`);
    if (await emailInUse(tx, email)) return refused('email_taken');
    const [user] = await tx.insert(staffUsers).values({ email, name, role: input.role, passwordHash, createdAt: now }).returning({ id: staffUsers.id });
    if (!user) throw new Error('staff user not inserted');
    const token = newOneTimeToken();
    const expiresAt = new Date(now.getTime() + STAFF_ENROLMENT_LIFETIME_MS);
    const [enrolment] = await tx
      .insert(staffEnrolments)
      .values({ staffUserId: user.id, tokenHash: hashOneTimeToken(token), expiresAt, createdBy: input.by?.staffUserId ?? null, createdAt: now })
      .returning({ id: staffEnrolments.id });
    await recordAudit(tx, {
      actor: input.by ? { type: 'staff_user', id: input.by.staffUserId } : { type: 'system' },
      action: 'staff.create',
      target: { type: 'staff_user', id: user.id },
      detail: { email, name, role: input.role, enrolmentId: enrolment?.id, expiresAt: expiresAt.toISOString() },
      at: now,
    });
    return { ok: true, staffUserId: user.id, token, expiresAt, link: portalUrl(`/staff/enrol/${token}`) };
  });
}

export type EnrolmentLinkState =
  | { ok: true; enrolmentId: string; staffUserId: string; email: string; name: string; expiresAt: Date }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** What a link's token opens: its enrolment if unused and in time, else why not. */
export async function enrolmentByToken(db: DbOrTx, token: string, now: Date): Promise<EnrolmentLinkState> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: 'unknown' };
  const [row] = await db
    .select({ enrolment: staffEnrolments, email: staffUsers.email, name: staffUsers.name })
    .from(staffEnrolments)
    .innerJoin(staffUsers, eq(staffUsers.id, staffEnrolments.staffUserId))
    .where(eq(staffEnrolments.tokenHash, hashOneTimeToken(token)));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.enrolment.usedAt) return { ok: false, reason: 'used' };
  if (row.enrolment.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, enrolmentId: row.enrolment.id, staffUserId: row.enrolment.staffUserId, email: row.email, name: row.name, expiresAt: row.enrolment.expiresAt };
}

/** The authenticator secret a link's page shows (the same one until confirmed); null when the link opens nothing. */
export async function beginLinkEnrolment(db: Db, token: string, now: Date): Promise<{ secret: string; uri: string; email: string; name: string } | null> {
  const link = await enrolmentByToken(db, token, now);
  if (!link.ok) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(staffUsers).where(eq(staffUsers.id, link.staffUserId)).for('update');
    if (!row) return null;
    // A link replaces any authenticator set before (a member enrolled again by a new link).
    let secret = row.totpPendingSecret ? openSecret(row.totpPendingSecret) : null;
    if (!secret) {
      secret = newTotpSecret();
      await tx.update(staffUsers).set({ totpPendingSecret: sealSecret(secret) }).where(eq(staffUsers.id, row.id));
    }
    return { secret, uri: totpUri(row.email, secret), email: row.email, name: row.name };
  });
}

/** What a completed enrolment answers the form with: the recovery codes, shown once. */
export interface EnrolledPreview {
  recoveryCodes: string[];
}

/** The shortest password accepted (a length rule; no strength library is in the project yet). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Uses a link: the password and the authenticator (proved by one code) are set, ten new recovery
 * codes replace any earlier ones, the link is marked used, and any session of the member ends,
 * all in one transaction under the link's lock. Returns the recovery codes: the only time they
 * exist in clear (only their hashes are kept).
 */
export async function completeLinkEnrolment(
  db: Db,
  input: { token: string; password: string; code: string },
  now: Date,
): Promise<Result<{ staffUserId: string; recoveryCodes: string[] }>> {
  const link = await enrolmentByToken(db, input.token, now);
  if (!link.ok) return refused(`link_${link.reason}`);
  // The same strength check as customers' passwords (staff accounts are the more powerful ones).
  if (passwordProblem(input.password, [link.email, link.name])) return refused('passwordTooWeak');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [enrolment] = await tx.select().from(staffEnrolments).where(eq(staffEnrolments.id, link.enrolmentId)).for('update');
    if (!enrolment || enrolment.usedAt) return refused('link_used');
    if (enrolment.expiresAt.getTime() <= now.getTime()) return refused('link_expired');
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, enrolment.staffUserId)).for('update');
    if (!user?.totpPendingSecret) return refused('wrong');
    const step = verifyTotp(openSecret(user.totpPendingSecret), input.code, now, null);
    if (step === null) return refused('wrong');
    await tx
      .update(staffUsers)
      .set({ passwordHash, totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step })
      .where(eq(staffUsers.id, user.id));
    await tx
      .update(staffEnrolments)
      .set({ usedAt: now })
      .where(and(eq(staffEnrolments.id, enrolment.id), isNull(staffEnrolments.usedAt)));
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id, now);
    await endAllSessions(tx, { kind: 'staff', id: user.id }, 'password_changed', now);
    await recordAuthEvent(
      tx,
      { kind: 'staff', id: user.id },
      'auth.totp_enrolled',
      { via: 'link', enrolmentId: enrolment.id, passwordSet: true, recoveryCodes: recoveryCodes.length },
      now,
    );
    return { ok: true, staffUserId: user.id, recoveryCodes };
  });
}
