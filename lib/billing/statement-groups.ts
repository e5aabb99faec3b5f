// Statement lines as a reader takes them in: lines alike in everything but the option's code (the
// same kind, item, days and amount on the same contract) shown once with a count, as a telephone
// bill lists "40 × extension line". The statement itself, the CSV and the PDF keep one line per
// option; this only arranges the page, so a contract with hundreds of options stays readable.
import type { StatementLine } from './statements';

export interface LineGroup {
  /** The lines of the group, in statement order; the first stands for all. */
  lines: StatementLine[];
  /** The option codes of the lines, where they have one. */
  codes: string[];
  amountYen: number;
}

/** What makes two lines alike: everything shown except the option's code. */
function likeness(line: StatementLine, index: number): string {
  if (line.type === 'basic') return `basic|${index}`;
  if (line.type === 'monthly') {
    const { fee } = line;
    return ['monthly', line.contractNumber, line.kind, line.item, fee.firstDay, fee.lastDay, fee.monthlyFeeYen, line.amountYen].join('|');
  }
  if (line.optionCode === null) return `${line.type}|${index}`;
  return [line.type, line.contractNumber, line.kind, line.owedOn, line.amountYen, line.pending ? 'pending' : ''].join('|');
}

/** The lines grouped by likeness, each group where its first line stands, amounts summed. */
export function groupLines(lines: readonly StatementLine[]): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  lines.forEach((line, index) => {
    const key = likeness(line, index);
    const group = groups.get(key) ?? { lines: [], codes: [], amountYen: 0 };
    group.lines.push(line);
    if ('optionCode' in line && line.optionCode) group.codes.push(line.optionCode);
    group.amountYen += line.amountYen;
    groups.set(key, group);
  });
  return [...groups.values()];
}
