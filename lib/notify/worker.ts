// The outbox's worker: expands events into deliveries (one per recipient and channel) and delivers
// them, retrying with back-off. Runs in every server process (lib/startup.ts → lib/notify/loop.ts);
// any number of processes may run it at once.
//
// Exactly once per recipient:
// - Expanding: events are claimed with FOR UPDATE SKIP LOCKED, and a delivery is unique per
//   (event, channel, recipient) in the database, inserted with ON CONFLICT DO NOTHING; the event is
//   marked expanded in the same transaction. Two workers never write a delivery twice, and a crash
//   mid-way rolls the whole expansion back, to be done again.
// - Delivering: a worker claims due deliveries (FOR UPDATE SKIP LOCKED) by setting a lease
//   (lockedUntil) and commits; it sends, then marks the row sent only while it still holds that
//   lease. Another worker skips a leased row until the lease has expired. A worker killed before
//   sending leaves a lease that expires, and the row is delivered after that by any worker.
// - The one honest gap: a worker that dies after the mail server accepted a message but before
//   the row was marked sent (or a send slower than the lease) leads to the message being sent
//   again once the lease expires. Every attempt of a delivery carries the same Message-ID
//   (derived from the delivery's id, lib/notify/mailer.ts), so a receiving system or reader can
//   recognise the repeat; the in-app inbox has no such gap (its row is the message). Files written
//   without SMTP are named by the delivery's id, so a repeat overwrites instead of duplicating.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { customerContacts, customerUsers, customers, notificationDeliveries, notificationEvents, notificationPreferences, outages } from '@/db/schema';
import { recordSystemAction } from '@/lib/audit';
import type { Locale } from '@/lib/i18n/locale';
import { logWarning } from '@/lib/log';
import { ALWAYS_ON, type NotificationCategory } from './events';
import { describeError, sendMail } from './mailer';
import { renderMessage } from './render';

/** How long a claimed delivery is reserved for the worker that claimed it. */
export const LEASE_MS = 2 * 60 * 1000;
/** Attempts before a delivery is given up (status failed). */
export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 30 * 1000;
const BACKOFF_CAP_MS = 60 * 60 * 1000;
const BATCH = 25;

/** The wait before attempt `attempts + 1` after `attempts` failed ones: 30 s, 1 min, 2 min, … at most 1 hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Events whose link is a one-time secret (an invitation, a password reset): cleared once delivered. */
const ONE_TIME_LINK_TYPES = new Set(['user.invited', 'user.password_reset_requested']);

const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer_users'), roles: z.array(z.enum(['admin', 'billing', 'viewer'])).optional() }),
  z.object({ kind: z.literal('user'), customerUserId: z.uuid() }),
  z.object({ kind: z.literal('failure_contacts') }),
  z.object({ kind: z.literal('email'), email: z.string().min(3).max(320), locale: z.enum(['ja', 'en']) }),
]);

type EventRow = typeof notificationEvents.$inferSelect;
type DeliveryInsert = typeof notificationDeliveries.$inferInsert;
const asLocale = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'ja');

/** The deliveries one event makes, by its recipients, as of now (active users, their preferences, the contacts). */
async function deliveriesOf(tx: DbOrTx, event: EventRow, now: Date): Promise<DeliveryInsert[]> {
  const rows = new Map<string, DeliveryInsert>();
  const add = (row: Omit<DeliveryInsert, 'eventId' | 'customerId' | 'nextAttemptAt' | 'createdAt'>) => {
    const key = `${row.channel}|${row.recipientKey}`;
    if (!rows.has(key)) rows.set(key, { ...row, eventId: event.id, customerId: event.customerId, nextAttemptAt: now, createdAt: now });
  };
  const alwaysOn = ALWAYS_ON.includes(event.category as NotificationCategory);
  const addUsers = async (users: { id: string; email: string; locale: string }[]) => {
    if (!users.length) return;
    const off = alwaysOn
      ? new Set<string>()
      : new Set(
          (
            await tx
              .select({ id: notificationPreferences.customerUserId })
              .from(notificationPreferences)
              .where(
                and(
                  inArray(
                    notificationPreferences.customerUserId,
                    users.map((u) => u.id),
                  ),
                  eq(notificationPreferences.category, event.category),
                  eq(notificationPreferences.email, false),
                ),
              )
          ).map((p) => p.id),
        );
    for (const user of users) {
      const base = { customerUserId: user.id, recipientKey: `user:${user.id}`, locale: asLocale(user.locale) };
      add({ ...base, channel: 'inbox' });
      if (!off.has(user.id)) add({ ...base, channel: 'email', email: user.email });
    }
  };
  for (const raw of event.recipients) {
    const parsed = recipientSchema.safeParse(raw);
    if (!parsed.success) continue;
    const to = parsed.data;
    if (to.kind === 'email') {
      const email = to.email.trim().toLowerCase();
      add({ channel: 'email', recipientKey: `email:${email}`, email, locale: to.locale });
      continue;
    }
    if (!event.customerId) continue;
    const userColumns = { id: customerUsers.id, email: customerUsers.email, locale: customerUsers.locale };
    const active = and(eq(customerUsers.customerId, event.customerId), isNull(customerUsers.deactivatedAt));
    if (to.kind === 'customer_users') {
      await addUsers(
        await tx
          .select(userColumns)
          .from(customerUsers)
          .where(to.roles?.length ? and(active, inArray(customerUsers.role, to.roles)) : active),
      );
    } else if (to.kind === 'user') {
      await addUsers(await tx.select(userColumns).from(customerUsers).where(and(active, eq(customerUsers.id, to.customerUserId))));
    } else {
      const contacts = await tx
        .select()
        .from(customerContacts)
        .where(and(eq(customerContacts.customerId, event.customerId), eq(customerContacts.kind, 'failure')));
      for (const c of contacts) {
        add({ channel: 'email', recipientKey: `contact:${c.id}`, contactId: c.id, email: c.email.trim().toLowerCase(), locale: asLocale(c.locale) });
      }
    }
  }
  return [...rows.values()];
}

