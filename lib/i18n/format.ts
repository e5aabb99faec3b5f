import type { Locale } from './locale';

/**
 * Formatters are built once per locale and reused: constructing an `Intl.DateTimeFormat` costs
 * far more than formatting with one (it was 12% of all CPU on a page with 200 add-ons).
 */
function memo<F>(build: (tag: string) => F): (locale: Locale) => F {
  const built = new Map<Locale, F>();
  return (locale) => {
    let formatter = built.get(locale);
    if (!formatter) {
      formatter = build(locale === 'ja' ? 'ja-JP' : 'en-US');
      built.set(locale, formatter);
    }
    return formatter;
  };
}

const dateFormat = memo((tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Asia/Tokyo' }));
const dateTimeFormat = memo(
  (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }),
);
const monthFormat = memo((tag) => new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' }));
const yenFormat = memo((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }));

/** A calendar date (YYYY-MM-DD, a date in Japan) for reading: 2026年3月20日 / March 20, 2026. */
export function formatDate(locale: Locale, date: string | null | undefined): string {
  if (!date) return '—';
  return dateFormat(locale).format(new Date(`${date}T00:00:00+09:00`));
}

/** An instant, shown in Japan time. */
export function formatDateTime(locale: Locale, instant: Date): string {
  return dateTimeFormat(locale).format(instant);
}

/** A billing month (YYYY-MM) for reading: 2026年3月 / March 2026. */
export function formatMonth(locale: Locale, month: string): string {
  return monthFormat(locale).format(new Date(`${month}-01T00:00:00Z`));
}

/** Whole yen: ¥40,000 in both languages. */
export function formatYen(locale: Locale, yen: number): string {
  return `¥${yenFormat(locale).format(yen)}`;
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

const percentFormat = memo((tag) => new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 3, maximumFractionDigits: 3 }));

/** A share (0…1) as a percentage to three decimals, rounded down so that it never overstates: 99.998%. */
export function formatAvailability(locale: Locale, share: number): string {
  return percentFormat(locale).format(Math.floor(share * 100_000) / 100_000);
}
