// Who acts, and what they may do: the guards' decisions, apart from Next's request context.
import { eq, sql } from 'drizzle-orm';
import type { SessionClaims } from './config';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { customers, customerUsers, staffUsers, userSessions } from '@/db/schema';
import { judgeSession, type SessionRow, type SessionUser } from './sessions';

/** admin: changes; billing: statements and SLA claims, no contract changes; viewer: reads only. */
export type CustomerRole = 'admin' | 'viewer' | 'billing';
export type StaffRole = 'support' | 'operator';

export interface CustomerActor {
  kind: 'customer';
  userId: string;
  customerId: string;
  role: CustomerRole;
  name: string;
  email: string;
  /** Whether this actor may change anything (admins may; viewers see only). */
  canWrite: boolean;
  /** Set when a staff member sees the portal as this customer (support access). */
  impersonation?: Impersonation;
  /**
   * Set when the company requires a second factor and this user has none yet: until it is set up
   * only the second-factor page opens (the guard sends them there).
   */
  mustSetUpSecondFactor?: true;
  /** Set when the request came with one of the customer's API keys (lib/api/auth.ts): audited "via API key <name>". */
  apiKey?: { id: string; name: string };
}

/** A support session on a customer's account: re-read from the database on every request. */
export interface Impersonation {
  sessionId: string;
  staffUserId: string;
  staffName: string;
  reason: string;
  ticket: string;
  startedAt: Date;
  expiresAt: Date;
  /** Whether the customer has granted "support may act for us" right now. */
  mayAct: boolean;
}

export interface StaffActor {
  kind: 'staff';
  userId: string;
  role: StaffRole;
  name: string;
  email: string;
  /** Whether a second factor is set up; without one no staff or support page opens (read as signed out). */
  enrolled: boolean;
}

export type Actor = CustomerActor | StaffActor;

/** A signed-in user asked for something their role does not allow. Actions turn it into a message. */
export class ForbiddenError extends Error {
  constructor(readonly reason: 'read_only' | 'wrong_role' | 'support_view_only') {
    super(`forbidden: ${reason}`);
    this.name = 'ForbiddenError';
  }
}

/** The session row and its user in one statement, prepared once (db/prepared.ts): this runs first on every request. */
const customerSessionStatement = (db: DbOrTx, name: string) =>
  db
    .select({
      session: userSessions,
      user: customerUsers,
      customerDeactivatedAt: customers.deactivatedAt,
      requireSecondFactor: customers.requireSecondFactor,
    })
    .from(userSessions)
    .leftJoin(customerUsers, eq(customerUsers.id, userSessions.customerUserId))
    .leftJoin(customers, eq(customers.id, customerUsers.customerId))
    .where(eq(userSessions.id, sql.placeholder('sessionId')))
    .prepare(name);
const staffSessionStatement = (db: DbOrTx, name: string) =>
  db
    .select({ session: userSessions, user: staffUsers })
    .from(userSessions)
    .leftJoin(staffUsers, eq(staffUsers.id, userSessions.staffUserId))
    .where(eq(userSessions.id, sql.placeholder('sessionId')))
    .prepare(name);

/** The row (session, user and what the statement adds) of a session still in force (judgeSession), or null. */
async function liveUser<F extends { session: SessionRow; user: unknown }>(
  db: DbOrTx,
  statement: { execute(values: { sessionId: string }): Promise<F[]> },
  sessionId: string,
  user: SessionUser,
  now: Date,
): Promise<F | null> {
  const [found] = await statement.execute({ sessionId });
  return (await judgeSession(db, found?.session, user, now)).live && found?.user ? found : null;
}

/**
 * Re-reads the signed-in user from the database on every request, so a removed user or a
 * changed role takes effect at once; the session token only says who signed in, and in which
 * session row. A row that is missing, ended, past its absolute end or (staff) idle too long
 * reads as signed out (lib/auth/sessions.ts).
 */
export async function loadActor(db: DbOrTx, session: SessionClaims | null, now: Date = new Date()): Promise<Actor | null> {
  const user = session?.user;
  if (!session?.sessionId || !user?.id || (user.kind !== 'customer' && user.kind !== 'staff')) return null;
  if (user.kind === 'customer') {
    const found = await liveUser(db, prepared(db, 'guard_customer_session', customerSessionStatement), session.sessionId, user, now);
    const row = found?.user;
    // A deactivated user, or a user of a deactivated customer, reads as signed out (their sessions
    // were ended too; this holds even for a row someone forgot to end).
    if (!found || !row || row.deactivatedAt || found.customerDeactivatedAt) return null;
    return {
      kind: 'customer',
      userId: row.id,
      customerId: row.customerId,
      role: row.role,
      name: row.name,
      email: row.email,
      canWrite: row.role === 'admin',
      ...(found.requireSecondFactor && !row.totpSecret ? { mustSetUpSecondFactor: true as const } : {}),
    };
  }
  const row = (await liveUser(db, prepared(db, 'guard_staff_session', staffSessionStatement), session.sessionId, user, now))?.user;
  if (!row) return null;
  return { kind: 'staff', userId: row.id, role: row.role, name: row.name, email: row.email, enrolled: Boolean(row.totpSecret) };
}

