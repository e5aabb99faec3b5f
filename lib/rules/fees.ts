// R-MIN-TERM (Art. 4.6 ¶1) and R-ETF (Art. 8, App. 3, Interpretation I-4).
import { isOptionKind, isPort } from './catalog';
import { addDays, assertCalendarDate, daysInMonth, lastDayOfMonthsPeriod } from './dates';
import { assertYen } from './money';
import type { OptionKind } from './types';

/** R-MIN-TERM: the minimum use period of a port, in months. */
export const MINIMUM_TERM_MONTHS = 3;

function assertKind(kind: unknown): OptionKind {
  if (!isOptionKind(kind)) throw new RangeError(`kind: not an option kind (${JSON.stringify(kind)})`);
  return kind;
}

/**
 * R-MIN-TERM: the last day of the 3-month minimum use period of a port, the billing start date
 * being day one (Civil Code Art. 143); null for options without a minimum use period.
 */
export function minimumTermLastDay(kind: OptionKind, billingStartDate: string): string | null {
  assertKind(kind);
  assertCalendarDate('billingStartDate', billingStartDate);
  if (!isPort(kind)) return null;
  return lastDayOfMonthsPeriod(billingStartDate, MINIMUM_TERM_MONTHS, 'billingStartDate');
}

export interface EarlyTerminationInput {
  kind: OptionKind;
  monthlyFeeYen: number;
  billingStartDate: string;
  terminationDate: string;
}

export interface EarlyTerminationMonth {
  month: string; // YYYY-MM
  days: number; // charged days of the minimum period in that month
  daysInMonth: number;
}

export interface EarlyTerminationBreakdown {
  lastDay: string | null; // last day of the minimum use period; null when there is none
  months: EarlyTerminationMonth[];
  totalYen: number;
}

/**
 * R-ETF with its arithmetic: the days after the termination date up to the last day of the
 * minimum period, grouped by calendar month; each day costs monthly / daysInMonth; the exact
 * sum is rounded down once. Days before the billing start date are not part of the period.
 */
export function earlyTerminationFeeBreakdown(input: EarlyTerminationInput): EarlyTerminationBreakdown {
  const kind = assertKind(input.kind);
  const monthly = assertYen('monthlyFeeYen', input.monthlyFeeYen);
  const start = assertCalendarDate('billingStartDate', input.billingStartDate);
  const end = assertCalendarDate('terminationDate', input.terminationDate);
  const lastDay = minimumTermLastDay(kind, start);
  if (lastDay === null || end >= lastDay) return { lastDay, months: [], totalYen: 0 };

  const firstCharged = end < start ? start : addDays(end, 1);
  const months = chargedMonths(firstCharged, lastDay);
  return { lastDay, months, totalYen: proratedSumYen(monthly, months) };
}

/** R-ETF: the early termination charge in yen (0 when none is owed). */
export function earlyTerminationFeeYen(input: EarlyTerminationInput): number {
  return earlyTerminationFeeBreakdown(input).totalYen;
}

function chargedMonths(from: string, to: string): EarlyTerminationMonth[] {
  const months: EarlyTerminationMonth[] = [];
  let cursor = from;
  while (cursor <= to) {
    const y = Number(cursor.slice(0, 4));
    const m = Number(cursor.slice(5, 7));
    const dim = daysInMonth(y, m);
    const monthEnd = `${cursor.slice(0, 8)}${String(dim).padStart(2, '0')}`;
    const stop = monthEnd < to ? monthEnd : to;
    const days = Number(stop.slice(8)) - Number(cursor.slice(8)) + 1;
    months.push({ month: cursor.slice(0, 7), days, daysInMonth: dim });
    cursor = addDays(monthEnd, 1);
  }
  return months;
}

/** floor(Σ monthly · days / daysInMonth), summed exactly over a common denominator. */
function proratedSumYen(monthlyYen: number, months: EarlyTerminationMonth[]): number {
  const denominator = months.reduce((acc, { daysInMonth: dim }) => lcm(acc, BigInt(dim)), 1n);
  const numerator = months.reduce(
    (acc, { days, daysInMonth: dim }) => acc + BigInt(monthlyYen) * BigInt(days) * (denominator / BigInt(dim)),
    0n,
  );
  return Number(numerator / denominator); // bigint division of non-negatives rounds down
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}
