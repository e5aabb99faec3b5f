import { z } from 'zod';
import type { closedNetworks } from '@/db/schema';
import { instant, iso } from './common';

export const closedNetworkSchema = z
  .object({
    id: z.uuid(),
    networkCode: z.string().meta({ example: 'CN-0101-HQ' }),
    name: z.string(),
    pbbContractId: z.uuid().meta({ description: 'The designated-service (Private Backbone) contract the network belongs to.' }),
    createdAt: instant(),
  })
  .meta({ id: 'ClosedNetwork', description: 'A closed network of the customer, joined to its designated-service (Private Backbone) contract.' });

export type ClosedNetwork = z.output<typeof closedNetworkSchema>;

export const closedNetworkOf = (row: typeof closedNetworks.$inferSelect): ClosedNetwork => ({
  id: row.id,
  networkCode: row.networkCode,
  name: row.name,
  pbbContractId: row.pbbContractId,
  createdAt: iso(row.createdAt),
});
