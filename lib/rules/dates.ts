// Calendar dates in Japan, as plain `YYYY-MM-DD` strings.
// Arithmetic runs on UTC day numbers, never on local time; Japan is UTC+9 all year.

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A requested cancellation date may lie at most this many days after the notice's arrival. */
export const MAX_REQUESTED_DAYS_AHEAD = 365;

interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parseYmd(value: unknown): Ymd | null {
  if (typeof value !== 'string') return null;
  const match = DATE_SHAPE.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function isCalendarDate(value: unknown): value is string {
  return parseYmd(value) !== null;
}

/** Throws a RangeError naming `field` unless `value` is a real YYYY-MM-DD date. */
export function assertCalendarDate(field: string, value: unknown): string {
  if (!isCalendarDate(value)) {
    throw new RangeError(`${field}: not a real YYYY-MM-DD date (${JSON.stringify(value)})`);
  }
  return value;
}

function parseOrThrow(field: string, value: unknown): Ymd {
  const ymd = parseYmd(value);
  if (!ymd) throw new RangeError(`${field}: not a real YYYY-MM-DD date (${JSON.stringify(value)})`);
  return ymd;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function toDayNumber({ y, m, d }: Ymd): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // setUTCFullYear keeps years below 100 literal
  return Math.round(t.getTime() / DAY_MS);
}

function fromUtcMs(ms: number): Ymd {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: string, days: number): string {
  const ymd = parseOrThrow('date', date);
  if (!Number.isSafeInteger(days)) throw new RangeError(`days: not an integer (${days})`);
  return format(fromUtcMs((toDayNumber(ymd) + days) * DAY_MS));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier): 2026-01-31 → 2026-02-01 is 1. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(parseOrThrow('to', to)) - toDayNumber(parseOrThrow('from', from));
}

/**
 * The day with the same number `months` later; when that month is too short, its last day
 * (Civil Code Art. 143 ¶2 and its proviso).
 */
export function sameDayMonthsLater(date: string, months: number, field = 'date'): string {
  const { y, m, d } = parseOrThrow(field, date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format({ y: ty, m: tm, d: Math.min(d, daysInMonth(ty, tm)) });
}

/**
 * The last day of a period of `months` months whose first day is `firstDay` (Civil Code
 * Art. 143): the day before the same-numbered day, or the month's last day where it has none.
 */
export function lastDayOfMonthsPeriod(firstDay: string, months: number, field = 'date'): string {
  const { y, m, d } = parseOrThrow(field, firstDay);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  if (d > daysInMonth(ty, tm)) return format({ y: ty, m: tm, d: daysInMonth(ty, tm) });
  return addDays(format({ y: ty, m: tm, d }), -1);
}

/** Throws a RangeError naming `field` unless `value` is a Date holding a real instant. */
export function assertInstant(field: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${field}: not a valid instant`);
  }
  return value;
}

/** The calendar date in Japan (UTC+9) at the given instant. */
export function japanDate(at: Date, field = 'at'): string {
  return format(fromUtcMs(assertInstant(field, at).getTime() + JST_OFFSET_MS));
}

/** R-EFFECTIVE-DATE: the day a cancellation notice reached the company, in Japan time. */
export function noticeArrivalDate(receivedAt: Date): string {
  return japanDate(receivedAt, 'receivedAt');
}

/** R-EFFECTIVE-DATE (a): the day on which 30 days have passed from the arrival day (I-3). */
export function thirtyDaysAfterArrival(receivedAt: Date): string {
  return addDays(noticeArrivalDate(receivedAt), 30);
}

/** The latest date a customer may name in a cancellation notice received at `receivedAt`. */
export function latestRequestableDate(receivedAt: Date): string {
  return addDays(noticeArrivalDate(receivedAt), MAX_REQUESTED_DAYS_AHEAD);
}

/**
 * R-EFFECTIVE-DATE (Art. 4.6 ¶2, Art. 6.1): the later of arrival + 30 days and the requested
 * date. It does not refuse far-off dates; callers check them against latestRequestableDate.
 */
export function cancellationEffectiveDate(receivedAt: Date, requestedDate?: string): string {
  const earliest = thirtyDaysAfterArrival(receivedAt);
  if (requestedDate === undefined) return earliest;
  const requested = assertCalendarDate('requestedDate', requestedDate);
  return requested > earliest ? requested : earliest;
}
