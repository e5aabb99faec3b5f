// Money on a monthly statement: R-PRORATION (I-6), R-STATEMENT (I-7), R-SLA-CAP applied per
// contract and month, and the cheapest end date of a cancellation (R-ETF, R-EFFECTIVE-DATE).
import { isPort } from './catalog';
import { addDays, assertCalendarDate, daysInMonth, sameDayMonthsLater, thirtyDaysAfterArrival } from './dates';
import { minimumTermLastDay } from './fees';
import { assertYen, consumptionTaxYen } from './money';
import type { OptionKind } from './types';

export { CONSUMPTION_TAX } from './money';

/** I-7: the early termination charge is part of the taxed subtotal. */
export const EARLY_TERMINATION_TAXED = true;

const MONTH_SHAPE = /^(\d{4})-(\d{2})$/;

/** Whether `value` is a real YYYY-MM month. */
export function isMonth(value: unknown): value is string {
  const match = typeof value === 'string' ? MONTH_SHAPE.exec(value) : null;
  const m = match ? Number(match[2]) : 0;
  return match !== null && m >= 1 && m <= 12;
}

/** Throws a RangeError naming `field` unless `value` is a real YYYY-MM month. */
export function assertMonth(field: string, value: unknown): string {
  if (!isMonth(value)) throw new RangeError(`${field}: not a real YYYY-MM month (${JSON.stringify(value)})`);
  return value;
}

/** The first and last day of a calendar month (YYYY-MM). */
export function monthDays(month: string): { firstDay: string; lastDay: string; days: number } {
  assertMonth('month', month);
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { firstDay: `${month}-01`, lastDay: `${month}-${String(days).padStart(2, '0')}`, days };
}

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  return addDays(monthDays(month).lastDay, 1).slice(0, 7);
}

/**
 * R-PRORATION (I-6): the monthly fee owed for the days firstDay..lastDay (inclusive) of one
 * calendar month at one price: floor(monthly × days / days in the month). A whole month is
 * exactly the monthly fee.
 */
export function proratedMonthlyFeeYen(input: { monthlyFeeYen: number; firstDay: string; lastDay: string }): number {
  const monthly = assertYen('monthlyFeeYen', input.monthlyFeeYen);
  const firstDay = assertCalendarDate('firstDay', input.firstDay);
  const lastDay = assertCalendarDate('lastDay', input.lastDay);
  if (lastDay < firstDay) throw new RangeError('lastDay: the range is reversed (lastDay before firstDay)');
  if (lastDay.slice(0, 7) !== firstDay.slice(0, 7)) throw new RangeError('lastDay: the range spans two calendar months');
  const { days: dim } = monthDays(firstDay.slice(0, 7));
  const days = Number(lastDay.slice(8)) - Number(firstDay.slice(8)) + 1;
  return Number((BigInt(monthly) * BigInt(days)) / BigInt(dim));
}

/**
 * R-STATEMENT (I-7): subtotal = lines − reductions, never below zero; tax = floor(10% of the
 * subtotal), once per statement; total = subtotal + tax.
 */
export function statementTotals(input: { lineAmountsYen: number[]; slaReductionsYen: number[] }): {
  subtotalYen: number;
  taxYen: number;
  totalYen: number;
} {
  const lines = input.lineAmountsYen.reduce((sum, yen, i) => sum + assertYen(`lineAmountsYen[${i}]`, yen), 0);
  const reductions = input.slaReductionsYen.reduce((sum, yen, i) => sum + assertYen(`slaReductionsYen[${i}]`, yen), 0);
  const subtotalYen = Math.max(0, lines - reductions);
  const taxYen = consumptionTaxYen(subtotalYen);
  return { subtotalYen, taxYen, totalYen: subtotalYen + taxYen };
}

/**
 * The cheapest end date: the first effective date on which none of `options` owes an early
 * termination charge. That is the latest last day of a port's minimum use period (ending on
 * that day costs nothing, R-ETF), and never before the notice's arrival + 30 days
 * (R-EFFECTIVE-DATE). Options without a billing start are ignored.
 */
export function chargeFreeEndDate(receivedAt: Date, options: { kind: OptionKind; billingStartDate?: string }[]): string {
  let earliest = thirtyDaysAfterArrival(receivedAt);
  options.forEach((option, i) => {
    if (option.billingStartDate === undefined || !isPort(option.kind)) return;
    assertCalendarDate(`options[${i}].billingStartDate`, option.billingStartDate);
    const lastDay = minimumTermLastDay(option.kind, option.billingStartDate);
    if (lastDay && lastDay > earliest) earliest = lastDay;
  });
  return earliest;
}

/** One price of the price list as it applies to a customer (its own price, or the list price). */
export interface PricePoint {
  appliesFrom: string;
  monthlyFeeYen: number;
  /** A price of this customer's own: it wins over every list price from its appliesFrom. */
  own: boolean;
}

