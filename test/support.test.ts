import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { auditLog, cancellationNotices, customerUsers, customers, options, staffUsers } from '@/db/schema';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { checkCustomer, checkStaff, type CustomerActor, type StaffActor } from '@/lib/auth/access';
import { hashPassword } from '@/lib/auth/password';
import { acceptApplication } from '@/lib/backoffice/applications';
import { cancelOption, type Ctx } from '@/lib/contracts/services';
import { grantSupportAccess, revokeSupportAccess } from '@/lib/support/grants';
import { activeImpersonation, endImpersonation, startImpersonation } from '@/lib/support/impersonation';
import { searchCustomers } from '@/lib/support/search';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();
const T0 = new Date('2026-11-24T03:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe.each(targets)('support staff on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let victor: CustomerActor;
  let sam: StaffActor;
  let olivia: StaffActor;
  let stella: StaffActor;
  let acmeId: string;

  async function customerActor(email: string): Promise<CustomerActor> {
    const [u] = await db.select().from(customerUsers).where(eq(customerUsers.email, email));
    return { kind: 'customer', userId: u!.id, customerId: u!.customerId, role: u!.role, name: u!.name, email, canWrite: u!.role === 'admin' };
  }
  async function staffActor(email: string): Promise<StaffActor> {
    const [u] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
    return { kind: 'staff', userId: u!.id, role: u!.role, name: u!.name, email, enrolled: Boolean(u!.totpSecret) };
  }
  /** What requireCustomer decides for a staff member at `at`, from the session row alone. */
  async function asSupport(staff: StaffActor, at: Date, opts: { write?: boolean } = {}) {
    return checkCustomer(staff, opts, await activeImpersonation(db, staff.userId, at));
  }

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, T0);
    await db.insert(staffUsers).values({
      email: 'stella@support.example',
      name: 'Stella Second',
      role: 'support',
      passwordHash: await hashPassword('x-pass-x'),
      totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    });
    alice = await customerActor(DEMO_USERS.alice);
    victor = await customerActor(DEMO_USERS.victor);
    sam = await staffActor(DEMO_USERS.sam);
    olivia = await staffActor(DEMO_USERS.olivia);
    stella = await staffActor('stella@support.example');
    acmeId = alice.customerId;
  });
  afterAll(async () => open?.close());

  describe('search', () => {
    it.each([
      ['acme', 'name'],
      ['ACME MANU', 'name'],
      ['c-0001', 'code'],
      ['victor@acme', 'email'],
      ['sh-000101', 'contract'],
      ['SH-O-000102', 'option'],
    ])('finds Acme by %j (%s)', async (query, matched) => {
      const hits = await searchCustomers(db, query);
      expect(hits.find((h) => h.name === 'Acme Manufacturing')).toMatchObject({ matched });
    });

    it('needs two characters, matches prefixes only, and treats % and _ literally', async () => {
      expect(await searchCustomers(db, 'a')).toEqual([]);
      expect(await searchCustomers(db, 'manufacturing')).toEqual([]);
      expect(await searchCustomers(db, '%%')).toEqual([]);
      expect(await searchCustomers(db, '__')).toEqual([]);
      expect((await searchCustomers(db, 'glob')).map((h) => h.code)).toEqual(['C-000202']);
    });
  });

  describe('impersonation lifecycle', () => {
    it('starts view-only: the support member sees the customer, every write is refused', async () => {
      const started = await startImpersonation(db, sam, { customerId: acmeId, reason: 'Customer asked about NAPT', ticket: 'INC-1001' }, T0);
      expect(started).toMatchObject({ ok: true });
      const view = await asSupport(sam, minutes(1));
      expect(view).toMatchObject({ ok: true, actor: { customerId: acmeId, canWrite: false, impersonation: { ticket: 'INC-1001', mayAct: false } } });
      expect(await asSupport(sam, minutes(1), { write: true })).toEqual({ ok: false, outcome: 'support_view_only' });

      if (!view.ok) return;
      const [napt] = await db.select().from(options).where(eq(options.code, 'SH-O-000103'));
      const refused = await cancelOption(db, view.actor, { optionId: napt!.id, idempotencyKey: 'imp-1' }, { now: minutes(1), mode: 'confirm' });
      expect(refused).toMatchObject({ ok: false, reason: 'support_view_only' });
      const [audit] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'support.start'), eq(auditLog.customerId, acmeId)));
      expect(audit).toMatchObject({ actorType: 'staff_user', actorId: sam.userId, detail: expect.objectContaining({ ticket: 'INC-1001' }) });
    });

    it('inside the customer grant, support acts for the customer and every write names both', async () => {
      expect(await grantSupportAccess(db, alice, { days: 3 }, T0)).toMatchObject({ ok: true });
      const view = await asSupport(sam, minutes(2), { write: true });
      expect(view).toMatchObject({ ok: true, actor: { canWrite: true, impersonation: { mayAct: true } } });
      if (!view.ok) return;
      // The on-premises port (the M2 public port and its NAPT add-on keep running).
      const [port] = await db.select().from(options).where(eq(options.code, 'SH-O-000101'));
      const ctx: Ctx = { now: minutes(2), mode: 'confirm' };
      const done = await cancelOption(db, view.actor, { optionId: port!.id, idempotencyKey: 'imp-2' }, ctx);
      expect(done).toMatchObject({ ok: true });
      const [notice] = await db.select().from(cancellationNotices).where(eq(cancellationNotices.idempotencyKey, 'imp-2'));
      expect(notice).toMatchObject({ customerId: acmeId, submittedByStaff: sam.userId });
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'option.cancel'), eq(auditLog.targetId, port!.id)));
      expect(audit).toMatchObject({
        actorType: 'staff_user',
        actorId: sam.userId,
        customerId: acmeId,
        impersonationSessionId: view.actor.impersonation!.sessionId,
        detail: expect.objectContaining({ ticket: 'INC-1001', onBehalfOfCustomer: true }),
      });
    });

    it('never lets support change the grant itself', async () => {
      const view = await asSupport(sam, minutes(3));
      if (!view.ok) throw new Error('expected a support view');
      expect(await grantSupportAccess(db, view.actor, { days: 30 }, minutes(3))).toEqual({ ok: false, kind: 'refused', reason: 'not_during_support' });
      expect(await revokeSupportAccess(db, view.actor, minutes(3))).toEqual({ ok: false, kind: 'refused', reason: 'not_during_support' });
    });

    it('expires after 30 minutes at the latest: a request after that is refused', async () => {
      expect(await asSupport(sam, minutes(29))).toMatchObject({ ok: true });
      expect(await asSupport(sam, minutes(30))).toEqual({ ok: false, outcome: 'not_found' });
      const long = await startImpersonation(db, sam, { customerId: acmeId, reason: 'r', ticket: 't', minutes: 120 }, minutes(31));
      expect(long.ok && long.value.expiresAt.getTime() - minutes(31).getTime()).toBe(30 * 60_000);
    });

    it('ends at once with End, and a request after the end is refused', async () => {
      const session = await activeImpersonation(db, sam.userId, minutes(32));
      expect(await endImpersonation(db, sam, { sessionId: session!.sessionId }, minutes(33))).toEqual({ ok: true, value: { revoked: false } });
      expect(await asSupport(sam, minutes(33))).toEqual({ ok: false, outcome: 'not_found' });
      expect(await endImpersonation(db, sam, { sessionId: session!.sessionId }, minutes(34))).toEqual({ ok: false, kind: 'refused', reason: 'not_active' });
    });

    it('another support member can revoke it, and it ends everywhere', async () => {
      const started = await startImpersonation(db, sam, { customerId: acmeId, reason: 'again', ticket: 'INC-1002' }, minutes(40));
      if (!started.ok) throw new Error('not started');
      expect(await endImpersonation(db, stella, { sessionId: started.value.sessionId }, minutes(41))).toEqual({ ok: true, value: { revoked: true } });
      expect(await asSupport(sam, minutes(41))).toEqual({ ok: false, outcome: 'not_found' });
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'support.revoke'), eq(auditLog.targetId, started.value.sessionId)));
      expect(audit).toMatchObject({ actorId: stella.userId, customerId: acmeId });
    });

    it('only support staff impersonate, only customers are impersonated, and a reason and ticket are required', async () => {
      expect(await startImpersonation(db, olivia, { customerId: acmeId, reason: 'r', ticket: 't' }, T0)).toEqual({ ok: false, kind: 'refused', reason: 'not_support' });
      expect(await startImpersonation(db, sam, { customerId: stella.userId, reason: 'r', ticket: 't' }, T0)).toEqual({ ok: false, kind: 'not_found' });
      expect(await startImpersonation(db, sam, { customerId: acmeId, reason: ' ', ticket: 't' }, T0)).toEqual({ ok: false, kind: 'refused', reason: 'invalid' });
      // A session row of another staff member gives sam nothing.
      const stellas = await startImpersonation(db, stella, { customerId: acmeId, reason: 'r', ticket: 't' }, minutes(50));
      expect(stellas.ok).toBe(true);
      expect(await asSupport(sam, minutes(51))).toEqual({ ok: false, outcome: 'not_found' });
    });
  });

  describe('grants', () => {
    it('are 1–30 days, admins only, and revocable', async () => {
      expect(await grantSupportAccess(db, alice, { days: 0 })).toEqual({ ok: false, kind: 'refused', reason: 'invalid' });
      expect(await grantSupportAccess(db, alice, { days: 31 })).toEqual({ ok: false, kind: 'refused', reason: 'invalid' });
      expect(await grantSupportAccess(db, victor, { days: 5 })).toEqual({ ok: false, kind: 'refused', reason: 'read_only' });
      expect(await revokeSupportAccess(db, alice, minutes(60))).toMatchObject({ ok: true });
      expect(await revokeSupportAccess(db, alice, minutes(61))).toEqual({ ok: false, kind: 'not_found' });
      const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.customerId, acmeId));
      expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['support.grant', 'support.revoke_grant']));
    });
  });

  describe('authorisation matrix', () => {
    it('each service refuses whoever may not use it, whatever reaches it', async () => {
      const nobody = '00000000-0000-4000-8000-000000000000';
      const ctx = { now: minutes(200) };
      const operatorService = async (actor: CustomerActor | StaffActor) => {
        const outcome = await acceptApplication(db, actor, { applicationId: nobody }, ctx);
        return outcome.ok || !('reason' in outcome) || outcome.reason !== 'forbidden' ? 'allowed' : 'refused';
      };
      const supportService = async (actor: StaffActor) => {
        const outcome = await startImpersonation(db, actor, { customerId: nobody, reason: 'r', ticket: 't' }, minutes(200));
        return outcome.ok || outcome.kind !== 'refused' || outcome.reason !== 'not_support' ? 'allowed' : 'refused';
      };
      const [napt] = await db.select().from(options).where(eq(options.code, 'SH-O-000103'));
      const customerService = async (actor: CustomerActor) => {
        const outcome = await cancelOption(db, actor, { optionId: napt!.id, idempotencyKey: 'matrix' }, { now: minutes(200), mode: 'review' });
        return outcome.ok || outcome.kind !== 'refused' || !['read_only', 'support_view_only'].includes(outcome.reason) ? 'allowed' : 'refused';
      };
      expect({
        operator: { 'back office': await operatorService(olivia), 'support access': await supportService(olivia) },
        support: { 'back office': await operatorService(sam), 'support access': await supportService(sam) },
        'customer admin': { 'back office': await operatorService(alice), 'cancel an option': await customerService(alice) },
        'customer viewer': { 'back office': await operatorService(victor), 'cancel an option': await customerService(victor) },
      }).toEqual({
        operator: { 'back office': 'allowed', 'support access': 'refused' },
        support: { 'back office': 'refused', 'support access': 'allowed' },
        'customer admin': { 'back office': 'refused', 'cancel an option': 'allowed' },
        'customer viewer': { 'back office': 'refused', 'cancel an option': 'refused' },
      });
    });

    it('says exactly who may do what', async () => {
      const [globex] = await db.select().from(customers).where(eq(customers.code, 'C-000202'));
      await startImpersonation(db, sam, { customerId: acmeId, reason: 'matrix', ticket: 'INC-9' }, minutes(100));
      const viewOnlySupport = await activeImpersonation(db, sam.userId, minutes(101));
      await grantSupportAccess(db, alice, { days: 1 }, minutes(100));
      const actingSupport = await activeImpersonation(db, sam.userId, minutes(101));
      expect(viewOnlySupport?.mayAct).toBe(false);
      expect(actingSupport?.mayAct).toBe(true);

      const who = {
        'customer admin': { actor: alice, session: null },
        'customer viewer': { actor: victor, session: null },
        support: { actor: sam, session: null },
        operator: { actor: olivia, session: null },
        'support, view-only session': { actor: sam, session: viewOnlySupport },
        'support, session with grant': { actor: sam, session: actingSupport },
      } as const;
      const can = (name: keyof typeof who) => {
        const { actor, session } = who[name];
        const read = checkCustomer(actor, {}, session).ok;
        const write = checkCustomer(actor, { write: true }, session).ok;
        const otherCustomer = checkCustomer(actor, { customerId: globex!.id }, session).ok;
        return {
          'see Acme portal': read,
          'change Acme contracts': write,
          "see Globex's": otherCustomer,
          'search and impersonate': checkStaff(actor, 'support').ok,
          'run the back office': checkStaff(actor, 'operator').ok,
        };
      };
      expect(Object.fromEntries(Object.keys(who).map((name) => [name, can(name as keyof typeof who)]))).toEqual({
        'customer admin': { 'see Acme portal': true, 'change Acme contracts': true, "see Globex's": false, 'search and impersonate': false, 'run the back office': false },
        'customer viewer': { 'see Acme portal': true, 'change Acme contracts': false, "see Globex's": false, 'search and impersonate': false, 'run the back office': false },
        support: { 'see Acme portal': false, 'change Acme contracts': false, "see Globex's": false, 'search and impersonate': true, 'run the back office': false },
        operator: { 'see Acme portal': false, 'change Acme contracts': false, "see Globex's": false, 'search and impersonate': false, 'run the back office': true },
        'support, view-only session': { 'see Acme portal': true, 'change Acme contracts': false, "see Globex's": false, 'search and impersonate': true, 'run the back office': false },
        'support, session with grant': { 'see Acme portal': true, 'change Acme contracts': true, "see Globex's": false, 'search and impersonate': true, 'run the back office': false },
      });
    });
  });
});
