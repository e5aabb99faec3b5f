// An optional second factor (TOTP) for customer users, on their account page; required for
// everyone of a company whose admin turned "require a second factor" on. Set up with a code from the
// app (proving it holds the secret); removed with the current password. Never during support access.
//
// customer_users has no column for a secret on offer (staff have totp_pending_secret): the set-up
// form carries the secret it shows, and the confirming code proves the user's app holds exactly it.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db, DbOrTx } from '@/db/client';
import { customers, customerUsers } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import type { CustomerActor } from '@/lib/auth/access';
import { verifyPassword } from '@/lib/auth/password';
import { sealSecret } from '@/lib/auth/secret-box';
import { newTotpSecret, totpUri, verifyTotp } from '@/lib/auth/totp';
import { enqueueNotification } from '@/lib/notify/outbox';
import { notFound, refused, type Result } from '@/lib/result';

/** A new secret to add to an authenticator app: as text, as an otpauth:// link and as a QR code (SVG). */
export async function totpOffer(email: string): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = newTotpSecret();
  const uri = totpUri(email, secret);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

export type SecondFactorRefusal = 'not_during_support' | 'already_on' | 'not_on' | 'wrong_code' | 'wrong_password' | 'required_by_company';

async function lockOwnRow(tx: DbOrTx, actor: CustomerActor) {
  const [row] = await tx
    .select()
    .from(customerUsers)
    .where(and(eq(customerUsers.id, actor.userId), eq(customerUsers.customerId, actor.customerId), isNull(customerUsers.deactivatedAt)))
    .for('update');
  return row ?? null;
}

async function notifySecondFactor(tx: DbOrTx, user: typeof customerUsers.$inferSelect, on: boolean, now: Date) {
  await enqueueNotification(
    tx,
    {
      customerId: user.customerId,
      category: 'security',
      type: on ? 'user.second_factor_enabled' : 'user.second_factor_removed',
      facts: { name: user.name, at: now.toISOString() },
      to: [{ kind: 'user', customerUserId: user.id }],
    },
    now,
  );
}

/** Turns the second factor on with the secret shown and a current code from the app. */
export async function enableSecondFactor(db: Db, actor: CustomerActor, input: { secret: string; code: string }, now: Date = new Date()): Promise<Result<{ id: string }>> {
  if (actor.impersonation) return refused('not_during_support');
  return db.transaction(async (tx) => {
    const user = await lockOwnRow(tx, actor);
    if (!user) return notFound;
    if (user.totpSecret) return refused('already_on');
    const step = verifyTotp(input.secret, input.code, now, null);
    if (step === null) return refused('wrong_code');
    await tx.update(customerUsers).set({ totpSecret: sealSecret(input.secret), totpLastStep: step }).where(eq(customerUsers.id, user.id));
    await recordCustomerAction(tx, actor, 'account.second_factor_enable', { type: 'customer_user', id: user.id }, {}, now);
    await notifySecondFactor(tx, user, true, now);
    return { ok: true, id: user.id };
  });
}

/** Turns the second factor off: the current password is required, and not while the company requires one. */
export async function removeSecondFactor(db: Db, actor: CustomerActor, input: { password: string }, now: Date = new Date()): Promise<Result<{ id: string }>> {
  if (actor.impersonation) return refused('not_during_support');
  return db.transaction(async (tx) => {
    const user = await lockOwnRow(tx, actor);
    if (!user) return notFound;
    if (!user.totpSecret) return refused('not_on');
    if (!(await verifyPassword(user.passwordHash, input.password))) return refused('wrong_password');
    const [customer] = await tx.select({ required: customers.requireSecondFactor }).from(customers).where(eq(customers.id, actor.customerId));
    if (customer?.required) return refused('required_by_company');
    await tx
      .update(customerUsers)
      .set({ totpSecret: null, totpLastStep: null })
      .where(and(eq(customerUsers.id, user.id), isNotNull(customerUsers.totpSecret)));
    await recordCustomerAction(tx, actor, 'account.second_factor_remove', { type: 'customer_user', id: user.id }, {}, now);
    await notifySecondFactor(tx, user, false, now);
    return { ok: true, id: user.id };
  });
}
