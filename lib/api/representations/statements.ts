// Monthly statements as the statements page shows them (lib/billing): an issued month as it was
// issued (with what today's records would give when they differ), any other month computed from
// today's records. Every amount is lib/billing's; nothing is computed here.
import { z } from 'zod';
import type { Statement, StatementLine } from '@/lib/billing/statements';
import type { StatementView } from '@/lib/billing/snapshots';
import { issueMonthRefusal } from '@/lib/rules';
import { day, instant, iso, optionKindSchema, yen } from './common';

const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const statementStatusSchema = z.enum(['in_progress', 'not_issued', 'issued']).meta({
  id: 'StatementStatus',
  description:
    '`in_progress`: the month is not over, its amounts may still change; `not_issued`: the month is over and IIJ has not issued it yet; `issued`: issued, its amounts are final.',
});

const statementLineSchema = z
  .object({
    type: z.enum(['basic', 'monthly', 'initial', 'one_time', 'early_termination']).meta({
      description:
        '`basic`: the Smart HUB basic monthly fee; `monthly`: an option\'s monthly fee; `initial`, `one_time`: fees owed on an application or a change; `early_termination`: an early termination charge.',
    }),
    contractNumber: z.string(),
    optionCode: z.string().nullable(),
    kind: optionKindSchema.nullable(),
    item: z.string().nullable().meta({ description: 'A monthly fee\'s price-list item (it may change within the month).' }),
    firstDay: day().nullable().meta({ description: 'A monthly fee: the first day billed in the month.' }),
    lastDay: day().nullable().meta({ description: 'A monthly fee: the last day billed in the month.' }),
    days: z.int().nullable().meta({ description: 'A monthly fee: the days billed (prorated by the day).' }),
    daysInMonth: z.int().nullable(),
    monthlyFeeYen: yen().nullable().meta({ description: 'A monthly fee: the fee in force on those days; null when the price list has none (billed 0, shown as not set).' }),
    owedOn: day().nullable().meta({ description: 'A fee or charge: the day it is owed.' }),
    pending: z.boolean().meta({ description: 'An early termination charge of a cancellation still pending (owed unless the notice is withdrawn first).' }),
    amountYen: yen().meta({ description: 'The amount of the line, excluding tax.' }),
  })
  .meta({ id: 'StatementLine', description: 'One line of a statement (amounts excluding tax; the tax is on the statement\'s subtotal).' });

const reductionSchema = z
  .object({
    contractNumber: z.string(),
    claimedYen: yen().meta({ description: 'The approved SLA claims of the contract for this month, before the cap.' }),
    appliedYen: yen().meta({ description: 'What applies (at most the basic monthly fee, R-SLA-CAP).' }),
    cappedYen: yen().meta({ description: 'What the cap holds back.' }),
    basicMonthlyFeeYen: yen().nullable(),
  })
  .meta({ id: 'StatementReduction', description: 'An SLA reduction of one contract on the statement.' });

const totals = {
  subtotalYen: yen().meta({ description: 'The lines less the reductions, excluding tax.' }),
  taxYen: yen().meta({ description: 'Consumption tax on the subtotal (10%, rounded down), as the statement shows it.' }),
  totalYen: yen().meta({ description: 'Subtotal plus tax: what is billed.', example: 132_000 }),
};

export const statementSummarySchema = z
  .object({
    month: month().meta({ example: '2026-10' }),
    status: statementStatusSchema,
    issuedAt: instant().nullable(),
    ...totals,
  })
  .meta({ id: 'StatementSummary', description: 'A month\'s statement in short: its totals. Get its lines at `/statements/{month}`.' });

export const statementSchema = z
  .object({
    month: month().meta({ example: '2026-10' }),
    status: statementStatusSchema,
    issuedAt: instant().nullable(),
    lines: z.array(statementLineSchema),
    reductions: z.array(reductionSchema),
    ...totals,
    unpricedDays: z.int().meta({ description: 'Days billed without a price in the list (billed 0, never guessed).' }),
    today: z
      .object({ totalYen: yen(), differenceYen: yen().meta({ description: 'Today\'s total less the issued total.' }) })
      .nullable()
      .meta({ description: 'An issued month: the total today\'s records would give, and the difference (the statement stays as issued); null otherwise.' }),
  })
  .meta({ id: 'Statement', description: 'A month\'s statement (Art. 7, 8; App. 2, 3): its lines, SLA reductions and totals with tax.' });

export const monthParam = month();

function lineOf(line: StatementLine): z.output<typeof statementLineSchema> {
  const none = { item: null, firstDay: null, lastDay: null, days: null, daysInMonth: null, monthlyFeeYen: null, owedOn: null, pending: false };
  if (line.type === 'basic' || line.type === 'monthly') {
    const { fee } = line;
    return {
      ...none,
      type: line.type,
      contractNumber: line.contractNumber,
      optionCode: line.type === 'monthly' ? line.optionCode : null,
      kind: line.type === 'monthly' ? line.kind : null,
      item: line.type === 'monthly' ? line.item : null,
      firstDay: fee.firstDay,
      lastDay: fee.lastDay,
      days: fee.days,
      daysInMonth: fee.daysInMonth,
      monthlyFeeYen: fee.monthlyFeeYen,
      amountYen: line.amountYen,
    };
  }
  return { ...none, type: line.type, contractNumber: line.contractNumber, optionCode: line.optionCode, kind: line.kind, owedOn: line.owedOn, pending: line.pending === true, amountYen: line.amountYen };
}

function statusOf(view: StatementView, today: string): z.output<typeof statementStatusSchema> {
  if (view.issued) return 'issued';
  return issueMonthRefusal(view.statement.month, today) === null ? 'not_issued' : 'in_progress';
}

export function statementSummaryOf(month: string, view: StatementView, today: string): z.output<typeof statementSummarySchema> {
  const s: Statement = view.statement;
  return { month, status: statusOf(view, today), issuedAt: view.issued ? iso(view.issued.issuedAt) : null, subtotalYen: s.subtotalYen, taxYen: s.taxYen, totalYen: s.totalYen };
}

export function statementOf(month: string, view: StatementView, today: string): z.output<typeof statementSchema> {
  const s = view.statement;
  return {
    ...statementSummaryOf(month, view, today),
    lines: s.lines.map(lineOf),
    reductions: s.reductions.map((r) => ({ contractNumber: r.contractNumber, claimedYen: r.claimedYen, appliedYen: r.appliedYen, cappedYen: r.cappedYen, basicMonthlyFeeYen: r.basicMonthlyFeeYen })),
    unpricedDays: s.unpriced,
    today: view.issued ? { totalYen: view.today.totalYen, differenceYen: view.today.differenceYen } : null,
  };
}
