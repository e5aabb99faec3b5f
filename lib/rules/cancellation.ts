// The cancellation plan (Art. 4.6 ¶2, Art. 6.1, Art. 8): every date and charge a customer sees
// before sending a notice, the one definition of "an option already ending earlier keeps its
// day", the withdrawal deadline, and the end dates once a notice is withdrawn.
import { addDays, assertCalendarDate, cancellationEffectiveDate, latestRequestableDate, noticeArrivalDate, thirtyDaysAfterArrival } from './dates';
import { earlyTerminationFeeBreakdown, minimumTermLastDay, type EarlyTerminationBreakdown } from './fees';
import { consumptionTaxYen } from './money';
import { chargeFreeEndDate } from './statement';
import type { OptionKind } from './types';

/** A requested date the portal refuses: before the notice's arrival, or more than 365 days after it. */
export type RequestedDateRefusal = 'date_in_past' | 'date_too_far';

export interface RequestedDateBounds {
  /** The date the notice reaches the company (Japan time). */
  noticeDate: string;
  /** Arrival + 30 days: the earliest effective date (R-EFFECTIVE-DATE (a)). */
  earliestDate: string;
  /** The latest date a customer may name (MAX_REQUESTED_DAYS_AHEAD). */
  latestRequestableDate: string;
}

export function requestedDateBounds(receivedAt: Date): RequestedDateBounds {
  return {
    noticeDate: noticeArrivalDate(receivedAt),
    earliestDate: thirtyDaysAfterArrival(receivedAt),
    latestRequestableDate: latestRequestableDate(receivedAt),
  };
}

/** Why a requested date is refused, or null: a date between arrival + 30 days and the notice date is moved up, not refused. */
export function requestedDateRefusal(receivedAt: Date, requestedDate: string | null | undefined): RequestedDateRefusal | null {
  if (requestedDate === null || requestedDate === undefined) return null;
  assertCalendarDate('requestedDate', requestedDate);
  const bounds = requestedDateBounds(receivedAt);
  if (requestedDate < bounds.noticeDate) return 'date_in_past';
  if (requestedDate > bounds.latestRequestableDate) return 'date_too_far';
  return null;
}

/**
 * The one definition: an option whose own last day is on or before `endsOn` keeps that day
 * (and the notice or event that set it); every other option ends on `endsOn`.
 */
export function keepsOwnLastDay(ownEndsOn: string | null | undefined, endsOn: string): boolean {
  return ownEndsOn !== null && ownEndsOn !== undefined && ownEndsOn <= endsOn;
}

/** The last day of an option when its contract ends on `endsOn`: the earlier of the two. */
export function optionLastDay(ownEndsOn: string | null | undefined, endsOn: string): string {
  return keepsOwnLastDay(ownEndsOn, endsOn) ? (ownEndsOn as string) : endsOn;
}

/** An option as the cancellation plan sees it. */
export interface PlanOption {
  id: string;
  kind: OptionKind;
  billingStartDate?: string | null;
  endsOn?: string | null;
  /** Tax-excluded monthly fee at the prices in force (for R-ETF). */
  monthlyFeeYen: number;
  /** A `napt`'s public cloud port (I-2): cancelling the port ends it too. */
  portId?: string | null;
}

export interface PlannedEnding {
  optionId: string;
  /** The option's last day under this plan. */
  endsOn: string;
  /** True when the option already ends on or before the plan's date and keeps its own day. */
  keepsOwnDay: boolean;
  /** True when that own day is strictly before the plan's date (a NAPT then ends before its port, not with it). */
  endsEarlier: boolean;
  minimumTermLastDay: string | null;
  /** R-ETF with its arithmetic; null when the option has no minimum period or has not started billing. */
  earlyTermination: EarlyTerminationBreakdown | null;
  /** True for a NAPT that ends because its port ends (R-NAPT-PER-PORT): never judged on its own, owes nothing. */
  withPort: boolean;
}

export interface CancellationPlan extends RequestedDateBounds {
  requestedDate: string | null;
  /** R-EFFECTIVE-DATE: the last day of service. */
  effectiveDate: string;
  /** The requested date's refusal, if any: nothing may be written then. */
  refusal: RequestedDateRefusal | null;
  ending: PlannedEnding[];
  totalEarlyTerminationYen: number;
  taxOnEarlyTerminationYen: number;
  /** The last day on which the notice may be withdrawn (the day before the effective date). */
  withdrawableUntil: string;
  /**
   * The cheapest end date, when a later date than the effective date would owe less early
   * termination charge (and may still be requested): that date, what would still be owed then (an
   * option keeping its own earlier day keeps its charge) and the difference. Null otherwise.
   */
  cheapest: { date: string; totalEarlyTerminationYen: number; savesYen: number } | null;
}

