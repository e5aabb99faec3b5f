// Onboarding, the operator's side: a new customer (its code, its names in Japanese and English,
// its company details), its designated-service (PBB) contracts, its closed networks, and the
// invitation of its first administrator; later an edit, a deactivation (every session of its users
// ends at once) or a reactivation. Each write: one transaction that locks the customer row,
// writes and audits (recordStaffAction). Operators only: the services check the role themselves.
import { and, asc, desc, eq, gt, isNull, like, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { closedNetworks, customerInvitations, customerUsers, customers, impersonationSessions, pbbContracts, supportGrants } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import type { Actor } from '@/lib/auth/access';
import { emailInUse } from '@/lib/auth/enrolment';
import { endAllSessions } from '@/lib/auth/sessions';
import { createInvitation } from '@/lib/users/invitations';
import { isOperator, notFound, refused, type OpCtx, type OpOutcome } from './outcome';

export interface CustomerDetails {
  name: string;
  nameEn: string;
  postalAddress: string | null;
  phone: string | null;
}

/** The customer row, locked for the rest of the transaction; null when there is none. */
async function lockCustomer(tx: DbOrTx, customerId: string) {
  const [row] = await tx.select().from(customers).where(eq(customers.id, customerId)).for('update');
  return row ?? null;
}

/**
 * A new customer. The code is unique: the insert itself asks the unique index (two operators
 * taking one code at once: one gets it, the other `customer_code_taken`, with nothing written).
 */
export async function createCustomer(db: Db, actor: Actor, input: CustomerDetails & { code: string }, ctx: OpCtx): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(customers)
      .values({ code: input.code, name: input.name, nameEn: input.nameEn, postalAddress: input.postalAddress, phone: input.phone, createdAt: ctx.now })
      .onConflictDoNothing({ target: customers.code })
      .returning({ id: customers.id });
    if (!row) return refused('customer_code_taken');
    await recordStaffAction(tx, actor, 'customer.create', { type: 'customer', id: row.id, customerId: row.id }, { code: input.code, ...details(input) }, ctx.now);
    return { ok: true, id: row.id };
  });
}

const details = (c: CustomerDetails) => ({ name: c.name, nameEn: c.nameEn, postalAddress: c.postalAddress, phone: c.phone });

/** Edits the names and company details; audited with the values before and after. */
export async function editCustomer(db: Db, actor: Actor, input: CustomerDetails & { customerId: string }, ctx: OpCtx): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer) return notFound;
    const before = details({ ...customer, nameEn: customer.nameEn ?? '' });
    const after = details(input);
    if (JSON.stringify(before) === JSON.stringify(after)) return refused('customer_unchanged');
    await tx.update(customers).set(after).where(eq(customers.id, customer.id));
    await recordStaffAction(tx, actor, 'customer.edit', { type: 'customer', id: customer.id, customerId: customer.id }, { code: customer.code, before, after }, ctx.now);
    return { ok: true, id: customer.id };
  });
}

/**
 * Deactivates a customer: nobody of it signs in any more. Every open session of its users ends at
 * once (user_disabled), its open invitations are revoked and any support access to it ends, in the
 * same transaction.
 */
export async function deactivateCustomer(
  db: Db,
  actor: Actor,
  input: { customerId: string },
  ctx: OpCtx,
): Promise<OpOutcome<{ id: string; sessionsEnded: number }>> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer) return notFound;
    if (customer.deactivatedAt) return refused('customer_deactivated');
    await tx.update(customers).set({ deactivatedAt: ctx.now }).where(eq(customers.id, customer.id));
    const users = await tx.select({ id: customerUsers.id }).from(customerUsers).where(eq(customerUsers.customerId, customer.id));
    let sessionsEnded = 0;
    for (const user of users) sessionsEnded += await endAllSessions(tx, { kind: 'customer', id: user.id }, 'user_disabled', ctx.now);
    const revoked = await tx
      .update(customerInvitations)
      .set({ revokedAt: ctx.now })
      .where(and(eq(customerInvitations.customerId, customer.id), isNull(customerInvitations.acceptedAt), isNull(customerInvitations.revokedAt)))
      .returning({ id: customerInvitations.id });
    // Support access to the account ends with it: nobody sees a deactivated account as its users.
    const supportEnded = await tx
      .update(impersonationSessions)
      .set({ endedAt: ctx.now, endedBy: actor.userId })
      .where(and(eq(impersonationSessions.customerId, customer.id), isNull(impersonationSessions.endedAt), gt(impersonationSessions.expiresAt, ctx.now)))
      .returning({ id: impersonationSessions.id });
    // And the customer's "support may act for us" grants: a reactivated customer grants afresh.
    await tx
      .update(supportGrants)
      .set({ revokedAt: ctx.now, revokedBy: actor.userId })
      .where(and(eq(supportGrants.customerId, customer.id), isNull(supportGrants.revokedAt), gt(supportGrants.expiresAt, ctx.now)));
    await recordStaffAction(
      tx,
      actor,
      'customer.deactivate',
      { type: 'customer', id: customer.id, customerId: customer.id },
      { code: customer.code, sessionsEnded, invitationsRevoked: revoked.length, supportAccessEnded: supportEnded.length },
      ctx.now,
    );
    return { ok: true, id: customer.id, sessionsEnded };
  });
}

