import { stringify } from 'csv-stringify/sync';
import { priceItemLabel } from '@/lib/i18n/price-labels';
import type { Translate } from '@/lib/i18n/translate';
import type { Statement } from './statements';

const COLUMNS = ['type', 'contract', 'option', 'kind', 'item', 'firstDay', 'lastDay', 'days', 'daysInMonth', 'monthlyFee', 'owedOn', 'amount'] as const;

/**
 * One statement as CSV text: a header row (stable column names in the reader's language), one row
 * per line, one per SLA reduction (negative), then subtotal, tax and total. Amounts are whole yen
 * without separators, dates YYYY-MM-DD, so a spreadsheet sums them as the page does.
 */
export function statementCsv(statement: Statement, t: Translate): string {
  const type = (key: string) => t(`statements.csvTypes.${key}`);
  const rows: (string | number)[][] = [COLUMNS.map((c) => t(`statements.csvHead.${c}`))];
  for (const line of statement.lines) {
    const fee = 'fee' in line ? line.fee : null;
    rows.push([
      type('pending' in line && line.pending ? `${line.type}_pending` : line.type),
      line.contractNumber,
      'optionCode' in line ? (line.optionCode ?? '') : '',
      'kind' in line && line.kind ? t(`kinds.${line.kind}`) : '',
      line.type === 'monthly' && line.item !== '' ? priceItemLabel(t, line.kind, line.item) : '',
      fee?.firstDay ?? '',
      fee?.lastDay ?? '',
      fee?.days ?? '',
      fee?.daysInMonth ?? '',
      fee?.monthlyFeeYen ?? '',
      'owedOn' in line ? line.owedOn : '',
      line.amountYen,
    ]);
  }
  // Rows without a line's details: the label, then the amount in the last column.
  const blank = (first: string, second: string, yen: number) => [first, second, ...COLUMNS.slice(2, -1).map(() => ''), yen];
  for (const r of statement.reductions) rows.push(blank(type('sla_reduction'), r.contractNumber, -r.appliedYen));
  const total = (key: string, yen: number) => blank(type(key), '', yen);
  rows.push(total('subtotal', statement.subtotalYen), total('tax', statement.taxYen), total('total', statement.totalYen));
  return stringify(rows, { record_delimiter: 'windows' });
}
