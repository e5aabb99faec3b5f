import { describe, expect, it } from 'vitest';
import { groupLines } from './statement-groups';
import { groupArithmetic, groupLabel, lineLabel } from './statement-text';
import type { StatementLine } from './statements';

const fee = (firstDay: string, lastDay: string, monthlyFeeYen: number, amountYen: number) => ({ firstDay, lastDay, days: 30, daysInMonth: 30, monthlyFeeYen, amountYen });
const napt = (code: string, amountYen = 8_000, firstDay = '2026-11-01'): StatementLine => ({
  type: 'monthly',
  contractNumber: 'SH-000101',
  optionCode: code,
  kind: 'napt',
  item: '30000',
  fee: fee(firstDay, '2026-11-30', 8_000, amountYen),
  amountYen,
});

describe('statement lines grouped for the page', () => {
  it('shows alike lines once with their codes and their sum, in statement order, and keeps every other line as it is', () => {
    const basic: StatementLine = { type: 'basic', contractNumber: 'SH-000101', fee: fee('2026-11-01', '2026-11-30', 100_000, 100_000), amountYen: 100_000 };
    const prorated = napt('SH-O-9', 4_533, '2026-11-14');
    const charge: StatementLine = { type: 'initial', contractNumber: 'SH-000101', optionCode: null, kind: null, owedOn: '2026-11-02', amountYen: 30_000 };
    const lines = [basic, napt('SH-O-1'), prorated, napt('SH-O-2'), charge, napt('SH-O-3')];
    const groups = groupLines(lines);
    expect(groups.map((g) => [g.lines.length, g.codes, g.amountYen])).toEqual([
      [1, [], 100_000],
      [3, ['SH-O-1', 'SH-O-2', 'SH-O-3'], 24_000],
      [1, ['SH-O-9'], 4_533],
      [1, [], 30_000],
    ]);
    // Nothing is lost or counted twice: the groups hold every line, and the same total.
    expect(groups.flatMap((g) => g.lines)).toHaveLength(lines.length);
    expect(groups.reduce((n, g) => n + g.amountYen, 0)).toBe(lines.reduce((n, l) => n + l.amountYen, 0));
  });

  it('never groups lines of another contract, item, or a pending charge with a recorded one', () => {
    const other: StatementLine = { ...napt('SH-O-4'), contractNumber: 'SH-000102' } as StatementLine;
    const bigger: StatementLine = { ...napt('SH-O-5'), item: '60000' } as StatementLine;
    const etf = (code: string, pending?: true): StatementLine => ({ type: 'early_termination', contractNumber: 'SH-000101', optionCode: code, kind: 'napt', owedOn: '2026-11-30', amountYen: 16_000, ...(pending ? { pending } : {}) });
    expect(groupLines([napt('SH-O-1'), other, bigger, etf('SH-O-6'), etf('SH-O-7', true), etf('SH-O-8')]).map((g) => g.codes)).toEqual([
      ['SH-O-1'],
      ['SH-O-4'],
      ['SH-O-5'],
      ['SH-O-6', 'SH-O-8'],
      ['SH-O-7'],
    ]);
  });
});

describe('a group in words', () => {
  const t = Object.assign((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`, { has: () => true });
  it('names the count, the kind and item and the contract, and the arithmetic of one with the codes', () => {
    const [group] = groupLines([napt('SH-O-1'), napt('SH-O-2')]);
    expect(groupLabel(group!, t)).toContain('statements.lines.group');
    expect(groupLabel(group!, t)).toContain('"count":2');
    expect(groupLabel(group!, t)).toContain('"contract":"SH-000101"');
    const arithmetic = groupArithmetic(group!, t, 'en');
    expect(arithmetic).toContain('"codes":"SH-O-1, SH-O-2"');
    expect(arithmetic).toContain('"total":"¥16,000"');
    // Alone, a line reads as it always did.
    const [alone] = groupLines([napt('SH-O-3')]);
    expect(groupLabel(alone!, t)).toBe(lineLabel(napt('SH-O-3'), t));
  });
});