/** Reactivates a deactivated customer: its users may sign in again (their sessions stay ended). */
export async function reactivateCustomer(db: Db, actor: Actor, input: { customerId: string }, ctx: OpCtx): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer) return notFound;
    if (!customer.deactivatedAt) return refused('customer_active');
    await tx.update(customers).set({ deactivatedAt: null }).where(eq(customers.id, customer.id));
    await recordStaffAction(
      tx,
      actor,
      'customer.reactivate',
      { type: 'customer', id: customer.id, customerId: customer.id },
      { code: customer.code, deactivatedAt: customer.deactivatedAt.toISOString() },
      ctx.now,
    );
    return { ok: true, id: customer.id };
  });
}

/** Records a designated-service (PBB) contract of this customer, active from its start date. */
export async function addCustomerPbbContract(
  db: Db,
  actor: Actor,
  input: { customerId: string; contractNumber: string; startedOn: string },
  ctx: OpCtx,
): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer) return notFound;
    if (customer.deactivatedAt) return refused('customer_deactivated');
    // The unique index decides a number taken at the same moment by another operator.
    const [row] = await tx
      .insert(pbbContracts)
      .values({ customerId: customer.id, contractNumber: input.contractNumber, startedOn: input.startedOn, status: 'active', createdAt: ctx.now })
      .onConflictDoNothing({ target: pbbContracts.contractNumber })
      .returning({ id: pbbContracts.id });
    if (!row) return refused('duplicate_contract_number');
    await recordStaffAction(
      tx,
      actor,
      'pbb.record',
      { type: 'pbb_contract', id: row.id, customerId: customer.id },
      { contractNumber: input.contractNumber, startedOn: input.startedOn },
      ctx.now,
    );
    return { ok: true, id: row.id };
  });
}

/** Adds a closed network of this customer, on one of its active designated-service contracts. */
export async function addClosedNetwork(
  db: Db,
  actor: Actor,
  input: { customerId: string; pbbContractId: string; networkCode: string; name: string },
  ctx: OpCtx,
): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer) return notFound;
    if (customer.deactivatedAt) return refused('customer_deactivated');
    // Another customer's contract looks like none at all.
    const [pbb] = await tx
      .select()
      .from(pbbContracts)
      .where(and(eq(pbbContracts.id, input.pbbContractId), eq(pbbContracts.customerId, customer.id)));
    if (!pbb) return notFound;
    if (pbb.status !== 'active') return refused('pbb_not_active');
    const [row] = await tx
      .insert(closedNetworks)
      .values({ customerId: customer.id, pbbContractId: pbb.id, networkCode: input.networkCode, name: input.name, createdAt: ctx.now })
      .onConflictDoNothing({ target: closedNetworks.networkCode })
      .returning({ id: closedNetworks.id });
    if (!row) return refused('duplicate_network_code');
    await recordStaffAction(
      tx,
      actor,
      'network.create',
      { type: 'closed_network', id: row.id, customerId: customer.id },
      { networkCode: input.networkCode, name: input.name, pbbContractNumber: pbb.contractNumber },
      ctx.now,
    );
    return { ok: true, id: row.id };
  });
}

/**
 * Invites the customer's first administrator (or another one, while the customer has no active one) by
 * e-mail: the invitation (72 h, token hashed) and its e-mail in the outbox (lib/users/invitations).
 * Refused when the address already belongs to a user (customer or staff) or has an open invitation.
 */