/** One option's ending on `endsOn`, with its minimum use period and R-ETF. */
export function plannedEnding(option: PlanOption, endsOn: string): PlannedEnding {
  const keeps = keepsOwnLastDay(option.endsOn, endsOn);
  const lastDay = keeps ? (option.endsOn as string) : endsOn;
  const start = option.billingStartDate ?? null;
  const minimum = start ? minimumTermLastDay(option.kind, start) : null;
  const earlyTermination =
    start && minimum
      ? earlyTerminationFeeBreakdown({ kind: option.kind, monthlyFeeYen: option.monthlyFeeYen, billingStartDate: start, terminationDate: lastDay })
      : null;
  return {
    optionId: option.id,
    endsOn: lastDay,
    keepsOwnDay: keeps,
    endsEarlier: keeps && lastDay < endsOn,
    minimumTermLastDay: minimum,
    earlyTermination,
    withPort: false,
  };
}

/**
 * The plan of a cancellation notice received at `receivedAt`: of one option (`scope: 'option'`:
 * the option `targetId`, or the first of `options`, whose own day is replaced — R-ALREADY-ENDING
 * refuses a second notice — followed by every NAPT of `options` assigned to it, which end with
 * their port on the same day, or keep an earlier day of their own, at no charge; other options
 * are not part of it) or of the whole contract (`scope: 'contract'`: every option held ends on
 * the effective date, except one already ending earlier, which keeps its day). ETF totals are
 * the sum of the lines; tax on the total.
 */
export function cancellationPlan(input: {
  receivedAt: Date;
  requestedDate?: string | null;
  scope: 'option' | 'contract';
  options: PlanOption[];
  targetId?: string;
}): CancellationPlan {
  const plan = planOn(input);
  if (plan.totalEarlyTerminationYen === 0 || plan.refusal) return { ...plan, cheapest: null };
  // The options whose last day moves with the notice's date: only their charge can fall.
  const byId = new Map(input.options.map((o) => [o.id, o] as const));
  const moving = plan.ending.flatMap((e) => {
    const option = byId.get(e.optionId);
    return option && !e.keepsOwnDay && !e.withPort ? [{ kind: option.kind, ...(option.billingStartDate ? { billingStartDate: option.billingStartDate } : {}) }] : [];
  });
  const date = chargeFreeEndDate(input.receivedAt, moving);
  if (date <= plan.effectiveDate || date > plan.latestRequestableDate) return { ...plan, cheapest: null };
  const then = planOn({ ...input, requestedDate: date }).totalEarlyTerminationYen;
  return then < plan.totalEarlyTerminationYen
    ? { ...plan, cheapest: { date, totalEarlyTerminationYen: then, savesYen: plan.totalEarlyTerminationYen - then } }
    : { ...plan, cheapest: null };
}

function planOn(input: {
  receivedAt: Date;
  requestedDate?: string | null;
  scope: 'option' | 'contract';
  options: PlanOption[];
  targetId?: string;
}): Omit<CancellationPlan, 'cheapest'> {
  const bounds = requestedDateBounds(input.receivedAt);
  const requestedDate = input.requestedDate ?? null;
  const effectiveDate = cancellationEffectiveDate(input.receivedAt, requestedDate ?? undefined);
  const target = input.targetId === undefined ? input.options[0] : input.options.find((o) => o.id === input.targetId);
  const ending =
    input.scope === 'contract'
      ? input.options.map((o) => plannedEnding(o, effectiveDate))
      : target
        ? [
            plannedEnding({ ...target, endsOn: null }, effectiveDate),
            ...input.options
              .filter((o) => o !== target && o.kind === 'napt' && typeof o.portId === 'string' && o.portId === target.id)
              .map((o) => ({ ...plannedEnding(o, effectiveDate), earlyTermination: null, withPort: true })),
          ]
        : [];
  const total = ending.reduce((sum, e) => sum + (e.earlyTermination?.totalYen ?? 0), 0);
  return {
    ...bounds,
    requestedDate,
    effectiveDate,
    refusal: requestedDateRefusal(input.receivedAt, requestedDate),
    ending,
    totalEarlyTerminationYen: total,
    taxOnEarlyTerminationYen: consumptionTaxYen(total),
    withdrawableUntil: lastWithdrawalDate(effectiveDate),
  };
}

/** A notice may be withdrawn up to the day before its effective date (the effective date is the last day of service). */
export function lastWithdrawalDate(effectiveDate: string): string {
  return addDays(assertCalendarDate('effectiveDate', effectiveDate), -1);
}

/** Whether the date alone still allows withdrawing a notice today (what a screen checks before offering the button). */
export function isWithdrawableOn(today: string, effectiveDate: string): boolean {
  return assertCalendarDate('today', today) <= lastWithdrawalDate(effectiveDate);
}

/** What a cancellation notice is on `today`: still pending, or in effect once its last day of service has passed. */
export function noticeStatusOn<S extends string>(notice: { status: S; effectiveDate: string }, today: string): S | 'effective' {
  return notice.status === 'pending' && assertCalendarDate('effectiveDate', notice.effectiveDate) < assertCalendarDate('today', today)
    ? 'effective'
    : notice.status;
}

