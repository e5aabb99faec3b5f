// Cancellation notices as the customer's receipt shows them: what is cancelled, when the notice
// arrived, the requested and effective dates, its status today, until when it may be withdrawn,
// and what was confirmed with it: the options ending and their early termination charges, with
// the arithmetic and the tax, as kept with the notice.
import { z } from 'zod';
import type { ContractRow, NoticeRow, OptionRow } from '@/lib/contract/rows';
import type { CancellationSummary } from '@/lib/contract/types';
import { lastWithdrawalDate, noticeStatusOn } from '@/lib/rules';
import { day, instant, iso, isoOrNull, optionKindSchema, yen } from './common';

const endingSchema = z
  .object({
    optionId: z.uuid(),
    code: z.string(),
    kind: z.string().meta({ description: 'The option kind (see OptionKind).' }),
    billingStartDate: day().nullable(),
    endsOn: day().nullable().meta({ description: 'Its last day under this notice (one already ending earlier keeps its own).' }),
    minimumTermLastDay: day().nullable().meta({ description: 'The last day of its minimum use period; null when it has none.' }),
    monthlyFeeYen: yen().meta({ description: 'Its monthly fee, excluding tax.' }),
    earlyTermination: z
      .object({
        lastDay: day().nullable(),
        months: z
          .array(z.object({ month: z.string().meta({ example: '2027-01' }), days: z.int(), daysInMonth: z.int() }))
          .meta({ description: 'The days charged after the last day of service, per calendar month: each day costs the monthly fee / days in that month.' }),
        totalYen: yen().meta({ description: 'The exact sum, rounded down once (excluding tax).' }),
      })
      .nullable()
      .meta({ description: 'The early termination charge with its arithmetic (R-ETF); null when the option has no minimum use period or had not started billing.' }),
    endsWithPort: z.string().nullable().meta({ description: 'A NAPT add-on ending with its public cloud port: the port\'s code (it owes nothing).' }),
  })
  .meta({ id: 'CancellationEnding', description: 'An option that ends with the notice.' });

export const cancellationSchema = z
  .object({
    id: z.uuid(),
    contract: z.object({ id: z.uuid(), contractNumber: z.string() }),
    option: z
      .object({ id: z.uuid(), code: z.string(), kind: optionKindSchema })
      .nullable()
      .meta({ description: 'The option cancelled; null when the notice cancels the whole contract.' }),
    receivedAt: instant().meta({ description: 'When the notice reached IIJ.' }),
    requestedDate: day().nullable().meta({ description: 'The last day asked for; null when the earliest possible was asked.' }),
    effectiveDate: day().meta({ description: 'The last day of service and billing.', example: '2027-03-31' }),
    status: z
      .enum(['pending', 'withdrawn', 'effective'])
      .meta({ description: 'As the receipt shows it today: `pending` (until its effective date), `withdrawn`, `effective` (its last day has passed).' }),
    withdrawnAt: instant().nullable(),
    withdrawableUntil: day()
      .nullable()
      .meta({ description: 'While pending: the last day it may be withdrawn (the portal refuses later); null otherwise.' }),
    confirmed: z
      .object({
        noticeDate: day().meta({ description: 'The day the notice arrived (Japan).' }),
        earliestDate: day().meta({ description: 'Arrival + 30 days: the earliest effective date it could have had.' }),
        ending: z.array(endingSchema),
        totalEarlyTerminationYen: yen().meta({ description: 'Every early termination charge of the notice, excluding tax (owed on the effective date).' }),
        taxOnEarlyTerminationYen: yen().meta({ description: 'Its consumption tax (10%, rounded down).' }),
      })
      .nullable()
      .meta({ description: 'What the customer saw and confirmed with the notice; null on notices that kept nothing readable.' }),
  })
  .meta({ id: 'Cancellation', description: 'A cancellation notice of an option or of a whole Smart HUB contract (Art. 4.6, 6.1).' });

export type Cancellation = z.output<typeof cancellationSchema>;

export function cancellationOf(
  notice: NoticeRow,
  contract: Pick<ContractRow, 'id' | 'contractNumber'>,
  option: Pick<OptionRow, 'id' | 'code' | 'kind'> | null,
  summary: CancellationSummary | null,
  today: string,
): Cancellation {
  const status = noticeStatusOn(notice, today);
  return {
    id: notice.id,
    contract: { id: contract.id, contractNumber: contract.contractNumber },
    option: option ? { id: option.id, code: option.code, kind: option.kind } : null,
    receivedAt: iso(notice.receivedAt),
    requestedDate: notice.requestedDate,
    effectiveDate: notice.effectiveDate,
    status,
    withdrawnAt: isoOrNull(notice.withdrawnAt),
    withdrawableUntil: status === 'pending' ? lastWithdrawalDate(notice.effectiveDate) : null,
    confirmed: summary
      ? {
          noticeDate: summary.noticeDate,
          earliestDate: summary.earliestDate,
          ending: summary.ending.map((e) => ({
            optionId: e.optionId,
            code: e.code,
            kind: e.kind,
            billingStartDate: e.billingStartDate,
            endsOn: e.endsOn ?? null,
            minimumTermLastDay: e.minimumTermLastDay,
            monthlyFeeYen: e.monthlyFeeYen,
            earlyTermination: e.earlyTermination
              ? { lastDay: e.earlyTermination.lastDay, months: e.earlyTermination.months.map((m) => ({ month: m.month, days: m.days, daysInMonth: m.daysInMonth })), totalYen: e.earlyTermination.totalYen }
              : null,
            endsWithPort: e.endsWithPort ?? null,
          })),
          totalEarlyTerminationYen: summary.totalEarlyTerminationYen,
          taxOnEarlyTerminationYen: summary.taxOnEarlyTerminationYen,
        }
      : null,
  };
}
