// A statement's lines as words, in the reader's language: one place for the page and the CSV, so
// both say the same thing and hold the same total.
import type { Locale } from '@/lib/i18n/locale';
import { formatDate, formatYen } from '@/lib/i18n/format';
import { priceItemLabel } from '@/lib/i18n/price-labels';
import type { Translate } from '@/lib/i18n/translate';
import type { LineGroup } from './statement-groups';
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

/** A group of alike lines (statement-groups.ts) as the page shows it: the line itself when alone, else "3 × …". */
export function groupLabel(group: LineGroup, t: Translate): string {
  const [line] = group.lines;
  if (!line) return '';
  if (group.lines.length === 1) return lineLabel(line, t);
  if (line.type === 'monthly') {
    const what = line.item === '' ? t(`kinds.${line.kind}`) : `${t(`kinds.${line.kind}`)}: ${priceItemLabel(t, line.kind, line.item)}`;
    return t('statements.lines.group', { count: group.lines.length, what, contract: line.contractNumber });
  }
  const what = line.type === 'basic' || !line.kind ? '' : t(`statements.lines.${line.type}`, { what: t(`kinds.${line.kind}`) });
  return t('statements.lines.group', { count: group.lines.length, what, contract: line.contractNumber });
}

/** A group's arithmetic: one line's, times the count, and which options it covers. */
export function groupArithmetic(group: LineGroup, t: Translate, locale: Locale): string {
  const [line] = group.lines;
  if (!line) return '';
  if (group.lines.length === 1) return lineArithmetic(line, t, locale);
  return t('statements.groupArithmetic', {
    each: lineArithmetic(line, t, locale),
    count: group.lines.length,
    total: formatYen(locale, group.amountYen),
    codes: group.codes.join(', '),
  });
}
