import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { heldOn, heldOptions } from '@/lib/contract/lock';
import { readApplicationPayload, readCancellationSummary, readChangePayload } from '@/lib/contract/payloads';
import type { ContractRow, OptionRow } from '@/lib/contract/rows';
import { toContractState } from '@/lib/contract/state';
import { japanDate, naptByPort, naptEligiblePorts, type CloudType, type Speed } from '@/lib/rules';
import {
  applications,
  auditLog,
  cancellationNotices,
  changeRequests,
  closedNetworks,
  customerUsers,
  customers,
  options,
  outages,
  pbbContracts,
  smarthubContracts,
  staffUsers,
} from '@/db/schema';

export type { ContractRow, OptionRow };

export interface NetworkOverview {
  network: typeof closedNetworks.$inferSelect;
  pbbContract: typeof pbbContracts.$inferSelect;
  contract: ContractRow | null;
  options: OptionRow[];
  declined?: typeof applications.$inferSelect | null;
}

/**
 * The customer's closed networks, each with its Smart HUB contract and options: the customer and
 * its networks are read together, then the options (no N+1); the declined applications only when
 * a network has no contract to show instead.
 */
export async function getCustomerOverview(db: DbOrTx, customerId: string, today: string) {
  const [[customer], networks] = await Promise.all([
    prepared(db, 'overview_customer', (d, name) =>
      d.select().from(customers).where(eq(customers.id, sql.placeholder('customerId'))).prepare(name),
    ).execute({ customerId }),
    prepared(db, 'overview_networks', (d, name) =>
      d
        .select({ network: closedNetworks, pbbContract: pbbContracts, contract: smarthubContracts })
        .from(closedNetworks)
        .innerJoin(pbbContracts, eq(pbbContracts.id, closedNetworks.pbbContractId))
        .leftJoin(
          smarthubContracts,
          and(
            eq(smarthubContracts.closedNetworkId, closedNetworks.id),
            eq(smarthubContracts.customerId, sql.placeholder('customerId')),
            ne(smarthubContracts.status, 'ended'),
          ),
        )
        .where(eq(closedNetworks.customerId, sql.placeholder('customerId')))
        .orderBy(asc(closedNetworks.networkCode))
        .prepare(name),
    ).execute({ customerId }),
  ]);
  if (!customer) return null;
  const contractIds = networks.flatMap((n) => (n.contract ? [n.contract.id] : []));
  const [optionRows, declined] = await Promise.all([
    // The options of the same contracts as above (the customer's contracts not ended), held today.
    contractIds.length
      ? prepared(db, 'overview_options', (d, name) =>
          d
            .select()
            .from(options)
            .where(
              and(
                eq(options.customerId, sql.placeholder('customerId')),
                inArray(
                  options.contractId,
                  d
                    .select({ id: smarthubContracts.id })
                    .from(smarthubContracts)
                    .where(and(eq(smarthubContracts.customerId, sql.placeholder('customerId')), ne(smarthubContracts.status, 'ended'))),
                ),
                heldOn(sql.placeholder('today')),
              ),
            )
            .orderBy(asc(options.createdAt), asc(options.code))
            .prepare(name),
        ).execute({ customerId, today })
      : [],
    // The latest declined application for a Smart HUB contract, per network without one, with IIJ's reason.
    contractIds.length < networks.length
      ? prepared(db, 'overview_declined', (d, name) =>
          d
            .select()
            .from(applications)
            .where(
              and(eq(applications.customerId, sql.placeholder('customerId')), eq(applications.type, 'new_contract'), eq(applications.status, 'rejected')),
            )
            .orderBy(desc(applications.decidedAt))
            .prepare(name),
        ).execute({ customerId })
      : [],
  ]);
  const byContract = new Map<string, OptionRow[]>();
  for (const o of optionRows) byContract.set(o.contractId, [...(byContract.get(o.contractId) ?? []), o]);
  const overview: NetworkOverview[] = networks.map((n) => ({
    ...n,
    options: n.contract ? (byContract.get(n.contract.id) ?? []) : [],
    declined: n.contract ? null : (declined.find((a) => a.closedNetworkId === n.network.id) ?? null),
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

/**
 * Everything the contract page shows, for one customer's contract. Every read names the customer,
 * so they run together with the contract's own (another customer's id finds nothing in any of
 * them); only the declined applications' options wait for those applications.
 */
export async function getContractPage(db: DbOrTx, params: { contractId: string; customerId: string; today: string }) {
  const { contractId, customerId } = params;
  const ids = { contractId, customerId };
  // Each read is prepared once (db/prepared.ts) and runs with the contract and the customer.
  const contract = sql.placeholder('contractId');
  const customer = sql.placeholder('customerId');
  const [[row], optionRows, pendingApplications, declined, pendingChanges, pendingCancellations, outageRows] = await Promise.all([
    prepared(db, 'contract_page_contract', (d, name) =>
      d
        .select({ contract: smarthubContracts, network: closedNetworks })
        .from(smarthubContracts)
        .innerJoin(closedNetworks, eq(closedNetworks.id, smarthubContracts.closedNetworkId))
        .where(and(eq(smarthubContracts.id, contract), eq(smarthubContracts.customerId, customer)))
        .prepare(name),
    ).execute(ids),
    heldOptions(db, { contractId, customerId, today: params.today }),
    prepared(db, 'contract_page_pending_applications', (d, name) =>
      d
        .select()
        .from(applications)
        .where(and(eq(applications.contractId, contract), eq(applications.customerId, customer), inArray(applications.status, ['submitted', 'accepted'])))
        .orderBy(desc(applications.submittedAt))
        .prepare(name),
    ).execute(ids),
    prepared(db, 'contract_page_declined', (d, name) =>
      d
        .select()
        .from(applications)
        .where(and(eq(applications.contractId, contract), eq(applications.customerId, customer), eq(applications.status, 'rejected')))
        .orderBy(desc(applications.decidedAt))
        .limit(10)
        .prepare(name),
    ).execute(ids),
    prepared(db, 'contract_page_pending_changes', (d, name) =>
      d
        .select({ request: changeRequests, optionCode: options.code, optionKind: options.kind })
        .from(changeRequests)
        .innerJoin(options, eq(options.id, changeRequests.optionId))
        .where(and(eq(options.contractId, contract), eq(changeRequests.customerId, customer), inArray(changeRequests.status, ['submitted', 'accepted'])))
        .orderBy(desc(changeRequests.submittedAt))
        .prepare(name),
    ).execute(ids),
    prepared(db, 'contract_page_pending_cancellations', (d, name) =>
      d
        .select()
        .from(cancellationNotices)
        .where(and(eq(cancellationNotices.contractId, contract), eq(cancellationNotices.customerId, customer), eq(cancellationNotices.status, 'pending')))
        .orderBy(asc(cancellationNotices.effectiveDate))
        .prepare(name),
    ).execute(ids),
    prepared(db, 'contract_page_outages', (d, name) =>
      d
        .select()
        .from(outages)
        .where(and(eq(outages.contractId, contract), eq(outages.customerId, customer)))
        .orderBy(desc(outages.startedAt))
        .limit(50)
        .prepare(name),
    ).execute(ids),
  ]);
  if (!row) return null;
  const declinedOptionIds = declined.flatMap((a) => readApplicationPayload(a.payload).optionIds);
  const declinedOptions = declinedOptionIds.length
    ? await db
        .select({ id: options.id, code: options.code, kind: options.kind })
        .from(options)
        .where(and(eq(options.customerId, customerId), inArray(options.id, declinedOptionIds)))
    : [];
  return {
    ...row,
    outages: outageRows,
    options: optionRows,
    // The JSON payloads read through their zod schemas (lib/contract/payloads), never cast.
    pendingApplications: pendingApplications.map((a) => ({ ...a, optionIds: readApplicationPayload(a.payload).optionIds })),
    pendingChanges: pendingChanges.map((c) => ({ ...c, change: readChangePayload(c.request.payload) })),
    pendingCancellations,
    declined: declined.map((a) => ({
      application: a,
      option: declinedOptions.find((o) => readApplicationPayload(a.payload).optionIds.includes(o.id)) ?? null,
    })),
  };
}

/** A public cloud port a new NAPT add-on may go to, with the NAPT it holds (pending ones included). */
export interface NaptPortChoice {
  id: string;
  code: string;
  cloudType: CloudType;
  speed: Speed;
  naptCount: number;
  totalSessions: number;
}

/**
 * The ports the add-NAPT form offers for one customer's contract: only those lib/rules allows
 * (naptEligiblePorts: public, not ending, fewer than eight NAPT), in the contract's order.
 * Another customer's contract finds none.
 */
export async function naptPortChoices(
  db: DbOrTx,
  customerId: string,
  contractId: string,
  today: string = japanDate(new Date()),
): Promise<NaptPortChoice[]> {
  const rows = await heldOptions(db, { contractId, customerId, today });
  // The number of designated-service contracts plays no part in which port may take a NAPT.
  const state = toContractState(1, rows);
  const eligible = new Set(naptEligiblePorts(state));
  const byPort = naptByPort(state.options);
  return rows.flatMap((r) => {
    if (!eligible.has(r.id) || !r.attributes.cloudType || !r.attributes.speed) return [];
    const napt = byPort.get(r.id);
    return [
      {
        id: r.id,
        code: r.code,
        cloudType: r.attributes.cloudType,
        speed: r.attributes.speed,
        naptCount: napt?.naptIds.length ?? 0,
        totalSessions: napt?.totalSessions ?? 0,
      },
    ];
  });
}

/** One option of one customer with its contract, for the change / cancel / cloud-info pages. */
export async function getOptionPage(db: DbOrTx, params: { optionId: string; customerId: string }) {
  const [row] = await db
    .select({ option: options, contract: smarthubContracts })
    .from(options)
    .innerJoin(smarthubContracts, eq(smarthubContracts.id, options.contractId))
    .where(and(eq(options.id, params.optionId), eq(options.customerId, params.customerId)));
  return row ?? null;
}

/** One closed network of one customer, for the page that applies for its Smart HUB contract. */
export async function getClosedNetwork(db: DbOrTx, params: { closedNetworkId: string; customerId: string }) {
  const [row] = await db
    .select()
    .from(closedNetworks)
    .where(and(eq(closedNetworks.id, params.closedNetworkId), eq(closedNetworks.customerId, params.customerId)));
  return row ?? null;
}

/** One cancellation notice of one customer, with what it cancels. */
export async function getCancellationReceipt(db: DbOrTx, params: { noticeId: string; customerId: string }) {
  const [row] = await db
    .select({ notice: cancellationNotices, contract: smarthubContracts })
    .from(cancellationNotices)
    .innerJoin(smarthubContracts, eq(smarthubContracts.id, cancellationNotices.contractId))
    .where(and(eq(cancellationNotices.id, params.noticeId), eq(cancellationNotices.customerId, params.customerId)));
  if (!row) return null;
  const [option] = row.notice.optionId
    ? await db
        .select()
        .from(options)
        .where(and(eq(options.id, row.notice.optionId), eq(options.customerId, params.customerId)))
    : [];
  // What the customer saw and confirmed, read through its zod schema (null when nothing readable was kept).
  return { ...row, option: option ?? null, summary: readCancellationSummary(row.notice.summary) };
}

/** The customer's activity: audit rows of their account, newest first, with who acted. */
export async function listActivity(db: DbOrTx, customerId: string, limit = 200) {
  return db
    .select({
      entry: auditLog,
      customerUserName: customerUsers.name,
      staffUserName: staffUsers.name,
    })
    .from(auditLog)
    .leftJoin(customerUsers, and(eq(auditLog.actorType, 'customer_user'), eq(customerUsers.id, auditLog.actorId)))
    .leftJoin(staffUsers, and(eq(auditLog.actorType, 'staff_user'), eq(staffUsers.id, auditLog.actorId)))
    .where(and(eq(auditLog.customerId, customerId), ne(auditLog.action, 'support.page_view')))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
