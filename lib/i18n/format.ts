import type { Locale } from './locale';

/** A calendar date (YYYY-MM-DD, a date in Japan) for reading: 2026年3月20日 / March 20, 2026. */
export function formatDate(locale: Locale, date: string | null | undefined): string {
  if (!date) return '—';
  const instant = new Date(`${date}T00:00:00+09:00`);
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(
    instant,
  );
}

/** An instant, shown in Japan time. */
export function formatDateTime(locale: Locale, instant: Date): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(instant);
}

/** Whole yen: ¥40,000 in both languages. */
export function formatYen(locale: Locale, yen: number): string {
  return `¥${new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 0 }).format(yen)}`;
}
