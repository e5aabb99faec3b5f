import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { auditLog, closedNetworks, customerInvitations, customers, impersonationSessions, notificationEvents, pbbContracts, supportGrants, userSessions } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';
import { startSession } from '@/lib/auth/sessions';
import { startImpersonation } from '@/lib/support/impersonation';
import {
  addClosedNetwork,
  addCustomerPbbContract,
  createCustomer,
  customerForStaff,
  deactivateCustomer,
  editCustomer,
  inviteFirstAdmin,
  listCustomersForStaff,
  reactivateCustomer,
} from '@/lib/backoffice/customers';
import { addNetworkSchema, createCustomerSchema, inviteAdminSchema } from '@/lib/backoffice/schemas';
import { fieldErrorsOf } from '@/lib/form-state';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { hashOneTimeToken } from '@/lib/users/tokens';
import { customerActor, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();
const NOW = new Date('2026-11-24T03:00:00Z');
const ctx = { now: NOW };
const details = { name: '株式会社テスト', nameEn: 'Test KK', postalAddress: '東京都千代田区1-1', phone: '03-1234-5678' };

async function countOf(db: Db, table: typeof customers | typeof auditLog | typeof pbbContracts | typeof closedNetworks) {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

describe.each(targets)('onboarding on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let olivia: StaffActor;
  let sam: StaffActor;
  let alice: CustomerActor;
  let customerId: string;
  let pbbId: string;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    olivia = await staffActor(db, DEMO_USERS.olivia);
    sam = await staffActor(db, DEMO_USERS.sam);
    alice = await customerActor(db, DEMO_USERS.alice);
  });
  afterAll(async () => {
    await open.close();
  });

  it('creates a customer with both names and company details, audited', async () => {
    const result = await createCustomer(db, olivia, { code: 'C-100001', ...details }, ctx);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    customerId = result.id;
    const [row] = await db.select().from(customers).where(eq(customers.id, customerId));
    expect(row).toMatchObject({ code: 'C-100001', ...details, deactivatedAt: null });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'customer.create'), eq(auditLog.targetId, customerId)));
    expect(audit).toMatchObject({ actorType: 'staff_user', actorId: olivia.userId, customerId });
    expect((await listCustomersForStaff(db, 'c-1000')).map((c) => c.code)).toEqual(['C-100001']);
    expect((await listCustomersForStaff(db, 'test')).map((c) => c.code)).toEqual(['C-100001']);
    expect((await listCustomersForStaff(db, '株式会社テ')).map((c) => c.code)).toEqual(['C-100001']);
  });

  it('refuses a customer code already taken, writing nothing', async () => {
    const before = [await countOf(db, customers), await countOf(db, auditLog)];
    expect(await createCustomer(db, olivia, { code: 'C-000101', ...details }, ctx)).toEqual({ ok: false, kind: 'refused', reason: 'customer_code_taken' });
    expect([await countOf(db, customers), await countOf(db, auditLog)]).toEqual(before);
  });

  it('refuses bad input with a message per field', () => {
    const bad = createCustomerSchema.safeParse({ code: 'X1', name: '', nameEn: 'x'.repeat(201), phone: 'call me', postalAddress: '' });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(fieldErrorsOf(bad.error)).toEqual({ code: 'customerCode', name: 'required', nameEn: 'tooLong', phone: 'invalid' });
    const good = createCustomerSchema.parse({ code: ' c-100009 ', name: ' A ', nameEn: 'A', phone: '', postalAddress: ' ' });
    expect(good).toEqual({ code: 'C-100009', name: 'A', nameEn: 'A', phone: null, postalAddress: null });
    expect(addNetworkSchema.safeParse({ customerId, pbbContractId: customerId, networkCode: 'net 1', name: 'x' }).success).toBe(false);
    const invite = inviteAdminSchema.safeParse({ customerId, name: 'A', email: 'not-an-address', locale: 'fr' });
    expect(invite.success ? {} : fieldErrorsOf(invite.error)).toEqual({ email: 'invalid', locale: 'invalid' });
  });

  it('adds a PBB contract and a closed network on it', async () => {
    const pbb = await addCustomerPbbContract(db, olivia, { customerId, contractNumber: 'PBB-1000-01', startedOn: '2026-12-01' }, ctx);
    expect(pbb).toMatchObject({ ok: true });
    if (!pbb.ok) return;
    pbbId = pbb.id;
    expect(await addCustomerPbbContract(db, olivia, { customerId, contractNumber: 'PBB-0101-01', startedOn: '2026-12-01' }, ctx)).toMatchObject({
      reason: 'duplicate_contract_number',
    });
    const net = await addClosedNetwork(db, olivia, { customerId, pbbContractId: pbbId, networkCode: 'CN-1000-01', name: 'Head office' }, ctx);
    expect(net).toMatchObject({ ok: true });
    expect(await addClosedNetwork(db, olivia, { customerId, pbbContractId: pbbId, networkCode: 'CN-0101-HQ', name: 'Taken' }, ctx)).toMatchObject({
      reason: 'duplicate_network_code',
    });
    const page = await customerForStaff(db, customerId);
    expect(page?.pbbs.map((p) => [p.contractNumber, p.status, p.startedOn])).toEqual([['PBB-1000-01', 'active', '2026-12-01']]);
    expect(page?.networks.map((n) => [n.networkCode, n.name, n.pbbContractNumber])).toEqual([['CN-1000-01', 'Head office', 'PBB-1000-01']]);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.customerId, customerId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['pbb.record', 'network.create']));
  });

  it("answers another customer's PBB contract or an unknown customer as not found", async () => {
    const [acmePbb] = await db.select().from(pbbContracts).where(eq(pbbContracts.contractNumber, 'PBB-0101-01'));
    expect(await addClosedNetwork(db, olivia, { customerId, pbbContractId: acmePbb!.id, networkCode: 'CN-1000-09', name: 'x' }, ctx)).toEqual({
      ok: false,
      kind: 'not_found',
    });
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(await editCustomer(db, olivia, { customerId: nobody, ...details }, ctx)).toEqual({ ok: false, kind: 'not_found' });
    expect(await inviteFirstAdmin(db, olivia, { customerId: nobody, name: 'A', email: 'a@x.example', locale: 'ja' }, ctx)).toEqual({
      ok: false,
      kind: 'not_found',
    });
  });

  it('invites the first administrator: the invitation (token hashed, 72 h) and its e-mail in the outbox', async () => {
    const result = await inviteFirstAdmin(db, olivia, { customerId, name: 'Hanako Test', email: 'Hanako@Test.example', locale: 'en' }, ctx);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [invitation] = await db.select().from(customerInvitations).where(eq(customerInvitations.id, result.id));
    expect(invitation).toMatchObject({ customerId, email: 'hanako@test.example', role: 'admin', locale: 'en', invitedByStaff: olivia.userId, invitedBy: null });
    expect(invitation!.expiresAt.getTime() - NOW.getTime()).toBe(72 * 3600_000);
    const [event] = await db.select().from(notificationEvents).where(and(eq(notificationEvents.customerId, customerId), eq(notificationEvents.type, 'user.invited')));
    expect(event).toMatchObject({ category: 'security', facts: expect.objectContaining({ companyName: 'Test KK', role: 'admin', inviterName: olivia.name }) });
    const token = event!.link!.split('/invitation/')[1]!;
    expect(hashOneTimeToken(token)).toBe(invitation!.tokenHash);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.invite'), eq(auditLog.targetId, result.id)));
    expect(audit).toMatchObject({ actorId: olivia.userId, customerId });
    // The same address again, or an address of an existing user: refused.
    expect(await inviteFirstAdmin(db, olivia, { customerId, name: 'H', email: 'hanako@test.example', locale: 'ja' }, ctx)).toMatchObject({ reason: 'already_invited' });
    expect(await inviteFirstAdmin(db, olivia, { customerId, name: 'A', email: DEMO_USERS.alice, locale: 'ja' }, ctx)).toMatchObject({ reason: 'email_taken' });
    expect(await inviteFirstAdmin(db, olivia, { customerId, name: 'O', email: DEMO_USERS.olivia, locale: 'ja' }, ctx)).toMatchObject({ reason: 'email_taken' });
    // A company with an administrator invites its own colleagues: an operator cannot add one.
    const [acmeRow] = await db.select().from(customers).where(eq(customers.code, 'C-000101'));
    expect(await inviteFirstAdmin(db, olivia, { customerId: acmeRow!.id, name: 'X', email: 'x-admin@test.example', locale: 'ja' }, ctx)).toMatchObject({ reason: 'customer_has_admin' });
  });

  it('edits the names and details, audited with before and after; an unchanged edit is refused', async () => {
    const edited = { ...details, nameEn: 'Test Corporation', phone: null };
    expect(await editCustomer(db, olivia, { customerId, ...edited }, ctx)).toMatchObject({ ok: true });
    const [row] = await db.select().from(customers).where(eq(customers.id, customerId));
    expect(row).toMatchObject(edited);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'customer.edit'), eq(auditLog.targetId, customerId)));
    expect(audit?.detail).toMatchObject({ before: { nameEn: 'Test KK', phone: '03-1234-5678' }, after: { nameEn: 'Test Corporation', phone: null } });
    expect(await editCustomer(db, olivia, { customerId, ...edited }, ctx)).toMatchObject({ reason: 'customer_unchanged' });
  });

  it('refuses support staff and customers every onboarding write', async () => {
    const before = await countOf(db, auditLog);
    for (const actor of [sam, alice]) {
      expect(await createCustomer(db, actor, { code: 'C-100002', ...details }, ctx)).toMatchObject({ reason: 'forbidden' });
      expect(await editCustomer(db, actor, { customerId, ...details }, ctx)).toMatchObject({ reason: 'forbidden' });
      expect(await deactivateCustomer(db, actor, { customerId }, ctx)).toMatchObject({ reason: 'forbidden' });
      expect(await reactivateCustomer(db, actor, { customerId }, ctx)).toMatchObject({ reason: 'forbidden' });
      expect(await addCustomerPbbContract(db, actor, { customerId, contractNumber: 'PBB-1000-02', startedOn: '2026-12-01' }, ctx)).toMatchObject({ reason: 'forbidden' });
      expect(await addClosedNetwork(db, actor, { customerId, pbbContractId: pbbId, networkCode: 'CN-1000-02', name: 'x' }, ctx)).toMatchObject({ reason: 'forbidden' });
      expect(await inviteFirstAdmin(db, actor, { customerId, name: 'x', email: 'x@test.example', locale: 'ja' }, ctx)).toMatchObject({ reason: 'forbidden' });
    }
    expect(await countOf(db, auditLog)).toBe(before);
  });

  it("deactivates a customer: every session of its users ends at once, open invitations are revoked; reactivation", async () => {
    const [acme] = await db.select().from(customers).where(eq(customers.code, 'C-000101'));
    const victor = await customerActor(db, DEMO_USERS.victor);
    await startSession(db, { kind: 'customer', id: alice.userId }, NOW);
    await startSession(db, { kind: 'customer', id: alice.userId }, NOW);
    await startSession(db, { kind: 'customer', id: victor.userId }, NOW);
    const grace = await customerActor(db, DEMO_USERS.grace);
    await startSession(db, { kind: 'customer', id: grace.userId }, NOW);
    const sam = await staffActor(db, DEMO_USERS.sam);
    await db.insert(supportGrants).values({ customerId: acme!.id, grantedBy: alice.userId, startsAt: NOW, expiresAt: new Date(NOW.getTime() + 7 * 86_400_000) });
    const [support] = await db
      .insert(impersonationSessions)
      .values({ staffUserId: sam.userId, customerId: acme!.id, reason: 'Checking a ticket', ticket: 'T-9', startedAt: NOW, expiresAt: new Date(NOW.getTime() + 30 * 60_000) })
      .returning();
    const result = await deactivateCustomer(db, olivia, { customerId: acme!.id }, ctx);
    const [supportAfter] = await db.select().from(impersonationSessions).where(eq(impersonationSessions.id, support!.id));
    expect(supportAfter).toMatchObject({ endedAt: NOW, endedBy: olivia.userId });
    // Its grants end too, and support cannot start a new access to it.
    const grants = await db.select().from(supportGrants).where(eq(supportGrants.customerId, acme!.id));
    expect(grants.filter((g) => g.expiresAt > NOW).every((g) => g.revokedAt?.getTime() === NOW.getTime())).toBe(true);
    expect(await startImpersonation(db, sam, { customerId: acme!.id, reason: 'Checking', ticket: 'T-10' }, NOW)).toMatchObject({ ok: false, reason: 'customer_deactivated' });
    expect(result).toMatchObject({ ok: true, sessionsEnded: 3 });
    const open = await db.select().from(userSessions).where(isNull(userSessions.endedAt));
    expect(open.map((s) => s.customerUserId)).toEqual([grace.userId]);
    const ended = await db.select().from(userSessions).where(eq(userSessions.customerUserId, alice.userId));
    expect(ended.every((s) => s.endedReason === 'user_disabled')).toBe(true);
    expect(await deactivateCustomer(db, olivia, { customerId: acme!.id }, ctx)).toMatchObject({ reason: 'customer_deactivated' });
    expect(await addCustomerPbbContract(db, olivia, { customerId: acme!.id, contractNumber: 'PBB-0101-09', startedOn: '2026-12-01' }, ctx)).toMatchObject({
      reason: 'customer_deactivated',
    });
    expect((await listCustomersForStaff(db, 'C-000101'))[0]?.deactivatedAt).toEqual(NOW);

    // The new customer's open invitation is revoked with it.
    expect(await deactivateCustomer(db, olivia, { customerId }, ctx)).toMatchObject({ ok: true, sessionsEnded: 0 });
    const invitations = await db.select().from(customerInvitations).where(eq(customerInvitations.customerId, customerId));
    expect(invitations.every((i) => i.revokedAt?.getTime() === NOW.getTime())).toBe(true);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'customer.deactivate'), eq(auditLog.targetId, customerId)));
    expect(audit?.detail).toMatchObject({ invitationsRevoked: 1 });

    expect(await reactivateCustomer(db, olivia, { customerId: acme!.id }, ctx)).toMatchObject({ ok: true });
    expect(await reactivateCustomer(db, olivia, { customerId: acme!.id }, ctx)).toMatchObject({ reason: 'customer_active' });
    const [back] = await db.select().from(customers).where(eq(customers.id, acme!.id));
    expect(back?.deactivatedAt).toBeNull();
  });
});
