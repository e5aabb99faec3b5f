import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { closedNetworks, customers, options, pbbContracts, smarthubContracts } from '@/db/schema';

export type OptionRow = typeof options.$inferSelect;
export type ContractRow = typeof smarthubContracts.$inferSelect;

export interface NetworkOverview {
  network: typeof closedNetworks.$inferSelect;
  pbbContract: typeof pbbContracts.$inferSelect;
  contract: ContractRow | null;
  options: OptionRow[];
}

/** The customer's closed networks, each with its Smart HUB contract and options (3 queries, no N+1). */
export async function getCustomerOverview(db: DbOrTx, customerId: string) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) return null;
  const networks = await db
    .select({ network: closedNetworks, pbbContract: pbbContracts, contract: smarthubContracts })
    .from(closedNetworks)
    .innerJoin(pbbContracts, eq(pbbContracts.id, closedNetworks.pbbContractId))
    .leftJoin(
      smarthubContracts,
      and(eq(smarthubContracts.closedNetworkId, closedNetworks.id), eq(smarthubContracts.customerId, customerId)),
    )
    .where(eq(closedNetworks.customerId, customerId))
    .orderBy(asc(closedNetworks.networkCode));
  const contractIds = networks.flatMap((n) => (n.contract ? [n.contract.id] : []));
  const optionRows = contractIds.length
    ? await db
        .select()
        .from(options)
        .where(and(eq(options.customerId, customerId), inArray(options.contractId, contractIds), ne(options.status, 'ended')))
        .orderBy(asc(options.code))
    : [];
  const overview: NetworkOverview[] = networks.map((n) => ({
    ...n,
    options: n.contract ? optionRows.filter((o) => o.contractId === n.contract?.id) : [],
  }));
  return { customer, networks: overview };
}

/** One Smart HUB contract of one customer; another customer's id finds nothing. */
export async function getContract(db: DbOrTx, params: { contractId: string; customerId: string }) {
  const [row] = await db
    .select()
    .from(smarthubContracts)
    .where(and(eq(smarthubContracts.id, params.contractId), eq(smarthubContracts.customerId, params.customerId)));
  return row ?? null;
}
