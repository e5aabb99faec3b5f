// Applications (a new contract, an added option) and change requests (M2 upgrade, PBB item
// change), with the fees the customer was shown when submitting them, as kept with the request.
import { z } from 'zod';
import type { ApplicationRow, ChangeRequestRow } from '@/lib/contract/rows';
import { readApplicationPayload, readChangePayload } from '@/lib/contract/payloads';
import type { OptionKind } from '@/lib/rules';
import { instant, iso, isoOrNull, optionKindSchema, requestStatusSchema, yen } from './common';

export const feeLineSchema = z
  .object({
    kind: z.string().meta({ description: '`basic` (the Smart HUB basic fee) or an option kind.' }),
    item: z.string().meta({ description: 'The price-list item (empty where the kind has none).', example: '1G' }),
    initialYen: yen(),
    taxOnInitialYen: yen(),
    monthlyYen: yen(),
    taxOnMonthlyYen: yen(),
    oneTimeYen: yen(),
    minimumTermMonths: z.int().nullable().meta({ description: 'The minimum use period in months (3 for a port); null when there is none.' }),
    priced: z.boolean().meta({ description: 'False when the price list had no price for the item: its amounts are 0 and were shown as not set.' }),
  })
  .meta({ id: 'FeeLine', description: 'One line of fees, each amount excluding tax with its consumption tax beside it (10%, rounded down).' });

export const orderFeesSchema = z
  .object({
    fees: z.array(feeLineSchema),
    totalInitialYen: yen(),
    taxOnTotalInitialYen: yen(),
    totalMonthlyYen: yen(),
    taxOnTotalMonthlyYen: yen(),
  })
  .meta({ id: 'OrderFees', description: 'The fees shown when the application was submitted: its lines and totals, each with its tax.' });

export const applicationSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(['new_contract', 'add_option']).meta({ description: '`new_contract`: a Smart HUB contract for a closed network; `add_option`: options added to a contract.' }),
    closedNetworkId: z.uuid(),
    contractId: z.uuid().nullable().meta({ description: 'The contract applied for or added to.' }),
    status: requestStatusSchema,
    optionIds: z.array(z.uuid()).meta({ description: 'The options applied for (a public cloud port comes with its NAPT add-ons).' }),
    fees: orderFeesSchema.nullable().meta({ description: 'The fees shown when it was submitted; null on applications that kept none.' }),
    submittedAt: instant(),
    decidedAt: instant().nullable(),
    decisionReason: z.string().nullable().meta({ description: 'IIJ\'s reason, when it was rejected.' }),
  })
  .meta({ id: 'Application', description: 'An application for a new Smart HUB contract or for new options (Art. 2, 4.1).' });

export const changeRequestSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(['change_speed', 'change_item']).meta({ description: '`change_speed`: an M2 public port upgrade (Art. 4.4); `change_item`: a PBB expansion\'s or another option\'s item (Art. 4.5).' }),
    option: z.object({ id: z.uuid(), code: z.string(), kind: optionKindSchema }).meta({ description: 'The option changed.' }),
    status: requestStatusSchema,
    change: z
      .object({
        from: z.string().meta({ example: '100M' }),
        to: z.string().meta({ example: '1G' }),
        monthlyBeforeYen: yen(),
        taxOnMonthlyBeforeYen: yen(),
        monthlyAfterYen: yen(),
        taxOnMonthlyAfterYen: yen(),
        oneTimeYen: yen(),
        taxOnOneTimeYen: yen(),
      })
      .nullable()
      .meta({ description: 'What was asked and the fees shown (amounts excluding tax, each with its tax); null when the request kept nothing readable.' }),
    submittedAt: instant(),
    decidedAt: instant().nullable(),
    decisionReason: z.string().nullable().meta({ description: 'IIJ\'s reason, when it was rejected.' }),
  })
  .meta({ id: 'ChangeRequest', description: 'A request to change an option (Art. 4.4, 4.5).' });

export type Application = z.output<typeof applicationSchema>;
export type ChangeRequest = z.output<typeof changeRequestSchema>;

export function applicationOf(row: ApplicationRow): Application {
  const payload = readApplicationPayload(row.payload);
  const fees = payload.fees;
  return {
    id: row.id,
    type: row.type,
    closedNetworkId: row.closedNetworkId,
    contractId: row.contractId,
    status: row.status,
    optionIds: payload.optionIds,
    fees: fees
      ? {
          fees: fees.fees.map((f) => ({
            kind: f.kind,
            item: f.item,
            initialYen: f.initialYen,
            taxOnInitialYen: f.taxOnInitialYen,
            monthlyYen: f.monthlyYen,
            taxOnMonthlyYen: f.taxOnMonthlyYen,
            oneTimeYen: f.oneTimeYen,
            minimumTermMonths: f.minimumTermMonths,
            priced: f.priced,
          })),
          totalInitialYen: fees.totalInitialYen,
          taxOnTotalInitialYen: fees.taxOnTotalInitialYen,
          totalMonthlyYen: fees.totalMonthlyYen,
          taxOnTotalMonthlyYen: fees.taxOnTotalMonthlyYen,
        }
      : null,
    submittedAt: iso(row.submittedAt),
    decidedAt: isoOrNull(row.decidedAt),
    decisionReason: row.decisionReason,
  };
}

export function changeRequestOf(row: ChangeRequestRow, option: { id: string; code: string; kind: OptionKind }): ChangeRequest {
  const p = readChangePayload(row.payload);
  return {
    id: row.id,
    type: row.type,
    option: { id: option.id, code: option.code, kind: option.kind },
    status: row.status,
    change: p
      ? {
          from: p.from,
          to: p.to,
          monthlyBeforeYen: p.monthlyBeforeYen,
          taxOnMonthlyBeforeYen: p.taxOnMonthlyBeforeYen,
          monthlyAfterYen: p.monthlyAfterYen,
          taxOnMonthlyAfterYen: p.taxOnMonthlyAfterYen,
          oneTimeYen: p.oneTimeYen,
          taxOnOneTimeYen: p.taxOnOneTimeYen,
        }
      : null,
    submittedAt: iso(row.submittedAt),
    decidedAt: isoOrNull(row.decidedAt),
    decisionReason: row.decisionReason,
  };
}
