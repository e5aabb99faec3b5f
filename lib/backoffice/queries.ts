// Staff queries: they read across customers (the back office's queues and lists), so they are
// kept apart from the customer queries, which always filter by the customer (style.md).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  applications,
  cancellationNotices,
  changeRequests,
  closedNetworks,
  customers,
  options,
  outages,
  pbbContracts,
  prices,
  smarthubContracts,
  type OptionAttributes,
} from '@/db/schema';
import { heldOn } from '@/lib/contract/lock';
import { readApplicationPayload, readCancellationSummary, readChangePayload } from '@/lib/contract/payloads';
import type { OptionRow } from '@/lib/contract/rows';
import { toContractState } from '@/lib/contract/state';
import type { PortInterruption } from '@/lib/contract/types';
import { japanDate, naptInterruptions } from '@/lib/rules';
import { applicationChange } from './application-change';

const customerColumns = { code: customers.code, name: customers.name };

export interface QueueOption {
  id: string;
  code: string;
  kind: string;
  attributes: OptionAttributes;
  /** A NAPT add-on's public cloud port. */
  portId: string | null;
  /** That port's code: in the same application, or held by the contract. */
  portCode: string | null;
}

interface QueueBase {
  id: string;
  status: 'submitted' | 'accepted';
  submittedAt: Date;
  decidedAt: Date | null;
  customer: { code: string; name: string };
  contractNumber: string;
}

export type QueueItem =
  | (QueueBase & {
      source: 'application';
      type: 'new_contract' | 'add_option';
      options: QueueOption[];
      /** The initial fees the customer was shown on applying. */
      initialYenAsApplied: number | null;
      /**
       * The running ports of the contract this application interrupts when it is provisioned
       * (lib/rules naptInterruptions, judged on today's options): each stops for about five minutes.
       */
      interruptions: PortInterruption[];
    })
  | (QueueBase & {
      source: 'change';
      type: 'change_speed' | 'change_item';
      option: QueueOption;
      from: string;
      to: string;
      oneTimeYenAsApplied: number | null;
    });

const waiting = ['submitted', 'accepted'] as const;

function queueOption(o: OptionRow, codes: ReadonlyMap<string, string>): QueueOption {
  return { id: o.id, code: o.code, kind: o.kind, attributes: o.attributes, portId: o.portId, portCode: o.portId ? (codes.get(o.portId) ?? null) : null };
}

/** The running ports an application interrupts: its options judged on the contract's other held options. */
function applicationInterruptions(type: 'new_contract' | 'add_option', applied: OptionRow[], held: OptionRow[]): PortInterruption[] {
  if (applied.length === 0) return [];
  const ids = new Set(applied.map((o) => o.id));
  const others = held.filter((o) => !ids.has(o.id));
  const codes = new Map(held.map((o) => [o.id, o.code] as const));
  // The count of designated-service contracts does not move a NAPT total; 1 keeps the state well-formed.
  return naptInterruptions(toContractState(1, others), applicationChange(type, applied)).map((i) => ({
    portId: i.portId,
    portCode: codes.get(i.portId) ?? '',
    speed: i.speed,
    sessionsBefore: i.sessionsBefore,
    sessionsAfter: i.sessionsAfter,
  }));
}

