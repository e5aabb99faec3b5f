// The browser tests read one-time links (an invitation, a password reset) from the outbox, as a
// recipient would from their e-mail. Only a server started by scripts/e2e-server.mjs
// (SMARTHUB_E2E=1) answers; every other server answers 404, so no link ever leaves the database.
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { notificationEvents } from '@/db/schema';

export function e2eRoutesEnabled(): boolean {
  return process.env.SMARTHUB_E2E === '1';
}

/** The link of the latest outbox event of `type` addressed to `email`, or null. */
export async function latestOutboxLink(db: DbOrTx, type: string, email: string): Promise<string | null> {
  const [row] = await db
    .select({ link: notificationEvents.link })
    .from(notificationEvents)
    .where(
      and(
        eq(notificationEvents.type, type),
        isNotNull(notificationEvents.link),
        sql`${notificationEvents.recipients}::text LIKE ${`%"${email.toLowerCase().replace(/[%_\\"]/g, '')}"%`}`,
      ),
    )
    .orderBy(desc(notificationEvents.createdAt))
    .limit(1);
  return row?.link ?? null;
}
