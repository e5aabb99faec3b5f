// What the portal tells people, as data: each event names its category (the unit of a user's
// preferences), its type, the facts the message states, and who it goes to. The words are rendered
// at delivery in each recipient's language (lib/notify owns the rendering and the worker).

/** Preference categories. 'security' notices cannot be turned off. */
export const NOTIFICATION_CATEGORIES = ['applications', 'changes', 'cancellations', 'outages', 'sla', 'statements', 'support', 'security'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export const ALWAYS_ON: readonly NotificationCategory[] = ['security'];

/**
 * Who an event goes to, resolved when the worker expands it:
 * - customer_users: every active user of the event's customer (inbox always; e-mail unless that user
 *   turned the category off), optionally only some roles;
 * - user: one customer user (inbox and e-mail, e.g. "your password was changed");
 * - failure_contacts: the customer's failure contacts (障害時連絡先) by e-mail (App. 1 §2);
 * - email: one address that is not (yet) a user (an invitation, a password reset).
 */
export type Recipients =
  | { kind: 'customer_users'; roles?: ('admin' | 'billing' | 'viewer')[] }
  | { kind: 'user'; customerUserId: string }
  | { kind: 'failure_contacts' }
  | { kind: 'email'; email: string; locale: 'ja' | 'en' };

/** Facts are plain JSON: strings (dates as YYYY-MM-DD or ISO instants), numbers (yen), booleans. */
export type Facts = Record<string, string | number | boolean | null>;

export interface NotificationEvent {
  customerId: string | null;
  category: NotificationCategory;
  /**
   * 'application.received', 'user.invited', 'outage.recorded', …: the message template's key
   * (messages `mail.types.<type with _ for .>`). The facts each type's message names are listed in
   * lib/notify/render.ts MESSAGE_FACTS; for the users' notices: 'user.invited' {name, companyName,
   * role, inviterName, expiresAt} + link; 'user.role_changed' {name, role, byName};
   * 'user.password_changed' {name, changedAt}; 'user.password_reset_requested' {name, expiresAt} +
   * link; 'user.deactivated' {name, byName}. Category 'security' for all of them. A one-time link
   * (invited, password reset) is cleared once delivered.
   */
  type: string;
  facts: Facts;
  /** A path in the portal the message links to ('/statements?month=2026-11'), or an absolute link. */
  link?: string;
  to: Recipients[];
  /** When set, the event is written once only (a second enqueue with the same key is ignored). */
  dedupeKey?: string;
}
