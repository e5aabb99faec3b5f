// What a customer is shown before a change, and what is kept of it: pure types, no server
// imports, so client components may import them (through lib/contracts/types.ts).
import type { OptionAttributes } from '@/db/schema/contracts';
import type { EarlyTerminationBreakdown, FeeLine, Quote, Speed } from '@/lib/rules';

export type { FeeLine, OptionAttributes };

/** The fees of a new contract or an added option (R-FEES, R-MIN-TERM): lines with tax, totals with tax. */
export type OrderPreview = Quote;

/** What a change request changes the option to, as attributes: never read back out of a display string. */
export type ChangeTarget = { speed: Speed } | { sessions: number };

export interface ChangePreview {
  type: 'change_speed' | 'change_item';
  from: string;
  to: string;
  /** R-FEES: the monthly fee before and after, each with its tax. */
  monthlyBeforeYen: number;
  taxOnMonthlyBeforeYen: number;
  monthlyAfterYen: number;
  taxOnMonthlyAfterYen: number;
  oneTimeYen: number;
  taxOnOneTimeYen: number;
}

export interface EndingOption {
  optionId: string;
  code: string;
  kind: string;
  attributes: OptionAttributes;
  billingStartDate: string | null;
  /** The option's last day under this notice (one already ending earlier keeps its own). */
  endsOn?: string;
  minimumTermLastDay: string | null;
  monthlyFeeYen: number;
  /** R-ETF with its arithmetic; null when the option has no minimum period or has not started billing. */
  earlyTermination: EarlyTerminationBreakdown | null;
}

export interface CancellationPreview {
  /** The date the notice reaches the company (today in Japan). */
  noticeDate: string;
  /** Arrival + 30 days: the earliest effective date. */
  earliestDate: string;
  requestedDate: string | null;
  effectiveDate: string;
  latestRequestableDate: string;
  /** The last day the notice may be withdrawn (absent on notices sent before it was kept). */
  withdrawableUntil?: string;
  ending: EndingOption[];
  totalEarlyTerminationYen: number;
  taxOnEarlyTerminationYen: number;
}

/** `applications.payload`: the options applied for and the fees the customer was shown. */
export interface ApplicationPayload {
  optionIds: string[];
  fees: OrderPreview;
}

/** `change_requests.payload`: what the customer was shown, and the target as attributes. */
export type ChangePayload = ChangePreview & { target: ChangeTarget };

/** `cancellation_notices.summary`: what the customer saw and confirmed. */
export type CancellationSummary = CancellationPreview;
