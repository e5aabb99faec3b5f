// What a preview answers, as zod schemas for the OpenAPI document and the tests: exactly the
// review the forms show (lib/contract/types.ts), field by field. The checks at the end fail to
// compile when a field's type differs; the API tests check every answer against the document.
import { z } from 'zod';
import type { CancellationPreview, ChangePreview, OrderPreview } from '@/lib/contract/types';
import { feeLineSchema } from './representations/requests';

const yen = (description: string) => z.number().int().meta({ description: `${description} (yen)` });
const day = (description: string) => z.iso.date().meta({ description });

const interruption = z
  .object({
    portId: z.uuid(),
    portCode: z.string(),
    speed: z.string(),
    sessionsBefore: z.number().int(),
    sessionsAfter: z.number().int(),
  })
  .meta({ id: 'PortInterruption', description: 'A running port whose NAPT session total the change moves across a threshold: it stops for about five minutes when the change is applied.' });

// The same FeeLine the applications' stored fees use (one component in the document).
const feeLine = feeLineSchema;

export const orderPreviewSchema = z
  .object({
    fees: z.array(feeLine),
    totalInitialYen: yen('Total initial fees, tax excluded'),
    totalMonthlyYen: yen('Total monthly fees, tax excluded'),
    taxOnTotalInitialYen: yen('Tax on the total initial fees'),
    taxOnTotalMonthlyYen: yen('Tax on the total monthly fees'),
    interruptions: z.array(interruption).optional(),
  })
  .meta({ id: 'OrderPreview', description: 'The fees of a new contract or added options (R-FEES, R-MIN-TERM), as the application form reviews them.' });

export const changePreviewSchema = z
  .object({
    type: z.enum(['change_speed', 'change_item']),
    from: z.string(),
    to: z.string(),
    monthlyBeforeYen: yen('Monthly fee before, tax excluded'),
    taxOnMonthlyBeforeYen: yen('Its tax'),
    monthlyAfterYen: yen('Monthly fee after, tax excluded'),
    taxOnMonthlyAfterYen: yen('Its tax'),
    oneTimeYen: yen('One-time fee of the change, tax excluded'),
    taxOnOneTimeYen: yen('Its tax'),
  })
  .meta({ id: 'ChangePreview', description: 'An M2 public port interface upgrade (Art. 4.4) or a PBB item change (Art. 4.5), with its fees.' });

const earlyTermination = z
  .object({
    lastDay: day('Last day of the minimum use period').nullable(),
    months: z.array(z.object({ month: z.string().meta({ description: 'YYYY-MM' }), days: z.number().int(), daysInMonth: z.number().int() })),
    totalYen: yen('The early termination charge: each charged day costs monthly / days in its month; the exact sum rounded down once'),
  })
  .meta({ id: 'EarlyTermination', description: 'R-ETF with its arithmetic (Art. 8, App. 3).' });

const endingOption = z
  .object({
    optionId: z.uuid(),
    code: z.string(),
    kind: z.string(),
    attributes: z.record(z.string(), z.unknown()).meta({ description: 'The option as ordered (a cloud connection key is never included)' }),
    billingStartDate: day('Billing start date').nullable(),
    endsOn: day("The option's last day under this notice").optional(),
    minimumTermLastDay: day('Last day of its minimum use period').nullable(),
    monthlyFeeYen: yen('Monthly fee, tax excluded'),
    earlyTermination: earlyTermination.nullable(),
    endsWithPort: z.string().optional().meta({ description: "A NAPT add-on ending with its port: the port's code" }),
    endsEarlier: z.boolean().optional(),
  })
  .meta({ id: 'EndingOption' });

export const cancellationPreviewSchema = z
  .object({
    noticeDate: day('The day the notice reaches IIJ (today in Japan)'),
    earliestDate: day('The notice date + 30 days: the earliest effective date'),
    requestedDate: day('The date asked for').nullable(),
    effectiveDate: day('The last day of service and billing (R-EFFECTIVE-DATE)'),
    latestRequestableDate: day('The latest date that may be asked for'),
    withdrawableUntil: day('The last day the notice may be withdrawn').optional(),
    ending: z.array(endingOption),
    totalEarlyTerminationYen: yen('Total early termination charge, tax excluded'),
    taxOnEarlyTerminationYen: yen('Its tax'),
    cheapest: z
      .object({ date: day('A later end date that owes less'), totalEarlyTerminationYen: yen('What would still be owed then'), savesYen: yen('The difference') })
      .optional()
      .meta({ description: 'The cheapest end date, when a later one owes less' }),
    interruptions: z.array(interruption).optional(),
  })
  .meta({ id: 'CancellationPreview', description: 'A cancellation as the form reviews it: the effective date, every option that ends, the early termination charge with its arithmetic, and the cheapest end date.' });

// A review type's fields have the types described above (these fail to compile otherwise).
export const schemaCovers = {
  order: (p: OrderPreview): z.input<typeof orderPreviewSchema> => p,
  change: (p: ChangePreview): z.input<typeof changePreviewSchema> => p,
  cancellation: (p: CancellationPreview): z.input<typeof cancellationPreviewSchema> => p,
};
