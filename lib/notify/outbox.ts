// The one writer of the transactional outbox: an event is written in the transaction of the change
// that causes it, so it exists exactly when the change does (committed together, or neither). The
// worker (lib/notify) expands and delivers it later, retrying until it is delivered.
import type { DbOrTx } from '@/db/client';
import { notificationEvents } from '@/db/schema';
import type { NotificationEvent } from './events';
import { wakeNotificationWorker } from './wake';

/**
 * Writes the event into the outbox inside `tx`. A one-time link (a secret) is kept only until
 * delivered: the worker clears the event's link once every delivery of it is sent.
 */
export async function enqueueNotification(tx: DbOrTx, event: NotificationEvent, now: Date = new Date()): Promise<void> {
  await tx
    .insert(notificationEvents)
    .values({
      customerId: event.customerId,
      category: event.category,
      type: event.type,
      facts: event.facts,
      link: event.link ?? null,
      recipients: event.to,
      dedupeKey: event.dedupeKey ?? null,
      createdAt: now,
    })
    .onConflictDoNothing();
  // Wake this process's worker shortly, by then usually after the commit; if not, its next poll finds the event.
  wakeNotificationWorker(150);
}
