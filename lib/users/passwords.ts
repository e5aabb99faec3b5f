// Passwords of customer users: a change on the account page (the current password first; the
// user's other sessions end), and a reset by e-mail from the sign-in page (one answer whether the
// address is a user or not; a one-time link valid 1 hour, kept hashed; throttled; using it ends
// every session of the user). Staff passwords are never reset this way.
import { and, count, eq, gt, isNull, like, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customers, customerUsers, loginAttempts, passwordResets } from '@/db/schema';
import { recordAudit, recordCustomerAction } from '@/lib/audit';
import type { CustomerActor } from '@/lib/auth/access';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblem, type PasswordProblem } from '@/lib/auth/password-strength';
import { endAllSessions, endOtherSessions } from '@/lib/auth/sessions';
import { normaliseEmail } from '@/lib/auth/sign-in';
import { enqueueNotification } from '@/lib/notify/outbox';
import { notFound, refused, type Result } from '@/lib/result';
import { hashOneTimeToken, newOneTimeToken, PASSWORD_RESET_LIFETIME_MS, portalUrl } from './tokens';

export const RESET_THROTTLE_WINDOW_MS = 60 * 60 * 1000;
/** Reset requests for one address per hour (whether or not it is a user's, so the limit tells nothing). */
export const MAX_RESETS_PER_ADDRESS = 3;
/** Reset requests from one client address per hour (an office NAT shares one). */
export const MAX_RESETS_PER_IP = 20;
/**
 * Reset requests are counted in login_attempts under this prefix (no table of their own is needed):
 * marked as succeeded, so they never count towards the sign-in failure limits.
 */
const RESET_PREFIX = 'password-reset:';

async function notifyPasswordChanged(tx: DbOrTx, user: typeof customerUsers.$inferSelect, how: 'change' | 'reset', now: Date) {
  await enqueueNotification(
    tx,
    {
      customerId: user.customerId,
      category: 'security',
      type: 'user.password_changed',
      facts: { name: user.name, how, at: now.toISOString() },
      to: [{ kind: 'user', customerUserId: user.id }],
    },
    now,
  );
}

export interface ChangePasswordInput {
  currentPassword: string;
  password: string;
  passwordConfirm: string;
}

export type PasswordRefusal = 'not_during_support' | 'wrong_password' | PasswordProblem;

/** Changes the actor's own password; every other session of theirs ends, `keepSessionId` (this one) stays. */
export async function changePassword(
  db: Db,
  actor: CustomerActor,
  input: ChangePasswordInput,
  ctx: { now: Date; keepSessionId: string | null },
): Promise<Result<{ id: string }>> {
  if (actor.impersonation) return refused('not_during_support');
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(customerUsers)
      .where(and(eq(customerUsers.id, actor.userId), eq(customerUsers.customerId, actor.customerId)))
      .for('update');
    if (!user || user.deactivatedAt) return notFound;
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return refused('wrong_password');
    if (input.password !== input.passwordConfirm) return refused('passwordMismatch');
    const problem = passwordProblem(input.password, [user.email, user.name]);
    if (problem) return refused(problem);
    await tx.update(customerUsers).set({ passwordHash: await hashPassword(input.password), passwordChangedAt: ctx.now }).where(eq(customerUsers.id, user.id));
    const ended = await endOtherSessions(tx, { kind: 'customer', id: user.id }, ctx.keepSessionId, 'password_changed', ctx.now);
    await recordCustomerAction(tx, actor, 'account.password_change', { type: 'customer_user', id: user.id }, { sessionsEnded: ended }, ctx.now);
    await notifyPasswordChanged(tx, user, 'change', ctx.now);
    return { ok: true, id: user.id };
  });
}

/**
 * "Forgot your password?": always the same answer (ok) for a well-formed address, whether it is a
 * user's or not; only an active customer user gets a link. `throttled` when the address or the
 * client asked too often (counted for every address alike, so it tells nothing either).
 */
