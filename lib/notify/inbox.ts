// The in-app inbox of one customer user: the bell's unread count, the notifications page, marking
// read, and the e-mail preferences per category. Every query takes the user and the customer.
// Marks and preferences are the user's own: support staff seeing the portal as the customer get a
// read-only page and a refusal on the server. Marking read is not audited (it changes nothing of
// the account and would flood the Activity page); a change of preferences is.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { notificationDeliveries, notificationEvents, notificationPreferences } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import type { CustomerActor } from '@/lib/auth/access';
import type { Locale } from '@/lib/i18n/locale';
import { notFound, refused, type Result } from '@/lib/result';
import { ALWAYS_ON, NOTIFICATION_CATEGORIES, type NotificationCategory } from './events';
import { renderTitle } from './render';

const inbox = (customerUserId: string, customerId: string) =>
  and(
    eq(notificationDeliveries.customerUserId, customerUserId),
    eq(notificationDeliveries.customerId, customerId),
    eq(notificationDeliveries.channel, 'inbox'),
    eq(notificationDeliveries.status, 'sent'),
  );

/** The bell's count, prepared once per handle: the header runs it on every page of a signed-in customer. */
const unreadStatement = (db: DbOrTx, name: string) =>
  db
    .select({ n: count() })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.customerUserId, sql.placeholder('userId')),
        eq(notificationDeliveries.customerId, sql.placeholder('customerId')),
        eq(notificationDeliveries.channel, 'inbox'),
        eq(notificationDeliveries.status, 'sent'),
        isNull(notificationDeliveries.readAt),
      ),
    )
    .prepare(name);

export async function unreadCount(db: Db, actor: Pick<CustomerActor, 'userId' | 'customerId'>): Promise<number> {
  const [row] = await prepared(db, 'notify_unread', unreadStatement).execute({ userId: actor.userId, customerId: actor.customerId });
  return row?.n ?? 0;
}

export interface InboxItem {
  id: string;
  type: string;
  category: string;
  subject: string;
  body: string;
  /** A portal path to open, or null (one-time links never show here). */
  link: string | null;
  at: Date;
  readAt: Date | null;
}

/** The newest `limit` notices of the user, rendered in `locale`. */
export async function listInbox(db: DbOrTx, actor: Pick<CustomerActor, 'userId' | 'customerId'>, locale: Locale, limit = 50): Promise<InboxItem[]> {
  const rows = await db
    .select({ delivery: notificationDeliveries, event: notificationEvents })
    .from(notificationDeliveries)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notificationDeliveries.eventId))
    .where(inbox(actor.userId, actor.customerId))
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationEvents.createdAt), desc(notificationDeliveries.id))
    .limit(limit);
  return rows.map(({ delivery, event }) => {
    const { subject, body } = renderTitle({ type: event.type, facts: event.facts, link: event.link }, locale);
    return {
      id: delivery.id,
      type: event.type,
      category: event.category,
      subject,
      body,
      link: event.link?.startsWith('/') ? event.link : null,
      at: delivery.sentAt ?? delivery.createdAt,
      readAt: delivery.readAt,
    };
  });
}

/**
 * What support staff seeing the portal as the customer are shown: the customer's notices (each
 * event that reached a user's inbox once), without anyone's read marks.
 */
export async function listCustomerNotices(db: DbOrTx, customerId: string, locale: Locale, limit = 50): Promise<InboxItem[]> {
  const rows = await db
    .select()
    .from(notificationEvents)
    .where(
      and(
        eq(notificationEvents.customerId, customerId),
        sql`EXISTS (SELECT 1 FROM ${notificationDeliveries} WHERE ${notificationDeliveries.eventId} = ${notificationEvents.id} AND ${notificationDeliveries.channel} = 'inbox' AND ${notificationDeliveries.status} = 'sent')`,
      ),
    )
    .orderBy(desc(notificationEvents.createdAt), desc(notificationEvents.id))
    .limit(limit);
  return rows.map((event) => ({
    id: event.id,
    type: event.type,
    category: event.category,
    ...renderTitle({ type: event.type, facts: event.facts, link: event.link }, locale),
    link: event.link?.startsWith('/') ? event.link : null,
    at: event.createdAt,
    readAt: null,
  }));
}

/** Marks and preferences are the user's own: never changed by support staff acting as the customer. */
const supportRefusal = (actor: CustomerActor) => (actor.impersonation ? refused('support_view_only') : null);

/** Marks one notice (`deliveryId`) or every unread one (`all`) of the actor as read. */
export async function markRead(db: Db, actor: CustomerActor, input: { deliveryId: string } | { all: true }, now: Date): Promise<Result<{ marked: number }>> {
  const refusal = supportRefusal(actor);
  if (refusal) return refusal;
  return db.transaction(async (tx) => {
    const one = 'deliveryId' in input ? input.deliveryId : null;
    const where = and(inbox(actor.userId, actor.customerId), ...(one ? [eq(notificationDeliveries.id, one)] : []));
    if (one) {
      const [found] = await tx.select({ id: notificationDeliveries.id }).from(notificationDeliveries).where(where);
      if (!found) return notFound;
    }
    const marked = await tx
      .update(notificationDeliveries)
      .set({ readAt: now })
      .where(and(where, isNull(notificationDeliveries.readAt)))
      .returning({ id: notificationDeliveries.id });
    return { ok: true as const, marked: marked.length };
  });
}

export interface PreferenceRow {
  category: NotificationCategory;
  email: boolean;
  locked: boolean;
}

/** Every category with the user's e-mail choice (on unless turned off; security always on). */
export async function listPreferences(db: DbOrTx, actor: Pick<CustomerActor, 'userId'>): Promise<PreferenceRow[]> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.customerUserId, actor.userId));
  const off = new Set(rows.filter((r) => !r.email).map((r) => r.category));
  return NOTIFICATION_CATEGORIES.map((category) => {
    const locked = ALWAYS_ON.includes(category);
    return { category, email: locked || !off.has(category), locked };
  });
}

/** Saves the user's e-mail choice for every category at once (`emailOn`: the categories ticked), audited. */
export async function savePreferences(db: Db, actor: CustomerActor, input: { emailOn: NotificationCategory[] }, now: Date): Promise<Result<{ off: string[] }>> {
  const refusal = supportRefusal(actor);
  if (refusal) return refusal;
  const on = new Set(input.emailOn);
  const values = NOTIFICATION_CATEGORIES.filter((c) => !ALWAYS_ON.includes(c)).map((category) => ({
    customerUserId: actor.userId,
    category,
    email: on.has(category),
    updatedAt: now,
  }));
  return db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values(values)
      .onConflictDoUpdate({
        target: [notificationPreferences.customerUserId, notificationPreferences.category],
        set: { email: sql`excluded.email`, updatedAt: now },
      });
    const off = values.filter((v) => !v.email).map((v) => v.category);
    await recordCustomerAction(tx, actor, 'notifications.preferences', { type: 'customer_user', id: actor.userId }, { emailOff: off }, now);
    return { ok: true as const, off };
  });
}
