// A customer's users, kept by its admins (the users page): invite, resend or revoke an invitation,
// change a role, deactivate or reactivate a user, and the company's "second factor for everyone"
// switch. Each write is one transaction that first locks the customer's row, so every change to
// one customer's users is judged one after the other: two admins demoting each other at once
// cannot both succeed (the second sees the first's change and is refused as the last admin).
// Never during support access: support staff cannot touch users, roles or second factors.
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customerInvitations, customers, customerUsers, staffUsers } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import type { CustomerActor, CustomerRole } from '@/lib/auth/access';
import { normaliseEmail } from '@/lib/auth/sign-in';
import { endAllSessions } from '@/lib/auth/sessions';
import { enqueueNotification } from '@/lib/notify/outbox';
import { notFound, refused, type Result } from '@/lib/result';
import { createInvitation, renewInvitation } from './invitations';

export type UsersRefusal =
  | 'not_during_support'
  | 'read_only'
  | 'already_user'
  | 'already_invited'
  | 'not_open'
  | 'last_admin'
  | 'same_role'
  | 'not_yourself'
  | 'already_deactivated'
  | 'not_deactivated'
  | 'own_second_factor_first';

export type UsersOutcome = Result<{ id: string }>;

/** Who may manage users: the customer's own admins, never support staff (even inside a grant). */
export function usersRefusal(actor: CustomerActor): 'not_during_support' | 'read_only' | null {
  if (actor.impersonation) return 'not_during_support';
  if (actor.role !== 'admin' || !actor.canWrite) return 'read_only';
  return null;
}

type Locked = { customer: typeof customers.$inferSelect; admin: typeof customerUsers.$inferSelect };

/**
 * Locks the customer's row (the lock of all its users) and re-reads the acting admin under it: an
 * admin demoted or deactivated a moment ago by another admin may no longer manage anyone.
 */
async function lockForAdmin(tx: DbOrTx, actor: CustomerActor): Promise<Locked | null> {
  const [customer] = await tx.select().from(customers).where(eq(customers.id, actor.customerId)).for('update');
  if (!customer) return null;
  const [admin] = await tx
    .select()
    .from(customerUsers)
    .where(and(eq(customerUsers.id, actor.userId), eq(customerUsers.customerId, actor.customerId)));
  if (!admin || admin.role !== 'admin' || admin.deactivatedAt) return null;
  return { customer, admin };
}

/** Runs `body` for an admin of the actor's customer, in one transaction under the customer's lock. */
function asAdmin<I>(body: (tx: DbOrTx, actor: CustomerActor, input: I, now: Date, locked: Locked) => Promise<UsersOutcome>) {
  return async (db: Db, actor: CustomerActor, input: I, now: Date = new Date()): Promise<UsersOutcome> => {
    const refusal = usersRefusal(actor);
    if (refusal) return refused(refusal);
    return db.transaction(async (tx) => {
      const locked = await lockForAdmin(tx, actor);
      if (!locked) return refused('read_only');
      return body(tx, actor, input, now, locked);
    });
  };
}

/** Active admins of a customer (read under the customer's lock). */
async function activeAdmins(tx: DbOrTx, customerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(customerUsers)
    .where(and(eq(customerUsers.customerId, customerId), eq(customerUsers.role, 'admin'), isNull(customerUsers.deactivatedAt)));
  return row?.n ?? 0;
}

/** Whether an e-mail address already belongs to a user anywhere (customer or staff: addresses are unique across both). */
export async function emailTaken(tx: DbOrTx, email: string): Promise<boolean> {
  const [customer] = await tx.select({ id: customerUsers.id }).from(customerUsers).where(eq(customerUsers.email, email));
  if (customer) return true;
  const [staff] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email));
  return Boolean(staff);
}

/** The company name the messages use. */
const companyName = (customer: typeof customers.$inferSelect) => customer.name;

export interface InviteInput {
  email: string;
  name: string;
  role: CustomerRole;
  locale: 'ja' | 'en';
}

/** Invites someone by e-mail: a one-time link valid 72 hours. Refused for an address that is already a user, or already invited here. */
export const inviteUser = asAdmin<InviteInput>(async (tx, actor, input, now, { customer }) => {
  const email = normaliseEmail(input.email);
  if (await emailTaken(tx, email)) return refused('already_user');
  const [open] = await tx
    .select({ id: customerInvitations.id })
    .from(customerInvitations)
    .where(
      and(
        eq(customerInvitations.customerId, actor.customerId),
        eq(customerInvitations.email, email),
        isNull(customerInvitations.acceptedAt),
        isNull(customerInvitations.revokedAt),
        gt(customerInvitations.expiresAt, now),
      ),
    );
  if (open) return refused('already_invited');
  const invitation = await createInvitation(
    tx,
    { customerId: actor.customerId, email, name: input.name, role: input.role, locale: input.locale, companyName: companyName(customer), by: { customerUserId: actor.userId, name: actor.name } },
    now,
  );
  await recordCustomerAction(tx, actor, 'users.invite', { type: 'invitation', id: invitation.id }, { email, role: input.role, expiresAt: invitation.expiresAt.toISOString() }, now);
  return { ok: true, id: invitation.id };
});

/** The actor's customer's invitation, locked; null when it is another customer's or does not exist. */
async function lockInvitation(tx: DbOrTx, customerId: string, id: string) {
  const [row] = await tx
    .select()
    .from(customerInvitations)
    .where(and(eq(customerInvitations.id, id), eq(customerInvitations.customerId, customerId)))
    .for('update');
  return row ?? null;
}

