// Smart HUB contracts and their options, as the contract page shows them: the status as shown
// today (lib/rules statusOn), and a cloud connection key whole only for who may change it
// (lib/contracts/cloud-keys.ts attributesFor, decided by the actor's canWrite as on the page).
import { z } from 'zod';
import type { closedNetworks, OptionAttributes } from '@/db/schema';
import type { CustomerActor } from '@/lib/auth/access';
import type { ContractRow, OptionRow } from '@/lib/contract/rows';
import { attributesFor } from '@/lib/contracts/cloud-keys';
import { displayStatus } from '@/lib/contracts/state';
import { day, instant, iso, optionKindSchema, shownStatusSchema } from './common';

export const contractSchema = z
  .object({
    id: z.uuid(),
    contractNumber: z.string().meta({ example: 'SH-000101' }),
    closedNetwork: z
      .object({ id: z.uuid(), networkCode: z.string().meta({ example: 'CN-0101-HQ' }), name: z.string() })
      .meta({ description: 'The closed network the contract serves (one contract per network).' }),
    status: shownStatusSchema,
    billingStartDate: day().nullable().meta({ description: 'The first day billed; null until IIJ sets it.', example: '2026-09-24' }),
    endsOn: day().nullable().meta({ description: 'The last day of service and billing when a cancellation is pending or took effect; null otherwise.' }),
    createdAt: instant(),
  })
  .meta({ id: 'Contract', description: 'A Smart HUB contract of the customer.' });

export const optionAttributesSchema = z
  .object({
    cloudType: z.enum(['A_PRIVATE', 'A_PUBLIC', 'M_PRIVATE', 'M_PUBLIC', 'M2_PUBLIC']).optional().meta({ description: 'A cloud port\'s cloud and connection type.' }),
    speed: z.enum(['100M', '300M', '500M', '1G', '2G', '5G', '10G']).optional().meta({ description: 'A port\'s or expansion\'s bandwidth.' }),
    line: z.enum(['optical', 'individual']).optional().meta({ description: 'An on-premises port\'s line.' }),
    sessions: z.int().optional().meta({ description: 'A NAPT add-on\'s or firewall\'s sessions.' }),
    dataCentre: z.string().optional(),
    rack: z.string().optional(),
    cloudAccountId: z.string().optional().meta({ description: 'A cloud port\'s cloud account or subscription id.' }),
    cloudConnectionKey: z
      .string()
      .optional()
      .meta({
        description:
          'A cloud port\'s connection key (service key, pairing key): whole only for a read-write key of an administrator (who may change it); anyone else gets it masked, as the portal shows it: `••••••••` and its last 4 characters.',
        example: '••••••••q-01',
      }),
  })
  .meta({ id: 'OptionAttributes', description: 'What the option is: the attributes its kind has (others are absent).' });

export const optionSchema = z
  .object({
    id: z.uuid(),
    code: z.string().meta({ description: 'The option\'s code, quoted to support.', example: 'SH-O-000102' }),
    contractId: z.uuid(),
    kind: optionKindSchema,
    attributes: optionAttributesSchema,
    portId: z.uuid().nullable().meta({ description: 'A NAPT add-on\'s public cloud port; null for every other kind.' }),
    status: shownStatusSchema,
    billingStartDate: day().nullable().meta({ description: 'The first day billed; null until IIJ sets it.' }),
    endsOn: day().nullable().meta({ description: 'The last day of service and billing when a cancellation is pending or took effect; null otherwise.' }),
    createdAt: instant(),
  })
  .meta({ id: 'Option', description: 'An option of a Smart HUB contract (a port, an add-on, an expansion).' });

export const optionSummarySchema = z
  .object({ id: z.uuid(), code: z.string(), kind: optionKindSchema, status: shownStatusSchema, endsOn: day().nullable() })
  .meta({ id: 'OptionSummary', description: 'An option, in short: get it whole at `/options/{optionId}`.' });

export const contractDetailSchema = contractSchema
  .extend({
    options: z.array(optionSummarySchema).meta({ description: 'The options the contract holds today (not ended), as its page lists them.' }),
  })
  .meta({ id: 'ContractDetail', description: 'A Smart HUB contract with the options it holds today.' });

export type Contract = z.output<typeof contractSchema>;
export type Option = z.output<typeof optionSchema>;

type NetworkRow = Pick<typeof closedNetworks.$inferSelect, 'id' | 'networkCode' | 'name'>;

export function contractOf(row: ContractRow, network: NetworkRow, today: string): Contract {
  return {
    id: row.id,
    contractNumber: row.contractNumber,
    closedNetwork: { id: network.id, networkCode: network.networkCode, name: network.name },
    status: displayStatus(row, today),
    billingStartDate: row.billingStartDate,
    endsOn: row.endsOn,
    createdAt: iso(row.createdAt),
  };
}

/** Only the attributes the document names, in its shape (a stray key in the JSON column stays out). */
function attributesOf(a: OptionAttributes): Option['attributes'] {
  const out: Option['attributes'] = {};
  if (a.cloudType !== undefined) out.cloudType = a.cloudType;
  if (a.speed !== undefined) out.speed = a.speed;
  if (a.line !== undefined) out.line = a.line;
  if (a.sessions !== undefined) out.sessions = a.sessions;
  if (a.dataCentre !== undefined) out.dataCentre = a.dataCentre;
  if (a.rack !== undefined) out.rack = a.rack;
  if (a.cloudAccountId !== undefined) out.cloudAccountId = a.cloudAccountId;
  if (a.cloudConnectionKey !== undefined) out.cloudConnectionKey = a.cloudConnectionKey;
  return out;
}

/** An option as `actor` may see it: the connection key masked unless they may change it, as on the contract page. */
export function optionOf(row: OptionRow, actor: CustomerActor, today: string): Option {
  const shown = attributesFor(row, actor.canWrite);
  return {
    id: row.id,
    code: row.code,
    contractId: row.contractId,
    kind: row.kind,
    attributes: attributesOf(shown.attributes),
    portId: row.portId,
    status: displayStatus(row, today),
    billingStartDate: row.billingStartDate,
    endsOn: row.endsOn,
    createdAt: iso(row.createdAt),
  };
}

export function optionSummaryOf(row: OptionRow, today: string): z.output<typeof optionSummarySchema> {
  return { id: row.id, code: row.code, kind: row.kind, status: displayStatus(row, today), endsOn: row.endsOn };
}
