// Authenticator secrets written before they were sealed (lib/auth/secret-box.ts): the demo's
// earlier seed and any row enrolled before issue 14. Sealed in place at every server start (and
// by the test helpers); a row already sealed is left alone, so running it again changes nothing
// and several instances starting at once are harmless (each row is updated only while still plain).
import { and, eq, isNotNull, notLike } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customerUsers, staffUsers } from '@/db/schema';
import { sealSecret } from './secret-box';

/** Seals every plain authenticator secret; returns how many values were sealed. */
export async function sealPlainTotpSecrets(db: Db): Promise<number> {
  let sealed = 0;
  const staff = await db
    .select({ id: staffUsers.id, secret: staffUsers.totpSecret })
    .from(staffUsers)
    .where(and(isNotNull(staffUsers.totpSecret), notLike(staffUsers.totpSecret, 'v1:%')));
  for (const row of staff) {
    if (!row.secret) continue;
    const done = await db
      .update(staffUsers)
      .set({ totpSecret: sealSecret(row.secret) })
      .where(and(eq(staffUsers.id, row.id), eq(staffUsers.totpSecret, row.secret)))
      .returning({ id: staffUsers.id });
    sealed += done.length;
  }
  const pending = await db
    .select({ id: staffUsers.id, secret: staffUsers.totpPendingSecret })
    .from(staffUsers)
    .where(and(isNotNull(staffUsers.totpPendingSecret), notLike(staffUsers.totpPendingSecret, 'v1:%')));
  for (const row of pending) {
    if (!row.secret) continue;
    const done = await db
      .update(staffUsers)
      .set({ totpPendingSecret: sealSecret(row.secret) })
      .where(and(eq(staffUsers.id, row.id), eq(staffUsers.totpPendingSecret, row.secret)))
      .returning({ id: staffUsers.id });
    sealed += done.length;
  }
  const customers = await db
    .select({ id: customerUsers.id, secret: customerUsers.totpSecret })
    .from(customerUsers)
    .where(and(isNotNull(customerUsers.totpSecret), notLike(customerUsers.totpSecret, 'v1:%')));
  for (const row of customers) {
    if (!row.secret) continue;
    const done = await db
      .update(customerUsers)
      .set({ totpSecret: sealSecret(row.secret) })
      .where(and(eq(customerUsers.id, row.id), eq(customerUsers.totpSecret, row.secret)))
      .returning({ id: customerUsers.id });
    sealed += done.length;
  }
  return sealed;
}