/** Expands up to `limit` events into deliveries, each in the transaction that marks it expanded. Returns how many. */
export async function expandEvents(db: Db, now: Date, limit = BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select()
      .from(notificationEvents)
      .where(isNull(notificationEvents.expandedAt))
      .orderBy(asc(notificationEvents.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const event of events) {
      const rows = await deliveriesOf(tx, event, now);
      if (rows.length) await tx.insert(notificationDeliveries).values(rows).onConflictDoNothing();
      // No recipient: nothing will ever be sent, so a one-time link is dropped at once.
      const dropLink = rows.length === 0 && ONE_TIME_LINK_TYPES.has(event.type);
      await tx
        .update(notificationEvents)
        .set({ expandedAt: now, ...(dropLink ? { link: null } : {}) })
        .where(eq(notificationEvents.id, event.id));
    }
    return events.length;
  });
}

type DeliveryRow = typeof notificationDeliveries.$inferSelect;

/** Claims up to `limit` due deliveries for this worker by a lease, and commits the claim. */
async function claimDue(db: Db, now: Date, limit: number): Promise<{ rows: DeliveryRow[]; lease: Date }> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const rows = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(
        and(
          eq(notificationDeliveries.status, 'pending'),
          lte(notificationDeliveries.nextAttemptAt, now),
          or(isNull(notificationDeliveries.lockedUntil), lt(notificationDeliveries.lockedUntil, now)),
        ),
      )
      .orderBy(asc(notificationDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(notificationDeliveries)
      .set({ lockedUntil: lease })
      .where(
        inArray(
          notificationDeliveries.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
  return { rows, lease };
}

/** The row is still ours: pending, and our lease (another worker's claim after expiry changes it). */
const stillOurs = (id: string, lease: Date) =>
  and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, 'pending'), eq(notificationDeliveries.lockedUntil, lease));

/**
 * After an e-mail of an 'outage.recorded' event is sent: the outage's notification time
 * (R-SLA-NOTIFY) is the first such delivery's, recorded once and audited as the portal's action.
 */
async function recordOutageNotified(tx: DbOrTx, event: EventRow, sentAt: Date, deliveryId: string): Promise<void> {
  const outageId = typeof event.facts.outageId === 'string' ? event.facts.outageId : null;
  if (!outageId || !event.customerId) return;
  const updated = await tx
    .update(outages)
    .set({ notifiedAt: sentAt })
    .where(and(eq(outages.id, outageId), eq(outages.customerId, event.customerId), isNull(outages.notifiedAt)))
    .returning({ id: outages.id });
  if (updated.length) {
    await recordSystemAction(
      tx,
      'outage.notified',
      { type: 'outage', id: outageId, customerId: event.customerId },
      { notifiedAt: sentAt.toISOString(), deliveryId },
      sentAt,
    );
  }
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Delivers up to `limit` due deliveries. `clock` gives the time a send finished (tests fix it). */
export async function deliverDue(db: Db, now: Date, limit = BATCH, clock: () => Date = () => now): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const { rows, lease } = await claimDue(db, now, limit);
  if (!rows.length) return report;
  const eventIds = [...new Set(rows.map((r) => r.eventId))];
  const events = new Map((await db.select().from(notificationEvents).where(inArray(notificationEvents.id, eventIds))).map((e) => [e.id, e] as const));
  const customerIds = [...new Set(rows.filter((r) => r.contactId && r.customerId).map((r) => r.customerId!))];
  const companies = new Map(
    customerIds.length
      ? (await db.select({ id: customers.id, name: customers.name }).from(customers).where(inArray(customers.id, customerIds))).map((c) => [c.id, c.name] as const)
      : [],
  );
  for (const delivery of rows) {
    const event = events.get(delivery.eventId);
    try {
      if (!event) throw new Error('event missing');
      if (delivery.channel === 'email') {
        if (!delivery.email) throw new Error('no address');
        const audience = delivery.customerUserId
          ? ({ kind: 'user' } as const)
          : delivery.contactId
            ? ({ kind: 'contact', company: companies.get(delivery.customerId ?? '') ?? '' } as const)
            : ({ kind: 'address' } as const);
        const message = renderMessage(event, asLocale(delivery.locale), audience);
        await sendMail({ deliveryId: delivery.id, to: delivery.email, subject: message.subject, text: message.text, html: message.html, locale: delivery.locale });
      }
      const sentAt = delivery.channel === 'inbox' ? now : clock();
      await db.transaction(async (tx) => {
        const marked = await tx
          .update(notificationDeliveries)
          .set({ status: 'sent', sentAt, lockedUntil: null, lastError: null, attempts: delivery.attempts + 1 })
          .where(stillOurs(delivery.id, lease))
          .returning({ id: notificationDeliveries.id });
        if (!marked.length) return;
        if (event!.type === 'outage.recorded' && delivery.channel === 'email') await recordOutageNotified(tx, event!, sentAt, delivery.id);
        if (event!.link && ONE_TIME_LINK_TYPES.has(event!.type)) {
          await tx
            .update(notificationEvents)
            .set({ link: null })
            .where(
              and(
                eq(notificationEvents.id, event!.id),
                sql`NOT EXISTS (SELECT 1 FROM ${notificationDeliveries} WHERE ${notificationDeliveries.eventId} = ${event!.id} AND ${notificationDeliveries.status} = 'pending')`,
              ),
            );
        }
      });
      report.sent += 1;
    } catch (error) {
      const attempts = delivery.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .update(notificationDeliveries)
        .set({
          attempts,
          lockedUntil: null,
          lastError: describeError(error),
          ...(giveUp ? { status: 'failed' as const } : { nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) }),
        })
        .where(stillOurs(delivery.id, lease));
      if (giveUp && event && ONE_TIME_LINK_TYPES.has(event.type)) {
        // A one-time link is not kept once nothing will deliver it any more.
        await db
          .update(notificationEvents)
          .set({ link: null })
          .where(
            and(
              eq(notificationEvents.id, delivery.eventId),
              sql`NOT EXISTS (SELECT 1 FROM ${notificationDeliveries} WHERE ${notificationDeliveries.eventId} = ${delivery.eventId} AND ${notificationDeliveries.status} = 'pending')`,
            ),
          );
      }
      if (giveUp) {
        report.failed += 1;
        logWarning('notify', `delivery ${delivery.id} failed after ${attempts} attempts: ${describeError(error)}`);
      } else report.retried += 1;
    }
  }
  return report;
}

/** Whether there is anything to do: one statement over the two partial/covering indexes. */
export async function hasWork(db: Db, now: Date): Promise<boolean> {
  const [row] = await db
    .select({
      work: sql<boolean>`EXISTS (SELECT 1 FROM ${notificationEvents} WHERE ${notificationEvents.expandedAt} IS NULL)
        OR EXISTS (SELECT 1 FROM ${notificationDeliveries} WHERE ${notificationDeliveries.status} = 'pending' AND ${notificationDeliveries.nextAttemptAt} <= ${now.toISOString()})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return Boolean(row?.work);
}

/** One pass: expand every waiting event, then deliver what is due (in batches). For tests and the loop. */
export async function runNotificationsOnce(db: Db, now: Date = new Date()): Promise<DeliveryReport & { expanded: number }> {
  let expanded = 0;
  for (let n = await expandEvents(db, now); n > 0; n = await expandEvents(db, now)) expanded += n;
  const total: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const r = await deliverDue(db, now);
    total.sent += r.sent;
    total.retried += r.retried;
    total.failed += r.failed;
    if (r.sent + r.retried + r.failed < BATCH) break;
  }
  return { expanded, ...total };
}
