// Support access: a staff member sees a customer's portal. One row in impersonation_sessions,
// re-read on every request, so ending it anywhere (End, expiry, revocation) ends it everywhere.
import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import { notFound, refused, type Result } from '@/lib/result';
import type { Db, DbOrTx } from '@/db/client';
import { customers, impersonationSessions, staffUsers, supportGrants } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit';
import { enqueueNotification } from '@/lib/notify/outbox';
import type { Impersonation, StaffActor } from '@/lib/auth/access';

export const MAX_IMPERSONATION_MINUTES = 30;

export type SupportRefusal = 'not_support' | 'not_active' | 'invalid';
export type SupportOutcome<T> = Result<{ value: T }>;

/** The staff member's support session in force at `now`, with whether the customer lets support act. */
export async function activeImpersonation(db: DbOrTx, staffUserId: string, now: Date): Promise<(Impersonation & { customerId: string }) | null> {
  const [row] = await db
    .select({ session: impersonationSessions, staffName: staffUsers.name })
    .from(impersonationSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, impersonationSessions.staffUserId))
    .where(
      and(
        eq(impersonationSessions.staffUserId, staffUserId),
        isNull(impersonationSessions.endedAt),
        gt(impersonationSessions.expiresAt, now),
      ),
    )
    .orderBy(desc(impersonationSessions.startedAt))
    .limit(1);
  if (!row) return null;
  const grant = await activeGrant(db, row.session.customerId, now);
  return {
    sessionId: row.session.id,
    staffUserId,
    staffName: row.staffName,
    customerId: row.session.customerId,
    reason: row.session.reason,
    ticket: row.session.ticket,
    startedAt: row.session.startedAt,
    expiresAt: row.session.expiresAt,
    mayAct: Boolean(grant),
  };
}

export async function activeGrant(db: DbOrTx, customerId: string, now: Date) {
  const [grant] = await db
    .select()
    .from(supportGrants)
    .where(
      and(
        eq(supportGrants.customerId, customerId),
        isNull(supportGrants.revokedAt),
        lte(supportGrants.startsAt, now),
        gt(supportGrants.expiresAt, now),
      ),
    )
    .orderBy(desc(supportGrants.expiresAt))
    .limit(1);
  return grant ?? null;
}

/**
 * Starts view-only support access to a customer (support staff only; the target is always a
 * customer account, never a staff member). Any earlier session of the same staff member ends.
 */
export async function startImpersonation(
  db: Db,
  actor: StaffActor,
  input: { customerId: string; reason: string; ticket: string; minutes?: number },
  now: Date = new Date(),
): Promise<SupportOutcome<{ sessionId: string; expiresAt: Date }>> {
  if (actor.role !== 'support') return refused('not_support');
  const minutes = Math.min(input.minutes ?? MAX_IMPERSONATION_MINUTES, MAX_IMPERSONATION_MINUTES);
  if (!input.reason.trim() || !input.ticket.trim() || minutes < 1) return refused('invalid');
  return db.transaction(async (tx) => {
    const [customer] = await tx.select().from(customers).where(eq(customers.id, input.customerId));
    if (!customer) return notFound;
    // Nobody sees a deactivated account as its users would, support included.
    if (customer.deactivatedAt) return refused('customer_deactivated');
    await tx
      .update(impersonationSessions)
      .set({ endedAt: now, endedBy: actor.userId })
      .where(and(eq(impersonationSessions.staffUserId, actor.userId), isNull(impersonationSessions.endedAt)));
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    const [session] = await tx
      .insert(impersonationSessions)
      .values({
        staffUserId: actor.userId,
        customerId: customer.id,
        reason: input.reason.trim(),
        ticket: input.ticket.trim(),
        mode: 'view',
        startedAt: now,
        expiresAt,
      })
      .returning();
    if (!session) throw new Error('impersonation session not inserted');
    await recordStaffAction(
      tx,
      actor,
      'support.start',
      { type: 'impersonation', id: session.id, customerId: customer.id },
      { reason: session.reason, ticket: session.ticket, expiresAt: expiresAt.toISOString() },
      now,
    );
    await enqueueNotification(
      tx,
      {
        customerId: customer.id,
        category: 'support',
        type: 'support.access_started',
        facts: { sessionId: session.id, staffName: actor.name, reason: session.reason, ticket: session.ticket, startedAt: now.toISOString(), expiresAt: expiresAt.toISOString() },
        link: '/activity',
        to: [{ kind: 'customer_users', roles: ['admin'] }],
      },
      now,
    );
    return { ok: true, value: { sessionId: session.id, expiresAt } };
  });
}

/** Ends a support session: the staff member's own (End) or another's (revocation by support staff). */
export async function endImpersonation(
  db: Db,
  actor: StaffActor,
  input: { sessionId: string },
  now: Date = new Date(),
): Promise<SupportOutcome<{ revoked: boolean }>> {
  if (actor.role !== 'support') return refused('not_support');
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(impersonationSessions).where(eq(impersonationSessions.id, input.sessionId)).for('update');
    if (!session) return notFound;
    if (session.endedAt || session.expiresAt <= now) return refused('not_active');
    const revoked = session.staffUserId !== actor.userId;
    await tx
      .update(impersonationSessions)
      .set({ endedAt: now, endedBy: actor.userId })
      .where(eq(impersonationSessions.id, session.id));
    await recordStaffAction(
      tx,
      actor,
      revoked ? 'support.revoke' : 'support.end',
      { type: 'impersonation', id: session.id, customerId: session.customerId },
      { ticket: session.ticket, staffUserId: session.staffUserId },
      now,
    );
    const [staff] = await tx.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, session.staffUserId));
    await enqueueNotification(
      tx,
      {
        customerId: session.customerId,
        category: 'support',
        type: 'support.access_ended',
        facts: { sessionId: session.id, staffName: staff?.name ?? null, ticket: session.ticket, endedAt: now.toISOString() },
        link: '/activity',
        to: [{ kind: 'customer_users', roles: ['admin'] }],
        // The same key as the expiry scan's (lib/notify/scans.ts): told once however it ended.
        dedupeKey: `support.access_ended:${session.id}`,
      },
      now,
    );
    return { ok: true, value: { revoked } };
  });
}

/** Support sessions in force now, for revocation by another staff member. */
export async function listActiveImpersonations(db: DbOrTx, now: Date) {
  return db
    .select({ session: impersonationSessions, staffName: staffUsers.name, customerName: customers.name, customerCode: customers.code })
    .from(impersonationSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, impersonationSessions.staffUserId))
    .innerJoin(customers, eq(customers.id, impersonationSessions.customerId))
    .where(and(isNull(impersonationSessions.endedAt), gt(impersonationSessions.expiresAt, now)))
    .orderBy(desc(impersonationSessions.startedAt));
}

/** Support access to one customer's account, for its Activity page (customer-scoped). */
export async function listSupportAccess(db: DbOrTx, customerId: string) {
  return db
    .select({ session: impersonationSessions, staffName: staffUsers.name })
    .from(impersonationSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, impersonationSessions.staffUserId))
    .where(eq(impersonationSessions.customerId, customerId))
    .orderBy(desc(impersonationSessions.startedAt))
    .limit(100);
}