export type CustomerCheck =
  | { ok: true; actor: CustomerActor }
  | { ok: false; outcome: 'sign_in' | 'not_found' | 'forbidden' | 'support_view_only' | 'second_factor' };

/**
 * What a customer guard asks for: `write` (contract changes: admins, support inside a grant),
 * `claim` (SLA credit claims: admins and billing), `secondFactorSetup` (the one page open to a user
 * whose company requires a second factor they have not set up yet).
 */
export interface CustomerGuardOptions {
  write?: boolean;
  claim?: boolean;
  customerId?: string;
  secondFactorSetup?: boolean;
}

/**
 * A support staff member in a support session acts as the customer: view-only, unless the
 * customer has granted "support may act for us".
 */
export function impersonatingActor(staff: StaffActor, session: Impersonation & { customerId: string }): CustomerActor {
  return {
    kind: 'customer',
    userId: staff.userId,
    customerId: session.customerId,
    role: session.mayAct ? 'admin' : 'viewer',
    name: staff.name,
    email: staff.email,
    canWrite: session.mayAct,
    impersonation: {
      sessionId: session.sessionId,
      staffUserId: session.staffUserId,
      staffName: session.staffName,
      reason: session.reason,
      ticket: session.ticket,
      startedAt: session.startedAt,
      expiresAt: session.expiresAt,
      mayAct: session.mayAct,
    },
  };
}

/** The customer guard's decision, apart from Next's redirect/notFound (tested directly). */
export function checkCustomer(
  actor: Actor | null,
  opts: CustomerGuardOptions = {},
  session: (Impersonation & { customerId: string }) | null = null,
): CustomerCheck {
  if (!actor) return { ok: false, outcome: 'sign_in' };
  if (actor.kind === 'staff') {
    if (!actor.enrolled) return { ok: false, outcome: 'sign_in' };
    if (actor.role !== 'support' || !session || session.staffUserId !== actor.userId) return { ok: false, outcome: 'not_found' };
  }
  const customer = actor.kind === 'staff' ? impersonatingActor(actor, session!) : actor;
  // Another customer's resource looks exactly like one that does not exist.
  if (opts.customerId !== undefined && opts.customerId !== customer.customerId) return { ok: false, outcome: 'not_found' };
  if (customer.mustSetUpSecondFactor && !opts.secondFactorSetup) return { ok: false, outcome: 'second_factor' };
  if (opts.write && !customer.canWrite) {
    return { ok: false, outcome: customer.impersonation ? 'support_view_only' : 'forbidden' };
  }
  if (opts.claim && !mayClaimCredits(customer)) {
    return { ok: false, outcome: customer.impersonation ? 'support_view_only' : 'forbidden' };
  }
  return { ok: true, actor: customer };
}

export type StaffCheck =
  | { ok: true; actor: StaffActor }
  | { ok: false; outcome: 'sign_in' | 'not_found' | 'forbidden' };

export function checkStaff(actor: Actor | null, role?: StaffRole | StaffRole[]): StaffCheck {
  if (!actor) return { ok: false, outcome: 'sign_in' };
  // Staff pages do not exist for customers.
  if (actor.kind !== 'staff') return { ok: false, outcome: 'not_found' };
  // A staff member without a second factor has no session (sign-in refuses them, and a reset ends
  // their sessions); a session that somehow remains reads as signed out.
  if (!actor.enrolled) return { ok: false, outcome: 'sign_in' };
  const allowed = role === undefined ? undefined : Array.isArray(role) ? role : [role];
  if (allowed && !allowed.includes(actor.role)) return { ok: false, outcome: 'forbidden' };
  return { ok: true, actor };
}


/**
 * Whether pages offer change controls: to admins, and to support staff in a support session
 * (they see exactly the customer's portal; without the customer's grant the server refuses).
 */
export function offersChanges(actor: CustomerActor): boolean {
  return actor.canWrite || Boolean(actor.impersonation);
}

/** SLA credit claims: admins and the billing role (statements and claims, no contract changes); support inside a grant. */
export function mayClaimCredits(actor: CustomerActor): boolean {
  return actor.canWrite || (actor.role === 'billing' && !actor.impersonation);
}

/** Whether pages offer the SLA claim buttons (as offersChanges, plus the billing role). */
export function offersClaims(actor: CustomerActor): boolean {
  return offersChanges(actor) || mayClaimCredits(actor);
}
