// What a customer is shown before a change, and what is kept of it: pure types, no server
// imports, so client components may import them (through lib/contracts/types.ts).
import type { OptionAttributes } from '@/db/schema/contracts';
import type { EarlyTerminationBreakdown, FeeLine, Quote, Speed } from '@/lib/rules';

export type { FeeLine, OptionAttributes };

/**
 * A running port whose NAPT session total a change moves across a threshold (lib/rules
 * naptInterruptions): it stops for about five minutes when the change is applied (§2, a notice).
 */
export interface PortInterruption {
  portId: string;
  portCode: string;
  speed: string;
  sessionsBefore: number;
  sessionsAfter: number;
}

/**
 * The fees of a new contract or an added option (R-FEES, R-MIN-TERM): lines with tax, totals
 * with tax, in the order of the application (a public port is followed by its NAPT add-ons);
 * and the running ports the change interrupts (absent on applications stored before NAPT per port).
 */
export type OrderPreview = Quote & { interruptions?: PortInterruption[] };

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
  /** A NAPT add-on that ends with its public cloud port (R-NAPT-PER-PORT): the port's code. Owes nothing. */
  endsWithPort?: string;
  /** With `endsWithPort`: the NAPT keeps its own last day, earlier than the port's (a notice of its own). */
  endsEarlier?: boolean;
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
  /**
   * The cheapest end date: a later date that owes less early termination charge, what would
   * still be owed then and the difference (absent when none, and on older notices).
   */
  cheapest?: { date: string; totalEarlyTerminationYen: number; savesYen: number };
  /** Running ports whose NAPT total this cancellation moves across a threshold (absent on older notices). */
  interruptions?: PortInterruption[];
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
