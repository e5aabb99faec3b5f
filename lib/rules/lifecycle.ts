// The life of a contract or option as dates decide it: its status on a day, when each fee
// becomes owed (R-FEES, R-ETF), when billing may start, and what a holder may still do.

import { assertCalendarDate } from './dates';

export type ServiceStatus = 'applied' | 'accepted' | 'active' | 'ended';
export type ShownStatus = ServiceStatus | 'ending';

/** What a customer sees on `today`: ended once the last day has passed, "ending on D" while one is scheduled. */
export function statusOn(row: { status: ServiceStatus; endsOn: string | null }, today: string): ShownStatus {
  if (row.status === 'ended' || (row.endsOn !== null && row.endsOn < today)) return 'ended';
  if (row.endsOn !== null) return 'ending';
  return row.status;
}

/** Whether an option or contract is still held on `today` (not ended, its last day not passed). */
export function isHeldOn(row: { status: ServiceStatus; endsOn: string | null }, today: string): boolean {
  return statusOn(row, today) !== 'ended';
}

/**
 * Whether a contract may be cancelled by notice: it is running (accepted or active), not already
 * ending, not ended. One only applied for is withdrawn instead.
 */
export function mayCancelContract(contract: { status: ServiceStatus; endsOn: string | null }, today: string): boolean {
  return isLiveOn(contract, today);
}

/**
 * Whether an option (or contract) is live on `today`: accepted or in service, with no
 * cancellation pending. Only a live option may be changed or cancelled by notice; a pending one
 * is withdrawn instead, and one already ending is withdrawn first (R-ALREADY-ENDING).
 */
export function isLiveOn(row: { status: ServiceStatus; endsOn: string | null }, today: string): boolean {
  const shown = statusOn(row, today);
  return shown === 'accepted' || shown === 'active';
}

export type ChargeKind = 'initial' | 'one_time' | 'early_termination';

/** A fee that becomes owed: `key` is the caller's name for its source line. */
export interface OwedFee<K extends string = string> {
  key: K;
  kind: ChargeKind;
  amountYen: number;
  owedOn: string;
}

/**
 * R-FEES: the initial fees become owed on the day an application is accepted, at the prices in
 * force that day; lines of 0 yen owe nothing. (The monthly fee is owed from the billing start
 * date, set on completion; it is not a charge row.)
 */
export function feesOwedOnAcceptance<K extends string>(acceptedOn: string, lines: { key: K; initialYen: number }[]): OwedFee<K>[] {
  return lines.filter((l) => l.initialYen > 0).map((l) => ({ key: l.key, kind: 'initial', amountYen: l.initialYen, owedOn: acceptedOn }));
}

/** R-FEES: an item change (Art. 4.5) owes the new item's one-time fee on acceptance; an M2 upgrade (Art. 4.4) owes none. */
export function feesOwedOnChangeAcceptance<K extends string>(
  acceptedOn: string,
  change: { key: K; type: 'change_speed' | 'change_item'; oneTimeYen: number },
): OwedFee<K>[] {
  if (change.type !== 'change_item' || change.oneTimeYen <= 0) return [];
  return [{ key: change.key, kind: 'one_time', amountYen: change.oneTimeYen, owedOn: acceptedOn }];
}

/** R-ETF: an early termination charge is owed on the option's last day of service. */
export function feesOwedOnEnding<K extends string>(lastDay: string, lines: { key: K; earlyTerminationYen: number }[]): OwedFee<K>[] {
  return lines
    .filter((l) => l.earlyTerminationYen > 0)
    .map((l) => ({ key: l.key, kind: 'early_termination', amountYen: l.earlyTerminationYen, owedOn: lastDay }));
}

/** Billing (and a port's minimum use period) cannot start before the application was accepted. */
export function billingStartRefusal(billingStartDate: string, acceptedOn: string | null): 'billing_before_acceptance' | null {
  return acceptedOn !== null && billingStartDate < acceptedOn ? 'billing_before_acceptance' : null;
}

/** A designated-service (PBB) contract cannot end before the day it started. */
export function pbbEndRefusal(startedOn: string, endedOn: string): 'end_before_start' | null {
  return assertCalendarDate('endedOn', endedOn) < assertCalendarDate('startedOn', startedOn) ? 'end_before_start' : null;
}

/**
 * An option's new item (Art. 4.4 M2 upgrade, Art. 4.5 item change) is billed from the day the
 * company completes the change: the service runs at the new item from that day, so its monthly fee
 * does (R-PRORATION splits the month there).
 */
export function itemChangeAppliesFrom(completedOn: string): string {
  return assertCalendarDate('completedOn', completedOn);
}