export async function requestPasswordReset(db: Db, input: { email: string; ip: string }, now: Date = new Date()): Promise<Result<object>> {
  const email = normaliseEmail(input.email);
  const key = `${RESET_PREFIX}${email}`;
  const since = new Date(now.getTime() - RESET_THROTTLE_WINDOW_MS);
  return db.transaction(async (tx) => {
    // Requests for one address are judged one at a time, so a burst cannot outrun the limit.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
    const [byAddress] = await tx
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, key), gt(loginAttempts.at, since)));
    const [byClient] = await tx
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, input.ip), like(loginAttempts.email, `${RESET_PREFIX}%`), gt(loginAttempts.at, since)));
    if ((byAddress?.n ?? 0) >= MAX_RESETS_PER_ADDRESS || (byClient?.n ?? 0) >= MAX_RESETS_PER_IP) return refused('throttled');
    await tx.insert(loginAttempts).values({ email: key, ip: input.ip, succeeded: true, at: now });

    const [found] = await tx
      .select({ user: customerUsers })
      .from(customerUsers)
      .innerJoin(customers, eq(customers.id, customerUsers.customerId))
      .where(and(eq(customerUsers.email, email), isNull(customerUsers.deactivatedAt), isNull(customers.deactivatedAt)));
    // No hashing on either path (a link is random bytes and a hash of them), so the time taken does
    // not tell whether the address belongs to a user.
    if (!found) return { ok: true };
    const { user } = found;
    const token = newOneTimeToken();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
    const [reset] = await tx
      .insert(passwordResets)
      .values({ customerUserId: user.id, tokenHash: hashOneTimeToken(token), expiresAt, createdAt: now })
      .returning({ id: passwordResets.id });
    await enqueueNotification(
      tx,
      {
        customerId: user.customerId,
        category: 'security',
        type: 'user.password_reset_requested',
        facts: { name: user.name, expiresAt: expiresAt.toISOString() },
        link: portalUrl(`/reset-password/${token}`),
        to: [{ kind: 'email', email: user.email, locale: user.locale === 'en' ? 'en' : 'ja' }],
      },
      now,
    );
    await recordAudit(tx, {
      actor: { type: 'system' },
      action: 'account.password_reset_request',
      customerId: user.customerId,
      target: { type: 'customer_user', id: user.id },
      detail: { resetId: reset!.id, ip: input.ip },
      at: now,
    });
    return { ok: true };
  });
}

export type ResetLinkStatus = 'open' | 'expired' | 'used' | 'invalid';

async function resetOfToken(db: DbOrTx, token: string, lock: boolean) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const query = db
    .select({ reset: passwordResets, user: customerUsers, customerDeactivatedAt: customers.deactivatedAt })
    .from(passwordResets)
    .innerJoin(customerUsers, eq(customerUsers.id, passwordResets.customerUserId))
    .innerJoin(customers, eq(customers.id, customerUsers.customerId))
    .where(eq(passwordResets.tokenHash, hashOneTimeToken(token)));
  const [row] = lock ? await query.for('update', { of: passwordResets }) : await query;
  return row ?? null;
}

function resetStatus(row: NonNullable<Awaited<ReturnType<typeof resetOfToken>>> | null, now: Date): ResetLinkStatus {
  if (!row || row.user.deactivatedAt || row.customerDeactivatedAt) return 'invalid';
  if (row.reset.usedAt) return 'used';
  if (row.reset.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** What the reset page shows before the form: whether its link can still be used. */
export async function resetLinkStatus(db: DbOrTx, token: string, now: Date = new Date()): Promise<ResetLinkStatus> {
  return resetStatus(await resetOfToken(db, token, false), now);
}

/** Sets a new password from a reset link: used once, within the hour; every session of the user ends. */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string; passwordConfirm: string },
  now: Date = new Date(),
): Promise<Result<{ email: string }>> {
  return db.transaction(async (tx) => {
    const row = await resetOfToken(tx, input.token, true);
    const status = resetStatus(row, now);
    if (!row || status !== 'open') return refused(`link_${status}`);
    if (input.password !== input.passwordConfirm) return refused('passwordMismatch');
    const problem = passwordProblem(input.password, [row.user.email, row.user.name]);
    if (problem) return refused(problem);
    await tx.update(customerUsers).set({ passwordHash: await hashPassword(input.password), passwordChangedAt: now }).where(eq(customerUsers.id, row.user.id));
    // This link and any other still open for the user stop working.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.customerUserId, row.user.id), isNull(passwordResets.usedAt)));
    const ended = await endAllSessions(tx, { kind: 'customer', id: row.user.id }, 'password_changed', now);
    await recordAudit(tx, {
      actor: { type: 'customer_user', id: row.user.id, customerId: row.user.customerId },
      action: 'account.password_reset',
      target: { type: 'customer_user', id: row.user.id },
      detail: { resetId: row.reset.id, sessionsEnded: ended },
      at: now,
    });
    await notifyPasswordChanged(tx, row.user, 'reset', now);
    return { ok: true, email: row.user.email };
  });
}
