// Checks of stored data against rules that arrived after the data: reported, never repaired
// silently. Run at startup (lib/startup.ts).
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { options } from '@/db/schema';

/**
 * NAPT add-ons that are not assigned to a port (I-2): the 0006 migration found no public cloud
 * port on their contract. An operator must cancel or reassign them; until then each start logs them.
 */
export async function unplacedNapt(db: DbOrTx): Promise<{ id: string; code: string; contractId: string }[]> {
  return db
    .select({ id: options.id, code: options.code, contractId: options.contractId })
    .from(options)
    .where(and(eq(options.kind, 'napt'), isNull(options.portId), ne(options.status, 'ended')))
    .orderBy(options.code);
}