export async function inviteFirstAdmin(
  db: Db,
  actor: Actor,
  input: { customerId: string; name: string; email: string; locale: 'ja' | 'en' },
  ctx: OpCtx,
): Promise<OpOutcome> {
  if (!isOperator(actor)) return refused('forbidden');
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer) return notFound;
    if (customer.deactivatedAt) return refused('customer_deactivated');
    // An operator never adds an administrator to a company that has one: its admins invite their
    // own colleagues (an operator doing it would bypass the customer's say over its account).
    const [admin] = await tx
      .select({ id: customerUsers.id })
      .from(customerUsers)
      .where(and(eq(customerUsers.customerId, customer.id), eq(customerUsers.role, 'admin'), isNull(customerUsers.deactivatedAt)))
      .limit(1);
    if (admin) return refused('customer_has_admin');
    const email = input.email.trim().toLowerCase();
    if (await emailInUse(tx, email)) return refused('email_taken');
    const [open] = await tx
      .select({ id: customerInvitations.id })
      .from(customerInvitations)
      .where(
        and(
          eq(customerInvitations.email, email),
          isNull(customerInvitations.acceptedAt),
          isNull(customerInvitations.revokedAt),
          sql`${customerInvitations.expiresAt} > ${ctx.now}`,
        ),
      )
      .limit(1);
    if (open) return refused('already_invited');
    const invitation = await createInvitation(
      tx,
      {
        customerId: customer.id,
        email,
        name: input.name,
        role: 'admin',
        locale: input.locale,
        companyName: input.locale === 'en' ? (customer.nameEn ?? customer.name) : customer.name,
        by: { staffUserId: actor.userId, name: actor.name },
      },
      ctx.now,
    );
    await recordStaffAction(
      tx,
      actor,
      'user.invite',
      { type: 'invitation', id: invitation.id, customerId: customer.id },
      { email, name: input.name, role: 'admin', locale: input.locale, expiresAt: invitation.expiresAt.toISOString() },
      ctx.now,
    );
    return { ok: true, id: invitation.id };
  });
}

// ── reads (staff: every customer) ────────────────────────────────────────────────────────────

/** Customers for the operators' list: by code or name prefix (case-insensitive), newest first. */
export async function listCustomersForStaff(db: DbOrTx, query = '', limit = 100) {
  const q = query.trim().toLowerCase();
  const pattern = `${q.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  const where = q
    ? or(like(sql`lower(${customers.code})`, pattern), like(sql`lower(${customers.name})`, pattern), like(sql`lower(${customers.nameEn})`, pattern))
    : undefined;
  return db
    .select({
      id: customers.id,
      code: customers.code,
      name: customers.name,
      nameEn: customers.nameEn,
      deactivatedAt: customers.deactivatedAt,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(where)
    .orderBy(desc(customers.createdAt), asc(customers.code))
    .limit(limit);
}

/** One customer for its operator page: details, PBB contracts, closed networks, invitations sent, users. */
export async function customerForStaff(db: DbOrTx, customerId: string) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) return null;
  const [pbbs, networks, invitations, users] = await Promise.all([
    db.select().from(pbbContracts).where(eq(pbbContracts.customerId, customer.id)).orderBy(asc(pbbContracts.startedOn), asc(pbbContracts.contractNumber)),
    db
      .select({ id: closedNetworks.id, networkCode: closedNetworks.networkCode, name: closedNetworks.name, pbbContractNumber: pbbContracts.contractNumber })
      .from(closedNetworks)
      .innerJoin(pbbContracts, eq(pbbContracts.id, closedNetworks.pbbContractId))
      .where(eq(closedNetworks.customerId, customer.id))
      .orderBy(asc(closedNetworks.networkCode)),
    db
      .select({
        id: customerInvitations.id,
        email: customerInvitations.email,
        name: customerInvitations.name,
        role: customerInvitations.role,
        locale: customerInvitations.locale,
        expiresAt: customerInvitations.expiresAt,
        acceptedAt: customerInvitations.acceptedAt,
        revokedAt: customerInvitations.revokedAt,
        createdAt: customerInvitations.createdAt,
      })
      .from(customerInvitations)
      .where(eq(customerInvitations.customerId, customer.id))
      .orderBy(desc(customerInvitations.createdAt))
      .limit(50),
    db
      .select({ id: customerUsers.id, name: customerUsers.name, email: customerUsers.email, role: customerUsers.role, deactivatedAt: customerUsers.deactivatedAt })
      .from(customerUsers)
      .where(eq(customerUsers.customerId, customer.id))
      .orderBy(asc(customerUsers.email)),
  ]);
  return { customer, pbbs, networks, invitations, users };
}

export type CustomerForStaff = NonNullable<Awaited<ReturnType<typeof customerForStaff>>>;

/** An invitation's state as the operator sees it. */
export function invitationState(i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): 'accepted' | 'revoked' | 'expired' | 'open' {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}
