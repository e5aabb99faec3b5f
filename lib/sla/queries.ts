// The SLA page of one contract (Art. 5, 9, App. 1): every outage with what it earns, as of now,
// from lib/rules (outageCredits, claimRefusal), and the claims already made.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { closedNetworks, creditClaims, outages, smarthubContracts } from '@/db/schema';
import { priceFor, pricesInForce } from '@/lib/billing/prices';
import { CREDIT_KINDS, capReductions, claimRefusal, japanDate, monthDays, outageCredits, type ClaimRefusal, type CreditKind, type OutageCredits } from '@/lib/rules';

export type ClaimRow = typeof creditClaims.$inferSelect;
export type OutageRow = typeof outages.$inferSelect;

export interface OutageCreditView {
  outage: OutageRow;
  /** The basic monthly fee in force on the day the outage started; null when the price list has none. */
  basicMonthlyFeeYen: number | null;
  credits: OutageCredits | null;
  /** Per kind: the claim made, and why a new claim would be refused (null: it may be claimed today). */
  kinds: Record<CreditKind, { claim: ClaimRow | null; refusal: ClaimRefusal | null }>;
}

/** The basic monthly fee of a customer's Smart HUB contract on one date (R-FEES price list). */
export async function basicMonthlyFeeOn(db: DbOrTx, customerId: string, on: string): Promise<number | null> {
  return priceFor(await pricesInForce(db, customerId, on), 'basic', '')?.monthlyYen ?? null;
}

/** What one outage earns and may still be claimed, as of `now`. */
export async function outageCreditView(
  db: DbOrTx,
  outage: OutageRow,
  claims: ClaimRow[],
  now: Date,
  feeOn: (date: string) => Promise<number | null> = (date) => basicMonthlyFeeOn(db, outage.customerId, date),
): Promise<OutageCreditView> {
  const fee = await feeOn(japanDate(outage.startedAt));
  const credits =
    fee === null
      ? null
      : outageCredits({
          startedAt: outage.startedAt,
          endedAt: outage.endedAt,
          detectedAt: outage.detectedAt,
          notifiedAt: outage.notifiedAt,
          excluded: outage.exclusionReason !== null,
          basicMonthlyFeeYen: fee,
          now,
        });
  const today = japanDate(now);
  const kinds = Object.fromEntries(
    CREDIT_KINDS.map((kind) => {
      const claim = claims.find((c) => c.outageId === outage.id && c.kind === kind) ?? null;
      const refusal = credits ? claimRefusal({ credits, kind, today, alreadyClaimed: claim !== null }) : { reason: 'nothing_to_claim' as const };
      return [kind, { claim, refusal }];
    }),
  ) as OutageCreditView['kinds'];
  return { outage, basicMonthlyFeeYen: fee, credits, kinds };
}

/** The SLA page of one contract of one customer, or null when the customer holds no such contract. */
export async function getSlaPage(db: DbOrTx, params: { contractId: string; customerId: string; now: Date }) {
  const { contractId, customerId } = params;
  const [row] = await db
    .select({ contract: smarthubContracts, network: closedNetworks })
    .from(smarthubContracts)
    .innerJoin(closedNetworks, eq(closedNetworks.id, smarthubContracts.closedNetworkId))
    .where(and(eq(smarthubContracts.id, contractId), eq(smarthubContracts.customerId, customerId)));
  if (!row) return null;
  const [outageRows, claims] = await Promise.all([
    db
      .select()
      .from(outages)
      .where(and(eq(outages.contractId, contractId), eq(outages.customerId, customerId)))
      .orderBy(desc(outages.startedAt))
      .limit(200),
    db
      .select()
      .from(creditClaims)
      .where(and(eq(creditClaims.contractId, contractId), eq(creditClaims.customerId, customerId)))
      .orderBy(asc(creditClaims.claimedAt)),
  ]);
  // One price-list read per distinct start date, not per outage.
  const fees = new Map<string, Promise<number | null>>();
  const feeOn = (date: string) => {
    if (!fees.has(date)) fees.set(date, basicMonthlyFeeOn(db, customerId, date));
    return fees.get(date)!;
  };
  const views = await Promise.all(outageRows.map((o) => outageCreditView(db, o, claims, params.now, feeOn)));
  return { ...row, outages: views, claims, monthCaps: await monthCaps(claims, feeOn) };
}

/** R-SLA-CAP on one billing month of one contract: what its approved claims come to, and what the cap applies and holds back. */
export interface MonthCap {
  claimedYen: number;
  appliedYen: number;
  cappedYen: number;
  /** The basic monthly fee in force on the month's first day (the cap); null when the price list has none. */
  basicMonthlyFeeYen: number | null;
}

/** The cap per billing month over a contract's approved claims, as the statement of that month applies it. */
async function monthCaps(claims: ClaimRow[], feeOn: (date: string) => Promise<number | null>): Promise<Record<string, MonthCap>> {
  const byMonth = new Map<string, number[]>();
  for (const c of claims) if (c.status === 'approved' && c.billingMonth) byMonth.set(c.billingMonth, [...(byMonth.get(c.billingMonth) ?? []), c.amountYen]);
  const entries = await Promise.all(
    [...byMonth].map(async ([month, reductionsYen]) => {
      const fee = await feeOn(monthDays(month).firstDay);
      const claimedYen = reductionsYen.reduce((a, b) => a + b, 0);
      const capped = fee === null ? { appliedYen: 0, cappedYen: claimedYen } : capReductions({ reductionsYen, basicMonthlyFeeYen: fee });
      return [month, { claimedYen, ...capped, basicMonthlyFeeYen: fee }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
