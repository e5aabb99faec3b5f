// R-PBB-ENDS (Art. 6.2): when a customer's last designated-service (IIJ Private Backbone)
// contract ends, every Smart HUB contract of theirs ends on the same day, its options with it,
// and a port ending inside its minimum use period owes the early termination charge (R-ETF).
// This is the terms ending the contract, not a customer's request: no 30-day wait, and the
// judgement of checkChange is reported for the record, never a reason to refuse.
import { plannedEnding, keepsOwnLastDay, type PlanOption } from './cancellation';
import { checkChange } from './check-change';
import type { OptionState, RuleId } from './types';

export interface PbbEndHub {
  id: string;
  /** The hub's scheduled last day, if a cancellation is pending. */
  endsOn: string | null;
  /** Its options not yet marked ended. */
  options: (OptionState & { monthlyFeeYen: number })[];
}

export interface PbbEndHubPlan {
  id: string;
  /** False when the hub already ends on or before the day: it keeps its own day and is left alone. */
  ends: boolean;
  endsOn: string;
  /** The options whose last day becomes the PBB end date, each with its charge; options already ending by then keep theirs and are not listed. */
  ending: { optionId: string; earlyTerminationYen: number }[];
  /** What checkChange says of a cancellation on the same day: recorded, not applied. */
  rulesVerdict: 'ok' | RuleId[];
}

export interface PbbEndPlan {
  /** True when no other designated-service contract of the customer is still active. */
  lastEnded: boolean;
  hubs: PbbEndHubPlan[];
}

/**
 * The consequences of ending one designated-service contract on `endedOn` while `otherActive`
 * others of the customer are still active. `today` decides which options are still held for
 * the recorded verdict (an option whose last day has passed is not).
 */
export function pbbEndPlan(input: { endedOn: string; today: string; otherActive: number; hubs: PbbEndHub[] }): PbbEndPlan {
  const lastEnded = input.otherActive === 0;
  if (!lastEnded) return { lastEnded, hubs: [] };
  const hubs = input.hubs.map((hub): PbbEndHubPlan => {
    if (keepsOwnLastDay(hub.endsOn, input.endedOn)) {
      return { id: hub.id, ends: false, endsOn: hub.endsOn as string, ending: [], rulesVerdict: 'ok' };
    }
    const held = hub.options.filter((o) => o.endsOn === undefined || o.endsOn >= input.today);
    const verdict = checkChange(
      { activePbbContracts: 0, options: held.map(({ monthlyFeeYen: _fee, ...o }) => o) },
      { type: 'cancel_contract', effectiveDate: input.endedOn },
    );
    const ending = hub.options
      .filter((o) => !keepsOwnLastDay(o.endsOn, input.endedOn))
      .map((o) => {
        const plan: PlanOption = { id: o.id, kind: o.kind, billingStartDate: o.billingStartDate, endsOn: o.endsOn, monthlyFeeYen: o.monthlyFeeYen };
        return { optionId: o.id, earlyTerminationYen: plannedEnding(plan, input.endedOn).earlyTermination?.totalYen ?? 0 };
      });
    return {
      id: hub.id,
      ends: true,
      endsOn: input.endedOn,
      ending,
      rulesVerdict: verdict.ok ? 'ok' : verdict.violations.map((v) => v.rule),
    };
  });
  return { lastEnded, hubs };
}