export type WithdrawalRefusal = 'not_pending' | 'past_deadline' | 'pbb_ended';

/**
 * Whether a cancellation notice may be withdrawn today. Once the customer's last
 * designated-service contract has ended, the Smart HUB contract ends with it (R-PBB-ENDS):
 * withdrawing a notice cannot keep it running, so it is refused.
 */
export function noticeWithdrawal(input: {
  today: string;
  status: 'pending' | 'withdrawn' | 'effective';
  effectiveDate: string;
  activePbbContracts: number;
}): { ok: true } | { ok: false; reason: WithdrawalRefusal } {
  if (input.status !== 'pending') return { ok: false, reason: 'not_pending' };
  if (!isWithdrawableOn(input.today, input.effectiveDate)) return { ok: false, reason: 'past_deadline' };
  if (input.activePbbContracts === 0) return { ok: false, reason: 'pbb_ended' };
  return { ok: true };
}

/** A pending notice: of one option, or of the contract (optionId null). */
export interface PendingNotice {
  optionId: string | null;
  effectiveDate: string;
}

export interface EndDatesAfterWithdrawal {
  /** The contract's last day afterwards (null: no scheduled end); unchanged unless the withdrawn notice was the contract's. */
  contractEndsOn: string | null | 'unchanged';
  /** Each option whose last day the withdrawn notice set, with its last day afterwards. */
  options: { optionId: string; endsOn: string | null }[];
}

/**
 * The end dates once `withdrawn` is withdrawn: each option it set ends again on the earliest of
 * its own pending notice and the contract's pending notice (`pending`: the notices still
 * pending, the withdrawn one left out), or has no scheduled end. A port's notice also set the
 * last day of the NAPT assigned to it (`portId`), so they get theirs back the same way; and no
 * NAPT it touches ends after its port (R-NAPT-PER-PORT). Cancelling then withdrawing gives back
 * the dates before the cancellation.
 */
export function endDatesAfterWithdrawal(input: {
  withdrawn: PendingNotice;
  pending: PendingNotice[];
  options: { id: string; endsOn: string | null; portId?: string | null }[];
}): EndDatesAfterWithdrawal {
  const { withdrawn } = input;
  const contractNotice = input.pending.find((n) => n.optionId === null);
  const own = new Map<string, string>();
  for (const n of input.pending) {
    if (n.optionId === null) continue;
    const seen = own.get(n.optionId);
    if (seen === undefined || n.effectiveDate < seen) own.set(n.optionId, n.effectiveDate);
  }
  const affected = input.options.filter((o) =>
    withdrawn.optionId === null
      ? o.endsOn === withdrawn.effectiveDate
      : o.id === withdrawn.optionId || (typeof o.portId === 'string' && o.portId === withdrawn.optionId),
  );
  const restored = new Map(
    affected.map((o) => {
      const dates = [own.get(o.id), contractNotice?.effectiveDate].filter((d): d is string => d !== undefined).sort();
      return [o.id, dates[0] ?? null] as const;
    }),
  );
  const endsOnAfter = (id: string): string | null | undefined => (restored.has(id) ? restored.get(id) : input.options.find((o) => o.id === id)?.endsOn);
  return {
    contractEndsOn: withdrawn.optionId === null ? (contractNotice?.effectiveDate ?? null) : 'unchanged',
    options: affected.map((o) => {
      const endsOn = restored.get(o.id) ?? null;
      const portEndsOn = typeof o.portId === 'string' ? endsOnAfter(o.portId) : null;
      return { optionId: o.id, endsOn: portEndsOn ? optionLastDay(endsOn ?? portEndsOn, portEndsOn) : endsOn };
    }),
  };
}

/**
 * The end dates if every notice in `withdrawing` were withdrawn, one after another as
 * endDatesAfterWithdrawal takes them (`pending`: every pending notice of the contract, those being
 * withdrawn included): what the pending cancellations move on a statement. An end date no notice
 * set (a designated-service contract's end, R-PBB-ENDS) stays.
 */
export function endDatesIfWithdrawn(input: {
  withdrawing: readonly PendingNotice[];
  pending: readonly PendingNotice[];
  contractEndsOn: string | null;
  options: readonly { id: string; endsOn: string | null; portId?: string | null }[];
}): { contractEndsOn: string | null; optionEndsOn: Map<string, string | null> } {
  let pending = [...input.pending];
  let contractEndsOn = input.contractEndsOn;
  const options = input.options.map((o) => ({ ...o }));
  for (const withdrawn of input.withdrawing) {
    pending = pending.filter((n) => n !== withdrawn);
    const after = endDatesAfterWithdrawal({ withdrawn, pending, options });
    if (after.contractEndsOn !== 'unchanged') contractEndsOn = after.contractEndsOn;
    for (const changed of after.options) {
      const option = options.find((o) => o.id === changed.optionId);
      if (option) option.endsOn = changed.endsOn;
    }
  }
  return { contractEndsOn, optionEndsOn: new Map(options.map((o) => [o.id, o.endsOn] as const)) };
}