/** Applications and change requests of every customer waiting for an operator, oldest first (4 queries). */
export async function listApplicationQueueForStaff(db: DbOrTx, today: string = japanDate(new Date())): Promise<QueueItem[]> {
  const apps = await db
    .select({ application: applications, customer: customerColumns, contractNumber: smarthubContracts.contractNumber })
    .from(applications)
    .innerJoin(customers, eq(customers.id, applications.customerId))
    .innerJoin(smarthubContracts, eq(smarthubContracts.id, applications.contractId))
    .where(inArray(applications.status, [...waiting]))
    .orderBy(asc(applications.submittedAt));
  const optionIds = apps.flatMap(({ application }) => readApplicationPayload(application.payload).optionIds);
  const optionRows = optionIds.length ? await db.select().from(options).where(inArray(options.id, optionIds)) : [];
  const byId = new Map(optionRows.map((o) => [o.id, o] as const));
  // The options held today by the contracts applied to: the state each application is judged on.
  const contractIds = [...new Set(apps.flatMap(({ application }) => (application.contractId ? [application.contractId] : [])))];
  const heldRows = contractIds.length
    ? await db
        .select()
        .from(options)
        .where(and(inArray(options.contractId, contractIds), heldOn(today)))
        .orderBy(asc(options.createdAt), asc(options.code))
    : [];
  const changes = await db
    .select({
      request: changeRequests,
      customer: customerColumns,
      option: { id: options.id, code: options.code, kind: options.kind, attributes: options.attributes, portId: options.portId },
      contractNumber: smarthubContracts.contractNumber,
    })
    .from(changeRequests)
    .innerJoin(customers, eq(customers.id, changeRequests.customerId))
    .innerJoin(options, eq(options.id, changeRequests.optionId))
    .innerJoin(smarthubContracts, eq(smarthubContracts.id, options.contractId))
    .where(inArray(changeRequests.status, [...waiting]))
    .orderBy(asc(changeRequests.submittedAt));

  const items: QueueItem[] = [
    ...apps.map(({ application: a, customer, contractNumber }): QueueItem => {
      const payload = readApplicationPayload(a.payload);
      const held = heldRows.filter((o) => o.contractId === a.contractId && o.customerId === a.customerId);
      const applied = payload.optionIds.flatMap((id) => byId.get(id) ?? []);
      const codes = new Map([...held, ...applied].map((o) => [o.id, o.code] as const));
      return {
        source: 'application',
        id: a.id,
        type: a.type,
        status: a.status as 'submitted' | 'accepted',
        submittedAt: a.submittedAt,
        decidedAt: a.decidedAt,
        customer,
        contractNumber,
        options: applied.map((o) => queueOption(o, codes)),
        initialYenAsApplied: payload.fees?.totalInitialYen ?? null,
        interruptions: applicationInterruptions(a.type, applied, held),
      };
    }),
    ...changes.map(({ request: r, customer, option, contractNumber }): QueueItem => {
      const payload = readChangePayload(r.payload);
      return {
        source: 'change',
        id: r.id,
        type: r.type,
        status: r.status as 'submitted' | 'accepted',
        submittedAt: r.submittedAt,
        decidedAt: r.decidedAt,
        customer,
        contractNumber,
        // A NAPT never changes its size (R-ITEM-CHANGE), so no change request names a port.
        option: { ...option, portCode: null },
        from: payload?.from ?? '',
        to: payload?.to ?? '',
        oneTimeYenAsApplied: payload?.oneTimeYen ?? null,
      };
    }),
  ];
  return items.sort((x, y) => x.submittedAt.getTime() - y.submittedAt.getTime() || x.id.localeCompare(y.id));
}

export interface NoticeListItem {
  id: string;
  status: 'pending' | 'withdrawn' | 'effective';
  receivedAt: Date;
  effectiveDate: string;
  customer: { code: string; name: string };
  contractNumber: string;
  option: { code: string; kind: string } | null;
  /** The NAPT add-ons this notice of a port ends with it on its date (R-NAPT-PER-PORT), by code. */
  endingWithPort: string[];
  totalEarlyTerminationYen: number;
}

async function listNotices(db: DbOrTx, status: 'pending' | 'effective', limit: number): Promise<NoticeListItem[]> {
  const rows = await db
    .select({
      notice: cancellationNotices,
      customer: customerColumns,
      contractNumber: smarthubContracts.contractNumber,
      optionCode: options.code,
      optionKind: options.kind,
    })
    .from(cancellationNotices)
    .innerJoin(customers, eq(customers.id, cancellationNotices.customerId))
    .innerJoin(smarthubContracts, eq(smarthubContracts.id, cancellationNotices.contractId))
    .leftJoin(options, eq(options.id, cancellationNotices.optionId))
    .where(eq(cancellationNotices.status, status))
    .orderBy(
      status === 'pending' ? asc(cancellationNotices.effectiveDate) : desc(cancellationNotices.effectiveDate),
      asc(cancellationNotices.receivedAt),
    )
    .limit(limit);
  return rows.map(({ notice, customer, contractNumber, optionCode, optionKind }) => {
    const summary = readCancellationSummary(notice.summary);
    return {
      id: notice.id,
      status: notice.status,
      receivedAt: notice.receivedAt,
      effectiveDate: notice.effectiveDate,
      customer,
      contractNumber,
      option: optionCode && optionKind ? { code: optionCode, kind: optionKind } : null,
      endingWithPort: (summary?.ending ?? []).filter((e) => e.endsWithPort && !e.endsEarlier).map((e) => e.code),
      totalEarlyTerminationYen: summary?.totalEarlyTerminationYen ?? 0,
    };
  });
}

