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

/** An article reference of the terms in the reader's language: 'Art. 4.4' → 第4条第4項. */
export function formatArticle(locale: Locale, article: string): string {
  if (locale !== 'ja') return article;
  return article
    .replace(/Art\. (\d+)(?:\.(\d+))?/g, (_m, a: string, p?: string) => `第${a}条${p ? `第${p}項` : ''}`)
    .replace(/App\. (\d+)/g, '別表$1')
    .replace(/§(\d+)/g, '第$1項')
    .replace(/, /g, '、');
}