/** The price in force on `day`: the customer's own price if one applies, else the list price; the latest appliesFrom wins. */
export function priceOnDay(prices: readonly PricePoint[], day: string): PricePoint | null {
  const latest = (own: boolean) =>
    prices.reduce<PricePoint | null>((best, p) => (p.own === own && p.appliesFrom <= day && (!best || p.appliesFrom >= best.appliesFrom) ? p : best), null);
  return latest(true) ?? latest(false);
}

/** One statement line of a monthly fee: one service in one month at one price (R-PRORATION). */
export interface MonthlyFeeLine {
  firstDay: string;
  lastDay: string;
  days: number;
  daysInMonth: number;
  /** The monthly fee in force on those days; null when the price list has none (shown, never guessed). */
  monthlyFeeYen: number | null;
  amountYen: number;
}

/**
 * R-PRORATION (I-6): the monthly-fee lines of one service (the basic service or an option) in
 * `month`: its days from the billing start up to and including its last day of service, split
 * wherever the price in force changes. Prices at equal appliesFrom: the later in the array wins.
 */
export function monthlyFeeLines(input: {
  month: string;
  billingStartDate: string | null;
  /** The last day of service and billing (a cancellation's effective date); null while it runs on. */
  lastDay: string | null;
  prices: readonly PricePoint[];
}): MonthlyFeeLine[] {
  const { firstDay: monthFirst, lastDay: monthLast, days: dim } = monthDays(input.month);
  if (input.billingStartDate === null) return [];
  const start = assertCalendarDate('billingStartDate', input.billingStartDate);
  const end = input.lastDay === null ? null : assertCalendarDate('lastDay', input.lastDay);
  input.prices.forEach((p, i) => {
    assertCalendarDate(`prices[${i}].appliesFrom`, p.appliesFrom);
    assertYen(`prices[${i}].monthlyFeeYen`, p.monthlyFeeYen);
  });
  const from = start > monthFirst ? start : monthFirst;
  const to = end !== null && end < monthLast ? end : monthLast;
  if (from > to) return [];

  const lines: MonthlyFeeLine[] = [];
  let runStart = from;
  let runPrice = priceOnDay(input.prices, from);
  const close = (lastDay: string) => {
    const days = Number(lastDay.slice(8)) - Number(runStart.slice(8)) + 1;
    const monthlyFeeYen = runPrice?.monthlyFeeYen ?? null;
    lines.push({
      firstDay: runStart,
      lastDay,
      days,
      daysInMonth: dim,
      monthlyFeeYen,
      amountYen: monthlyFeeYen === null ? 0 : proratedMonthlyFeeYen({ monthlyFeeYen, firstDay: runStart, lastDay }),
    });
  };
  // The price in force can change only on a day some price starts to apply: look there, not at every day.
  const changes = [...new Set(input.prices.map((p) => p.appliesFrom).filter((d) => d > from && d <= to))].sort();
  for (const day of changes) {
    const price = priceOnDay(input.prices, day);
    if (price === runPrice) continue;
    close(addDays(day, -1));
    runStart = day;
    runPrice = price;
  }
  close(to);
  return lines;
}

/**
 * R-SLA-CAP (Art. 9) on one contract's approved reductions for one billing month: what is
 * applied (at most that month's basic monthly fee) and what exceeds the cap, so a screen shows
 * the excess as capped instead of dropping it.
 */
export function capReductions(input: { reductionsYen: readonly number[]; basicMonthlyFeeYen: number }): {
  appliedYen: number;
  cappedYen: number;
} {
  const cap = assertYen('basicMonthlyFeeYen', input.basicMonthlyFeeYen);
  const total = input.reductionsYen.reduce((sum, yen, i) => sum + assertYen(`reductionsYen[${i}]`, yen), 0);
  const appliedYen = Math.min(total, cap);
  return { appliedYen, cappedYen: total - appliedYen };
}

/**
 * R-SLA-CAP for one more reduction in a billing month that already holds `approvedYen`: how much
 * of it would apply and how much the cap would hold back.
 */
export function capOneMoreReduction(input: { approvedYen: readonly number[]; reductionYen: number; basicMonthlyFeeYen: number }): {
  appliedYen: number;
  cappedYen: number;
} {
  const reduction = assertYen('reductionYen', input.reductionYen);
  const before = capReductions({ reductionsYen: input.approvedYen, basicMonthlyFeeYen: input.basicMonthlyFeeYen });
  const after = capReductions({ reductionsYen: [...input.approvedYen, reduction], basicMonthlyFeeYen: input.basicMonthlyFeeYen });
  const appliedYen = after.appliedYen - before.appliedYen;
  return { appliedYen, cappedYen: reduction - appliedYen };
}

