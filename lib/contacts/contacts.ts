// Contacts (issue 13): the company details a customer keeps (postal address, phone; the names are
// the operator's), its operations contacts (運用管理担当者) and its failure contacts (障害時連絡先:
// who IIJ's outage notices of App. 1 §2 go to), several of each. Kept by the customer's admins;
// viewers and billing users read; support staff never change them, even inside a grant. Every
// query names the customer: another customer's contact is not found. Each write: one transaction
// that locks the customer row (so two edits of the list are judged one after the other), writes
// and audits.
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customerContacts, customers } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import type { CustomerActor } from '@/lib/auth/access';
import { notFound, refused, type Result } from '@/lib/result';
import type { AddContactInput, CompanyDetailsInput, ContactKind, EditContactInput } from './schemas';

/** At most this many contacts of each kind. */
export const MAX_CONTACTS_PER_KIND = 10;

export const CONTACT_REFUSALS = ['read_only', 'not_during_support', 'too_many', 'last_failure_contact', 'unchanged'] as const;
export type ContactRefusal = (typeof CONTACT_REFUSALS)[number];

export type ContactOutcome = Result<{ id: string }>;

/** Who may change contacts: the customer's own admins, never support (even inside a grant). */
function refusalFor(actor: CustomerActor): ContactRefusal | null {
  if (actor.impersonation) return 'not_during_support';
  if (!actor.canWrite) return 'read_only';
  return null;
}

async function lockCustomer(tx: DbOrTx, customerId: string) {
  const [row] = await tx.select().from(customers).where(eq(customers.id, customerId)).for('update');
  return row ?? null;
}

function contactDetail(c: { kind: ContactKind; name: string; email: string; phone: string; hours: string; locale: string }) {
  return { kind: c.kind, name: c.name, email: c.email, phone: c.phone, hours: c.hours, locale: c.locale };
}

/** The postal address and phone of the company. */
export async function saveCompanyDetails(db: Db, actor: CustomerActor, input: CompanyDetailsInput, now: Date): Promise<ContactOutcome> {
  const refusal = refusalFor(actor);
  if (refusal) return refused(refusal);
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, actor.customerId);
    if (!customer) return notFound;
    const before = { postalAddress: customer.postalAddress, phone: customer.phone };
    if (before.postalAddress === input.postalAddress && before.phone === input.phone) return refused('unchanged');
    await tx.update(customers).set(input).where(eq(customers.id, actor.customerId));
    await recordCustomerAction(tx, actor, 'company.edit', { type: 'customer', id: actor.customerId }, { before, after: input }, now);
    return { ok: true, id: actor.customerId };
  });
}

export async function addContact(db: Db, actor: CustomerActor, input: AddContactInput, now: Date): Promise<ContactOutcome> {
  const refusal = refusalFor(actor);
  if (refusal) return refused(refusal);
  return db.transaction(async (tx) => {
    if (!(await lockCustomer(tx, actor.customerId))) return notFound;
    const [held] = await tx
      .select({ n: count() })
      .from(customerContacts)
      .where(and(eq(customerContacts.customerId, actor.customerId), eq(customerContacts.kind, input.kind)));
    if ((held?.n ?? 0) >= MAX_CONTACTS_PER_KIND) return refused('too_many');
    const [row] = await tx
      .insert(customerContacts)
      .values({ customerId: actor.customerId, ...contactDetail(input), createdAt: now, updatedAt: now })
      .returning({ id: customerContacts.id });
    if (!row) throw new Error('contact not inserted');
    await recordCustomerAction(tx, actor, 'contact.add', { type: 'contact', id: row.id }, contactDetail(input), now);
    return { ok: true, id: row.id };
  });
}

export async function editContact(db: Db, actor: CustomerActor, input: EditContactInput, now: Date): Promise<ContactOutcome> {
  const refusal = refusalFor(actor);
  if (refusal) return refused(refusal);
  return db.transaction(async (tx) => {
    if (!(await lockCustomer(tx, actor.customerId))) return notFound;
    const [contact] = await tx
      .select()
      .from(customerContacts)
      .where(and(eq(customerContacts.id, input.contactId), eq(customerContacts.customerId, actor.customerId)));
    if (!contact) return notFound;
    const before = contactDetail(contact);
    const after = contactDetail({ ...input, kind: contact.kind });
    if (JSON.stringify(before) === JSON.stringify(after)) return refused('unchanged');
    await tx
      .update(customerContacts)
      .set({ name: after.name, email: after.email, phone: after.phone, hours: after.hours, locale: after.locale, updatedAt: now })
      .where(and(eq(customerContacts.id, contact.id), eq(customerContacts.customerId, actor.customerId)));
    await recordCustomerAction(tx, actor, 'contact.edit', { type: 'contact', id: contact.id }, { before, after }, now);
    return { ok: true, id: contact.id };
  });
}

/** Removes a contact; the last failure contact stays (outage notices need someone to go to). */
export async function removeContact(db: Db, actor: CustomerActor, input: { contactId: string }, now: Date): Promise<ContactOutcome> {
  const refusal = refusalFor(actor);
  if (refusal) return refused(refusal);
  return db.transaction(async (tx) => {
    if (!(await lockCustomer(tx, actor.customerId))) return notFound;
    const [contact] = await tx
      .select()
      .from(customerContacts)
      .where(and(eq(customerContacts.id, input.contactId), eq(customerContacts.customerId, actor.customerId)));
    if (!contact) return notFound;
    if (contact.kind === 'failure') {
      const [held] = await tx
        .select({ n: count() })
        .from(customerContacts)
        .where(and(eq(customerContacts.customerId, actor.customerId), eq(customerContacts.kind, 'failure')));
      if ((held?.n ?? 0) <= 1) return refused('last_failure_contact');
    }
    await tx.delete(customerContacts).where(and(eq(customerContacts.id, contact.id), eq(customerContacts.customerId, actor.customerId)));
    await recordCustomerAction(tx, actor, 'contact.remove', { type: 'contact', id: contact.id }, contactDetail(contact), now);
    return { ok: true, id: contact.id };
  });
}

// ── reads ────────────────────────────────────────────────────────────────────────────────────

export type Contact = typeof customerContacts.$inferSelect;

/** The Contacts page: the company (names and details) and its contacts of each kind, oldest first. */
export async function contactsPage(db: DbOrTx, customerId: string) {
  const [company] = await db
    .select({ code: customers.code, name: customers.name, nameEn: customers.nameEn, postalAddress: customers.postalAddress, phone: customers.phone })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!company) return null;
  const rows = await db
    .select()
    .from(customerContacts)
    .where(eq(customerContacts.customerId, customerId))
    .orderBy(asc(customerContacts.createdAt), asc(customerContacts.id));
  const byKind = (kind: ContactKind) => rows.filter((r) => r.kind === kind);
  return { company, operations: byKind('operations'), failure: byKind('failure') };
}

/**
 * The failure contacts of a customer (障害時連絡先): who IIJ's outage notices (App. 1 §2) go to,
 * each with the language of the notice. For the notifications.
 */
export async function failureContacts(db: DbOrTx, customerId: string): Promise<Pick<Contact, 'id' | 'name' | 'email' | 'phone' | 'hours' | 'locale'>[]> {
  return db
    .select({ id: customerContacts.id, name: customerContacts.name, email: customerContacts.email, phone: customerContacts.phone, hours: customerContacts.hours, locale: customerContacts.locale })
    .from(customerContacts)
    .where(and(eq(customerContacts.customerId, customerId), eq(customerContacts.kind, 'failure')))
    .orderBy(asc(customerContacts.createdAt), asc(customerContacts.id));
}
