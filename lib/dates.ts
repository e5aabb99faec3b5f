// Calendar helpers for presentation and demo data. Contract date rules live in lib/rules.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The calendar date in Japan (UTC+9, no daylight saving) of an instant, as YYYY-MM-DD. */
export function japanDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Shifts a YYYY-MM-DD date by whole months, clamping to the month's last day. */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
