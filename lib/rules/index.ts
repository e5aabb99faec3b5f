// lib/rules: the Smart HUB contract terms as the portal applies them (spec/rules.md).
// Pure and deterministic: no I/O, no clock — callers pass instants and dates.

export type {
  Change,
  CloudType,
  ContractState,
  OptionKind,
  OptionState,
  PremisesLine,
  RuleId,
  Speed,
  Verdict,
} from './types';

// The surface fixed by spec/rules.md §7.
export { checkChange } from './check-change';
export { checkWithdrawal } from './check-change';
export { PORT_NEED_RULES, portCancellationBlockers, portRuleOf } from './port-needs';
export { cloudPortSpeeds, m2UpgradeTargets } from './catalog';
export { cancellationEffectiveDate, noticeArrivalDate } from './dates';
export { earlyTerminationFeeYen, minimumTermLastDay } from './fees';
export { availabilityCreditYen, notificationCreditYen, notificationLateness, slaClaimDeadline } from './sla';
export { naptChangeInterrupts } from './napt';

// NAPT per port (I-2 revised): which ports hold which NAPT, where a new one may go, which changes
// stop a port for about five minutes.
export type { NaptInterruption, PortNapt } from './napt';
export { naptByPort, naptEligiblePorts, naptInterruptions, totalSessions } from './napt';

// Read-only helpers for screens that offer only valid choices and show the arithmetic.
export type { NewOption, Violation } from './types';
export type { TermsRuleId } from './articles';
export type { EarlyTerminationBreakdown, EarlyTerminationMonth } from './fees';
export type { Fraction, SlaExclusionReason } from './sla';
export { TERMS_RULE_IDS, ruleArticle } from './articles';
export type { CloudCondition } from './catalog';
export {
  ADDON_LIMITS,
  CLOUD_CONDITIONS,
  CLOUD_TYPES,
  FIREWALL_SESSIONS,
  NAPT_PER_PORT_LIMIT,
  NAPT_SESSIONS,
  ONPREM_SPEEDS,
  OPTION_KINDS,
  PBB_EXPANSION_ITEMS,
  PREMISES_LINES,
  PRIVATE_CLOUD_TYPES,
  PUBLIC_CLOUD_TYPES,
  catalogProblems,
  isPort,
  isPrivateCloud,
  isPublicCloud,
  missingCloudConditions,
} from './catalog';
export {
  MAX_REQUESTED_DAYS_AHEAD,
  addDays,
  daysBetween,
  isCalendarDate,
  japanDate,
  latestRequestableDate,
  sameDayMonthsLater,
  thirtyDaysAfterArrival,
} from './dates';
export { earlyTerminationFeeBreakdown } from './fees';
export { consumptionTaxYen } from './money';
export {
  NOTIFICATION_WINDOW_MS,
  SLA_EXCLUSION_REASONS,
  cappedMonthlyCreditYen,
  isNotificationLate,
  notificationDeadline,
  outageDurationMinutes,
  outageRecordRefusal,
  slaReductionFraction,
} from './sla';
export type { OutageRecordRefusal } from './sla';

// Consequences a screen shows and a service writes (issue 9): quotes, cancellation plans,
// R-PBB-ENDS, fee timing and status by date. Extra surface, documented in README.md.
export type { ChangeQuote, FeeLine, ItemPrice, Quote, QuoteItem } from './quote';
export { minimumTermMonths, quoteChange, quoteLine, quoteOrder } from './quote';
export type {
  CancellationPlan,
  EndDatesAfterWithdrawal,
  PendingNotice,
  PlanOption,
  PlannedEnding,
  RequestedDateBounds,
  RequestedDateRefusal,
  WithdrawalRefusal,
} from './cancellation';
export {
  cancellationPlan,
  endDatesAfterWithdrawal,
  endDatesIfWithdrawn,
  isWithdrawableOn,
  noticeStatusOn,
  keepsOwnLastDay,
  lastWithdrawalDate,
  noticeWithdrawal,
  optionLastDay,
  plannedEnding,
  requestedDateBounds,
  requestedDateRefusal,
} from './cancellation';
export type { PbbEndHub, PbbEndHubPlan, PbbEndPlan } from './pbb-end';
export { pbbEndPlan } from './pbb-end';
export type { ChargeKind, OwedFee, ServiceStatus, ShownStatus } from './lifecycle';
export {
  billingStartRefusal,
  feesOwedOnAcceptance,
  feesOwedOnChangeAcceptance,
  feesOwedOnEnding,
  isHeldOn,
  isLiveOn,
  itemChangeAppliesFrom,
  mayCancelContract,
  pbbEndRefusal,
  statusOn,
} from './lifecycle';
export { MINIMUM_TERM_MONTHS } from './fees';

// Money (§5, I-6, I-7) and what an outage earns (§6): statements, the SLA page, claims.
export {
  CONSUMPTION_TAX,
  EARLY_TERMINATION_TAXED,
  assertMonth,
  isMonth,
  billingMonthRefusal,
  issueMonthRefusal,
  isByEndOfMonth,
  isInMonth,
  itemFeeLines,
  itemPeriods,
  capOneMoreReduction,
  capReductions,
  chargeFreeEndDate,
  monthDays,
  monthsEndingAt,
  monthsFrom,
  monthlyFeeLines,
  nextMonth,
  priceOnDay,
  proratedMonthlyFeeYen,
  statementTotals,
} from './statement';
export type { ItemPeriod, MonthlyFeeLine, PricePoint } from './statement';
export { CLAIM_REMINDER_DAYS, CREDIT_KINDS, claimRefusal, claimReminderDue, claimWindowOn, earnedCredit, japanMonthStart, monthlyAvailability, outageCredits, outagesOverlapping } from './credits';
export type { AvailabilityCredit, ClaimRefusal, ClaimableCredit, CreditKind, MonthAvailability, NotificationCredit, OutageCredits } from './credits';