/** Pending cancellation notices of every customer, the soonest effective first. */
export function listPendingCancellationsForStaff(db: DbOrTx, limit = 500) {
  return listNotices(db, 'pending', limit);
}

/** Notices that have taken effect, the latest first. */
export function listEffectiveCancellationsForStaff(db: DbOrTx, limit = 20) {
  return listNotices(db, 'effective', limit);
}

/** Every designated-service contract with its customer and closed networks (2 queries). */
export async function listPbbContractsForStaff(db: DbOrTx) {
  const rows = await db
    .select({ pbb: pbbContracts, customer: customerColumns })
    .from(pbbContracts)
    .innerJoin(customers, eq(customers.id, pbbContracts.customerId))
    .orderBy(asc(customers.code), asc(pbbContracts.contractNumber));
  const networks = await db
    .select({ pbbContractId: closedNetworks.pbbContractId, networkCode: closedNetworks.networkCode })
    .from(closedNetworks)
    .orderBy(asc(closedNetworks.networkCode));
  const activeByCustomer = new Map<string, number>();
  for (const { pbb } of rows) {
    if (pbb.status === 'active') activeByCustomer.set(pbb.customerId, (activeByCustomer.get(pbb.customerId) ?? 0) + 1);
  }
  return rows.map(({ pbb, customer }) => ({
    ...pbb,
    customer,
    networks: networks.filter((n) => n.pbbContractId === pbb.id).map((n) => n.networkCode),
    /** Ending this one ends the customer's Smart HUB contracts (R-PBB-ENDS). */
    isLastActive: pbb.status === 'active' && activeByCustomer.get(pbb.customerId) === 1,
  }));
}

export type PriceState = 'in_force' | 'scheduled' | 'superseded';

/** Every price row with its customer, and whether it is in force today, scheduled or superseded. */
export async function listPricesForStaff(db: DbOrTx, today: string) {
  const rows = await db
    .select({ price: prices, customerCode: customers.code, customerName: customers.name })
    .from(prices)
    .leftJoin(customers, eq(customers.id, prices.customerId))
    .orderBy(asc(prices.kind), asc(prices.item), asc(prices.appliesFrom), asc(prices.createdAt));
  // Per (kind, item, customer), the last row applying by today is in force (as pricesInForce picks it).
  const inForce = new Map<string, string>();
  for (const { price } of rows) {
    if (price.appliesFrom <= today) inForce.set(`${price.kind}|${price.item}|${price.customerId ?? ''}`, price.id);
  }
  return rows.map(({ price, customerCode, customerName }) => {
    const state: PriceState =
      price.appliesFrom > today
        ? 'scheduled'
        : inForce.get(`${price.kind}|${price.item}|${price.customerId ?? ''}`) === price.id
          ? 'in_force'
          : 'superseded';
    return { ...price, customer: customerCode && customerName ? { code: customerCode, name: customerName } : null, state };
  });
}

/** Recorded outages, those in progress first, then the latest, with contract and customer. */
export async function listOutagesForStaff(db: DbOrTx, limit = 200) {
  return db
    .select({ outage: outages, contractNumber: smarthubContracts.contractNumber, customer: customerColumns })
    .from(outages)
    .innerJoin(smarthubContracts, and(eq(smarthubContracts.id, outages.contractId), eq(smarthubContracts.customerId, outages.customerId)))
    .innerJoin(customers, eq(customers.id, outages.customerId))
    // Outages still in progress first (they are the ones to end), then the newest.
    .orderBy(sql`${outages.endedAt} is null desc`, desc(outages.startedAt))
    .limit(limit);
}

/** Contract numbers for the outage form's suggestions. */
export async function listContractNumbersForStaff(db: DbOrTx) {
  const rows = await db
    .select({ contractNumber: smarthubContracts.contractNumber })
    .from(smarthubContracts)
    .orderBy(asc(smarthubContracts.contractNumber));
  return rows.map((r) => r.contractNumber);
}
