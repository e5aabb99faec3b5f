// Second factor for staff: enrolled on first sign-in, required on every later one.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { staffUsers } from '@/db/schema';
import { recordAuthEvent } from '@/lib/audit';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

/** The secret to add to an authenticator app; the same one until it is confirmed. */
export async function beginEnrolment(db: Db, staffUserId: string): Promise<{ secret: string; uri: string } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).for('update');
    if (!row || row.totpSecret) return null;
    let secret = row.totpPendingSecret;
    if (!secret) {
      secret = newTotpSecret();
      await tx.update(staffUsers).set({ totpPendingSecret: secret }).where(eq(staffUsers.id, row.id));
    }
    return { secret, uri: totpUri(row.email, secret) };
  });
}

/** Proves the app holds the secret with one code; from then on every sign-in needs a code. */
export async function confirmEnrolment(db: Db, staffUserId: string, code: string, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).for('update');
    if (!row?.totpPendingSecret || row.totpSecret) return false;
    const step = verifyTotp(row.totpPendingSecret, code, now, null);
    if (step === null) return false;
    await tx
      .update(staffUsers)
      .set({ totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpLastStep: step })
      .where(and(eq(staffUsers.id, row.id), isNull(staffUsers.totpSecret)));
    await recordAuthEvent(tx, { kind: 'staff', id: row.id }, 'auth.totp_enrolled', undefined, now);
    return true;
  });
}