/** Sends an invitation again: a new link (the old one stops working), 72 hours from now. An expired one may be sent again. */
export const resendInvitation = asAdmin<{ invitationId: string }>(async (tx, actor, input, now, { customer }) => {
  const invitation = await lockInvitation(tx, actor.customerId, input.invitationId);
  if (!invitation) return notFound;
  if (invitation.acceptedAt || invitation.revokedAt) return refused('not_open');
  if (await emailTaken(tx, invitation.email)) return refused('already_user');
  const renewed = await renewInvitation(tx, invitation, { name: actor.name, companyName: companyName(customer) }, now);
  await recordCustomerAction(
    tx,
    actor,
    'users.invitation_resend',
    { type: 'invitation', id: invitation.id },
    { email: invitation.email, sentCount: renewed.sentCount, expiresAt: renewed.expiresAt.toISOString() },
    now,
  );
  return { ok: true, id: invitation.id };
});

/** Withdraws an invitation: its link stops working. */
export const revokeInvitation = asAdmin<{ invitationId: string }>(async (tx, actor, input, now) => {
  const invitation = await lockInvitation(tx, actor.customerId, input.invitationId);
  if (!invitation) return notFound;
  if (invitation.acceptedAt || invitation.revokedAt) return refused('not_open');
  await tx.update(customerInvitations).set({ revokedAt: now }).where(eq(customerInvitations.id, invitation.id));
  await recordCustomerAction(tx, actor, 'users.invitation_revoke', { type: 'invitation', id: invitation.id }, { email: invitation.email }, now);
  return { ok: true, id: invitation.id };
});

/** A user of the actor's customer (read under the customer's lock); null for another customer's. */
async function userOf(tx: DbOrTx, customerId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(customerUsers)
    .where(and(eq(customerUsers.id, userId), eq(customerUsers.customerId, customerId)));
  return row ?? null;
}

/** Changes a user's role. The last active admin cannot be demoted (not even by themselves). */
export const changeRole = asAdmin<{ userId: string; role: CustomerRole }>(async (tx, actor, input, now, { customer }) => {
  const user = await userOf(tx, actor.customerId, input.userId);
  if (!user) return notFound;
  if (user.role === input.role) return refused('same_role');
  if (user.role === 'admin' && !user.deactivatedAt && (await activeAdmins(tx, actor.customerId)) <= 1) return refused('last_admin');
  await tx.update(customerUsers).set({ role: input.role }).where(eq(customerUsers.id, user.id));
  await recordCustomerAction(tx, actor, 'users.role_change', { type: 'customer_user', id: user.id }, { email: user.email, fromRole: user.role, toRole: input.role }, now);
  await enqueueNotification(
    tx,
    {
      customerId: actor.customerId,
      category: 'security',
      type: 'user.role_changed',
      facts: { name: user.name, role: input.role, previousRole: user.role, companyName: companyName(customer), byName: actor.name },
      link: '/account',
      to: [{ kind: 'user', customerUserId: user.id }],
    },
    now,
  );
  return { ok: true, id: user.id };
});

/** Deactivates a user: they cannot sign in, and every session of theirs ends at once. Not the last active admin, not oneself. */
export const deactivateUser = asAdmin<{ userId: string }>(async (tx, actor, input, now, { customer }) => {
  const user = await userOf(tx, actor.customerId, input.userId);
  if (!user) return notFound;
  if (user.id === actor.userId) return refused('not_yourself');
  if (user.deactivatedAt) return refused('already_deactivated');
  if (user.role === 'admin' && (await activeAdmins(tx, actor.customerId)) <= 1) return refused('last_admin');
  await tx.update(customerUsers).set({ deactivatedAt: now }).where(eq(customerUsers.id, user.id));
  const ended = await endAllSessions(tx, { kind: 'customer', id: user.id }, 'user_disabled', now);
  await recordCustomerAction(tx, actor, 'users.deactivate', { type: 'customer_user', id: user.id }, { email: user.email, sessionsEnded: ended }, now);
  // To their address, not their inbox: they can no longer sign in to read it.
  await enqueueNotification(
    tx,
    {
      customerId: actor.customerId,
      category: 'security',
      type: 'user.deactivated',
      facts: { name: user.name, role: user.role, companyName: companyName(customer), byName: actor.name },
      to: [{ kind: 'email', email: user.email, locale: user.locale === 'en' ? 'en' : 'ja' }],
    },
    now,
  );
  return { ok: true, id: user.id };
});

/** Lets a deactivated user sign in again (with their old password; their sessions stay ended). */
export const reactivateUser = asAdmin<{ userId: string }>(async (tx, actor, input, now) => {
  const user = await userOf(tx, actor.customerId, input.userId);
  if (!user) return notFound;
  if (!user.deactivatedAt) return refused('not_deactivated');
  await tx.update(customerUsers).set({ deactivatedAt: null }).where(eq(customerUsers.id, user.id));
  await recordCustomerAction(tx, actor, 'users.reactivate', { type: 'customer_user', id: user.id }, { email: user.email }, now);
  return { ok: true, id: user.id };
});

/**
 * "Require a second factor for everyone at this company". Turning it on asks the admin to have one
 * first (otherwise the switch would lock them out of every page but the set-up page at once).
 */
export const setRequireSecondFactor = asAdmin<{ required: boolean }>(async (tx, actor, input, now, { customer, admin }) => {
  if (input.required && !admin.totpSecret) return refused('own_second_factor_first');
  if (customer.requireSecondFactor !== input.required) {
    await tx.update(customers).set({ requireSecondFactor: input.required }).where(eq(customers.id, customer.id));
    await recordCustomerAction(tx, actor, 'users.require_second_factor', { type: 'customer', id: customer.id }, { required: input.required }, now);
  }
  return { ok: true, id: customer.id };
});
