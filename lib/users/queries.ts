// What the users page and the account page read: always by the customer's id.
import { and, asc, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerInvitations, customers, customerUsers, userSessions } from '@/db/schema';
import type { CustomerRole } from '@/lib/auth/access';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: CustomerRole;
  deactivatedAt: Date | null;
  secondFactor: boolean;
  lastSignInAt: Date | null;
}

export interface InvitationRow {
  id: string;
  name: string;
  email: string;
  role: CustomerRole;
  expiresAt: Date;
  sentCount: number;
  createdAt: Date;
}

export interface UsersPage {
  requireSecondFactor: boolean;
  users: UserRow[];
  /** Invitations not accepted and not revoked (expired ones too: they may be sent again). */
  invitations: InvitationRow[];
}

export async function getUsersPage(db: DbOrTx, customerId: string): Promise<UsersPage | null> {
  const [customer] = await db.select({ requireSecondFactor: customers.requireSecondFactor }).from(customers).where(eq(customers.id, customerId));
  if (!customer) return null;
  const users = await db.select().from(customerUsers).where(eq(customerUsers.customerId, customerId)).orderBy(asc(customerUsers.name));
  const ids = users.map((u) => u.id);
  const lastSignIns = ids.length
    ? await db
        .select({ userId: userSessions.customerUserId, at: max(userSessions.createdAt) })
        .from(userSessions)
        .where(inArray(userSessions.customerUserId, ids))
        .groupBy(userSessions.customerUserId)
    : [];
  const lastOf = new Map(lastSignIns.map((r) => [r.userId, r.at] as const));
  const invitations = await db
    .select()
    .from(customerInvitations)
    .where(and(eq(customerInvitations.customerId, customerId), isNull(customerInvitations.acceptedAt), isNull(customerInvitations.revokedAt)))
    .orderBy(desc(customerInvitations.createdAt));
  return {
    requireSecondFactor: customer.requireSecondFactor,
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      deactivatedAt: u.deactivatedAt,
      secondFactor: Boolean(u.totpSecret),
      lastSignInAt: lastOf.get(u.id) ?? null,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      name: i.name,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt,
      sentCount: i.sentCount,
      createdAt: i.createdAt,
    })),
  };
}

/** The account page's facts about the signed-in user. */
export async function getAccount(db: DbOrTx, customerId: string, userId: string) {
  const [row] = await db
    .select({ user: customerUsers, requireSecondFactor: customers.requireSecondFactor })
    .from(customerUsers)
    .innerJoin(customers, eq(customers.id, customerUsers.customerId))
    .where(and(eq(customerUsers.id, userId), eq(customerUsers.customerId, customerId)));
  if (!row) return null;
  return {
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    secondFactor: Boolean(row.user.totpSecret),
    passwordChangedAt: row.user.passwordChangedAt,
    requireSecondFactor: row.requireSecondFactor,
  };
}
