// The only charges writer. A charge is a fee owed outside the monthly fee (R-FEES, R-ETF); when
// each becomes owed is lib/rules' decision (feesOwedOn*), this only records it. One row per
// source and kind: recording the same fee twice records it once.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { charges } from '@/db/schema';
import type { ChargeKind } from '@/lib/rules';

export interface NewCharge {
  customerId: string;
  contractId: string;
  optionId: string | null;
  kind: ChargeKind;
  amountYen: number;
  owedOn: string;
  /** What made it owed: 'application', 'change_request', 'cancellation', 'pbb_end'. */
  sourceType: 'application' | 'change_request' | 'cancellation' | 'pbb_end';
  /** The source row, and the option where one source owes several (`<id>:<optionId>`). */
  sourceId: string;
  /** The operator who decided; absent for the portal's own jobs. */
  createdBy?: string | null;
}

export async function recordCharges(tx: DbOrTx, rows: NewCharge[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(charges)
    .values(rows.map((r) => ({ ...r, createdBy: r.createdBy ?? null })))
    .onConflictDoNothing();
}

/** The options among `optionIds` already charged an early termination (by any source): never charged twice. */
export async function optionsWithEarlyTermination(tx: DbOrTx, customerId: string, optionIds: string[]): Promise<Set<string>> {
  if (optionIds.length === 0) return new Set();
  const rows = await tx
    .select({ optionId: charges.optionId })
    .from(charges)
    .where(and(eq(charges.customerId, customerId), eq(charges.kind, 'early_termination'), inArray(charges.optionId, optionIds)));
  return new Set(rows.flatMap((r) => (r.optionId ? [r.optionId] : [])));
}
