import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { auditLog, customerContacts, customers } from '@/db/schema';
import { impersonatingActor, type CustomerActor, type StaffActor } from '@/lib/auth/access';
import { addContact, contactsPage, editContact, failureContacts, MAX_CONTACTS_PER_KIND, removeContact, saveCompanyDetails } from '@/lib/contacts/contacts';
import { addContactSchema, companyDetailsSchema, editContactSchema } from '@/lib/contacts/schemas';
import { fieldErrorsOf } from '@/lib/form-state';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { customerActor, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();
const NOW = new Date('2026-11-24T03:00:00Z');
const person = { name: 'Taro Yamada', email: 'noc@acme.example', phone: '03-1111-2222', hours: '24時間', locale: 'ja' as const };

describe.each(targets)('contacts on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let victor: CustomerActor;
  let grace: CustomerActor;
  let billing: CustomerActor;
  let sam: StaffActor;
  let support: CustomerActor;
  let failureId: string;

  async function auditCount() {
    const [row] = await db.select({ n: count() }).from(auditLog);
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, new Date(NOW.getTime() - 86_400_000));
    alice = await customerActor(db, DEMO_USERS.alice);
    victor = await customerActor(db, DEMO_USERS.victor);
    grace = await customerActor(db, DEMO_USERS.grace);
    billing = await customerActor(db, DEMO_USERS.bill);
    sam = await staffActor(db, DEMO_USERS.sam);
    // Support inside the customer's grant ("support may act for us"): may act on contracts, never on contacts.
    support = impersonatingActor(sam, {
      customerId: alice.customerId,
      sessionId: '00000000-0000-4000-8000-000000000001',
      staffUserId: sam.userId,
      staffName: sam.name,
      reason: 'asked',
      ticket: 'INC-1',
      startedAt: NOW,
      expiresAt: new Date(NOW.getTime() + 30 * 60_000),
      mayAct: true,
    });
  });
  afterAll(async () => {
    await open.close();
  });

  it('an admin adds, edits and removes contacts of each kind, each audited', async () => {
    const failure = await addContact(db, alice, { kind: 'failure', ...person }, NOW);
    expect(failure).toMatchObject({ ok: true });
    if (!failure.ok) return;
    failureId = failure.id;
    const ops = await addContact(db, alice, { kind: 'operations', ...person, name: 'Ops', email: 'ops@acme.example', hours: 'weekdays 9:00–18:00', locale: 'en' }, NOW);
    expect(ops).toMatchObject({ ok: true });
    if (!ops.ok) return;
    const edited = await editContact(db, alice, { contactId: ops.id, ...person, name: 'Ops Team', email: 'ops@acme.example', hours: 'weekdays', locale: 'en' }, NOW);
    expect(edited).toMatchObject({ ok: true });
    const page = await contactsPage(db, alice.customerId);
    // The demo's own contacts come first (lib/demo/seed.ts).
    expect(page?.failure.map((c) => [c.name, c.email, c.hours, c.locale])).toEqual([
      ['Acme NOC', 'noc@acme.example', '24時間 / 24 hours', 'ja'],
      ['Taro Yamada', 'noc@acme.example', '24時間', 'ja'],
    ]);
    expect(page?.operations.map((c) => [c.name, c.kind])).toEqual([
      ['Alice Sato', 'operations'],
      ['Ops Team', 'operations'],
    ]);
    expect(await removeContact(db, alice, { contactId: ops.id }, NOW)).toMatchObject({ ok: true });
    expect((await contactsPage(db, alice.customerId))?.operations.map((c) => c.name)).toEqual(['Alice Sato']);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.customerId, alice.customerId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['contact.add', 'contact.edit', 'contact.remove']));
    const [edit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'contact.edit'), eq(auditLog.targetId, ops.id)));
    expect(edit).toMatchObject({ actorType: 'customer_user', actorId: alice.userId, detail: { before: { name: 'Ops' }, after: { name: 'Ops Team' } } });
    expect(await editContact(db, alice, { contactId: failureId, ...person }, NOW)).toMatchObject({ reason: 'unchanged' });
  });

  it('failureContacts names who the outage notices go to, per customer', async () => {
    expect((await failureContacts(db, alice.customerId)).map((c) => c.name)).toEqual(['Acme NOC', 'Taro Yamada']);
    expect((await failureContacts(db, alice.customerId)).at(-1)).toEqual({ id: failureId, ...person });
    expect(await failureContacts(db, grace.customerId)).toEqual([
      { id: expect.any(String), name: 'Globex IT desk', email: 'it-desk@globex.example', phone: '06-5555-0202', hours: '24 hours', locale: 'en' },
    ]);
  });

  it('keeps the last failure contact, and at most ten of a kind', async () => {
    const [globexFailure] = await failureContacts(db, grace.customerId);
    expect(await removeContact(db, grace, { contactId: globexFailure!.id }, NOW)).toEqual({ ok: false, kind: 'refused', reason: 'last_failure_contact' });
    for (let i = 0; i < MAX_CONTACTS_PER_KIND; i++) {
      expect(await addContact(db, grace, { kind: 'operations', ...person, email: `ops${i}@globex.example` }, NOW)).toMatchObject({ ok: true });
    }
    expect(await addContact(db, grace, { kind: 'operations', ...person }, NOW)).toMatchObject({ reason: 'too_many' });
  });

  it('saves the company details (the names stay the operator’s), audited with before and after', async () => {
    expect(await saveCompanyDetails(db, alice, { postalAddress: '東京都千代田区大手町1-1', phone: '03-5205-0000' }, NOW)).toMatchObject({ ok: true });
    const [row] = await db.select().from(customers).where(eq(customers.id, alice.customerId));
    expect(row).toMatchObject({ name: 'Acme Manufacturing', postalAddress: '東京都千代田区大手町1-1', phone: '03-5205-0000' });
    expect(await saveCompanyDetails(db, alice, { postalAddress: '東京都千代田区大手町1-1', phone: '03-5205-0000' }, NOW)).toMatchObject({ reason: 'unchanged' });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'company.edit'));
    expect(audit?.detail).toMatchObject({ before: { postalAddress: null, phone: null }, after: { phone: '03-5205-0000' } });
  });

  it('refuses viewers, billing users and support staff (even inside a grant), writing nothing', async () => {
    const before = await auditCount();
    const [contactsBefore] = await db.select({ n: count() }).from(customerContacts);
    for (const [actor, reason] of [
      [victor, 'read_only'],
      [billing, 'read_only'],
      [support, 'not_during_support'],
    ] as const) {
      expect(await addContact(db, actor, { kind: 'failure', ...person }, NOW)).toEqual({ ok: false, kind: 'refused', reason });
      expect(await editContact(db, actor, { contactId: failureId, ...person, name: 'X' }, NOW)).toEqual({ ok: false, kind: 'refused', reason });
      expect(await removeContact(db, actor, { contactId: failureId }, NOW)).toEqual({ ok: false, kind: 'refused', reason });
      expect(await saveCompanyDetails(db, actor, { postalAddress: 'x', phone: null }, NOW)).toEqual({ ok: false, kind: 'refused', reason });
    }
    expect(await auditCount()).toBe(before);
    expect(await db.select({ n: count() }).from(customerContacts)).toEqual([contactsBefore]);
  });

  it("answers another customer's contact as not found", async () => {
    expect(await editContact(db, grace, { contactId: failureId, ...person, name: 'Hijack' }, NOW)).toEqual({ ok: false, kind: 'not_found' });
    expect(await removeContact(db, grace, { contactId: failureId }, NOW)).toEqual({ ok: false, kind: 'not_found' });
    const [row] = await db.select().from(customerContacts).where(eq(customerContacts.id, failureId));
    expect(row?.name).toBe('Taro Yamada');
  });

  it('refuses bad input with a message per field', () => {
    const bad = addContactSchema.safeParse({ kind: 'sales', name: '', email: 'nope', phone: 'ring ring', hours: 'x'.repeat(101), locale: 'de' });
    expect(bad.success ? {} : fieldErrorsOf(bad.error)).toEqual({ kind: 'invalid', name: 'required', email: 'invalid', phone: 'invalid', hours: 'tooLong', locale: 'invalid' });
    expect(editContactSchema.safeParse({ contactId: 'x', ...person }).success).toBe(false);
    expect(addContactSchema.parse({ kind: 'failure', ...person, email: ' NOC@Acme.Example ' }).email).toBe('noc@acme.example');
    expect(companyDetailsSchema.parse({ postalAddress: ' ', phone: '' })).toEqual({ postalAddress: null, phone: null });
    expect(companyDetailsSchema.safeParse({ postalAddress: '', phone: 'abc' }).success).toBe(false);
  });
});