/** The months from `first` to `last` (YYYY-MM), both included; [] when `last` is earlier. */
export function monthsFrom(first: string, last: string): string[] {
  assertMonth('first', first);
  assertMonth('last', last);
  const months: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) months.push(m);
  return months;
}

/** The `count` months ending with `last` (YYYY-MM), oldest first. */
export function monthsEndingAt(last: string, count: number): string[] {
  assertMonth('last', last);
  const first = sameDayMonthsLater(`${last}-01`, -(count - 1), 'last').slice(0, 7);
  return monthsFrom(first, last);
}

/**
 * Whether an approved reduction may go to `month` on `today` (Japan date): not to a month already
 * over, whose statement the customer may have paid; this month or a later one.
 */
export function billingMonthRefusal(month: string, today: string): 'month_in_past' | null {
  assertMonth('month', month);
  assertCalendarDate('today', today);
  return month < today.slice(0, 7) ? 'month_in_past' : null;
}

/**
 * Whether `month`'s statement may be issued (frozen) on `today` (Japan date): only once the month
 * is over, so every day of it is known; the month in progress and later ones are refused.
 */
export function issueMonthRefusal(month: string, today: string): 'month_not_over' | null {
  assertMonth('month', month);
  assertCalendarDate('today', today);
  return month < today.slice(0, 7) ? null : 'month_not_over';
}

/** A stretch of an option's life at one item: from `from` (null: its billing start) to `until` (null: on). */
export interface ItemPeriod<K extends string> {
  item: K;
  from: string | null;
  until: string | null;
}

/**
 * The item an option had over its life (Art. 4.4 M2 upgrade, Art. 4.5 item change): each completed
 * change applies from its `appliesFrom` day, the item before it up to the day before. Changes on
 * the same day apply in the order given (the last wins). `current` is the option's item today: it
 * holds from the last change on, and for the whole life when there was none.
 */
export function itemPeriods<K extends string>(current: K, changes: readonly { appliesFrom: string; before: K; after: K }[]): ItemPeriod<K>[] {
  changes.forEach((c, i) => assertCalendarDate(`changes[${i}].appliesFrom`, c.appliesFrom));
  const sorted = [...changes].sort((a, b) => (a.appliesFrom < b.appliesFrom ? -1 : a.appliesFrom > b.appliesFrom ? 1 : 0));
  const [first] = sorted;
  if (first === undefined) return [{ item: current, from: null, until: null }];
  const periods: ItemPeriod<K>[] = [{ item: first.before, from: null, until: addDays(first.appliesFrom, -1) }];
  sorted.forEach((change, i) => {
    const next = sorted[i + 1];
    periods.push(
      next === undefined
        ? { item: current, from: change.appliesFrom, until: null }
        : { item: change.after, from: change.appliesFrom, until: addDays(next.appliesFrom, -1) },
    );
  });
  return periods.filter((p) => p.from === null || p.until === null || p.from <= p.until);
}

/**
 * R-PRORATION over an option whose item changed: the monthly-fee lines of `month`, each day at the
 * item in force that day (itemPeriods) and at that item's price in force that day (monthlyFeeLines),
 * within the billing start and the last day of service.
 */
export function itemFeeLines<K extends string>(input: {
  month: string;
  billingStartDate: string | null;
  lastDay: string | null;
  periods: readonly ItemPeriod<K>[];
  pricesOf: (item: K) => readonly PricePoint[];
}): (MonthlyFeeLine & { item: K })[] {
  if (input.billingStartDate === null) return [];
  const start = assertCalendarDate('billingStartDate', input.billingStartDate);
  const end = input.lastDay === null ? null : assertCalendarDate('lastDay', input.lastDay);
  const lines: (MonthlyFeeLine & { item: K })[] = [];
  for (const period of input.periods) {
    const from = period.from !== null && period.from > start ? period.from : start;
    const until = period.until === null ? end : end === null || period.until < end ? period.until : end;
    if (until !== null && from > until) continue;
    for (const fee of monthlyFeeLines({ month: input.month, billingStartDate: from, lastDay: until, prices: input.pricesOf(period.item) })) {
      lines.push({ ...fee, item: period.item });
    }
  }
  return lines;
}

/** Whether a Japan date falls in `month` or before it: what has happened by the end of that month. */
export function isByEndOfMonth(day: string, month: string): boolean {
  assertCalendarDate('day', day);
  assertMonth('month', month);
  return day.slice(0, 7) <= month;
}

/** Whether a Japan date falls in `month` (YYYY-MM): a fee owed that day is on that month's statement. */
export function isInMonth(day: string, month: string): boolean {
  assertCalendarDate('day', day);
  assertMonth('month', month);
  return day.slice(0, 7) === month;
}
