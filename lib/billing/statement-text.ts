// A statement's lines as words, in the reader's language: one place for the page and the CSV, so
// both say the same thing and hold the same total.
import type { Locale } from '@/lib/i18n/locale';
import { formatDate, formatYen } from '@/lib/i18n/format';
import { priceItemLabel } from '@/lib/i18n/price-labels';
import type { Translate } from '@/lib/i18n/translate';
import type { StatementLine } from './statements';

/** What a line is: "Smart HUB basic fee, contract SH-000101", "Cloud connection port SH-O-000102", … */
export function lineLabel(line: StatementLine, t: Translate): string {
  if (line.type === 'basic') return t('statements.lines.basic', { contract: line.contractNumber });
  if (line.type === 'monthly') {
    const named = { kind: t(`kinds.${line.kind}`), code: line.optionCode };
    // The item the days were billed at, where the kind has one (a port's interface, a NAPT's sessions…).
    return line.item === '' ? t('statements.lines.monthly', named) : t('statements.lines.monthlyItem', { ...named, item: priceItemLabel(t, line.kind, line.item) });
  }
  const what = line.optionCode && line.kind ? `${t(`kinds.${line.kind}`)} ${line.optionCode}` : t('statements.contractOnly', { contract: line.contractNumber });
  return t(`statements.lines.${line.type}`, { what });
}

/** How a line's amount is computed: the price, the days and the rounding, or the day a fee became owed. */
export function lineArithmetic(line: StatementLine, t: Translate, locale: Locale): string {
  if (line.type === 'basic' || line.type === 'monthly') {
    const { fee } = line;
    const range = { from: formatDate(locale, fee.firstDay), to: formatDate(locale, fee.lastDay) };
    if (fee.monthlyFeeYen === null) return t('statements.unpriced', { days: fee.days, ...range });
    return fee.days === fee.daysInMonth
      ? t('statements.fullMonth', { monthly: formatYen(locale, fee.monthlyFeeYen), ...range })
      : t('statements.prorated', { monthly: formatYen(locale, fee.monthlyFeeYen), days: fee.days, daysInMonth: fee.daysInMonth, ...range });
  }
  return t(line.pending ? 'statements.owedOnPending' : 'statements.owedOn', { date: formatDate(locale, line.owedOn) });
}
