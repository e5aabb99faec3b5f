import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { recordOutage } from '@/lib/backoffice/outages';
import { claimCredit } from '@/lib/sla/claims';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { auditLog, customerInvitations, customers, customerUsers, notificationEvents, passwordResets, userSessions } from '@/db/schema';
import { requestOptionChange } from '@/lib/contracts/change';
import { checkCustomer, impersonatingActor, loadActor, mayClaimCredits, offersChanges, offersClaims, type CustomerActor } from '@/lib/auth/access';
import { verifyPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-strength';
import { startSession } from '@/lib/auth/sessions';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { newTotpSecret } from '@/lib/auth/totp';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { acceptInvitation, invitationByToken } from '@/lib/users/accept';
import { changeRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, revokeInvitation, setRequireSecondFactor } from '@/lib/users/manage';
import { changePassword, requestPasswordReset, resetLinkStatus, resetPassword } from '@/lib/users/passwords';
import { getUsersPage } from '@/lib/users/queries';
import { enableSecondFactor, removeSecondFactor } from '@/lib/users/second-factor';
import { customerActor, freshHubCustomer, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

const NOW = new Date('2026-11-24T03:00:00Z');
const later = (ms: number, from = NOW) => new Date(from.getTime() + ms);
const HOUR = 3_600_000;
const STRONG = 'lantern-orchard-velvet-93';
const OTHER_ID = '00000000-0000-4000-8000-000000000000';

/** The one-time link of the latest outbox event of a type to an address: the token at its end. */
async function tokenOf(db: Db, type: string, email: string): Promise<string> {
  const rows = await db.select().from(notificationEvents).where(eq(notificationEvents.type, type)).orderBy(desc(notificationEvents.createdAt));
  const row = rows.find((r) => JSON.stringify(r.recipients).includes(email));
  if (!row?.link) throw new Error(`no ${type} to ${email}`);
  return row.link.split('/').at(-1)!;
}

async function auditCount(db: Db, action: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action));
  return row?.n ?? 0;
}

describe.each(targets)('users, passwords and second factors on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let victor: CustomerActor;
  let bill: CustomerActor;
  let grace: CustomerActor;
  let supportInGrant: CustomerActor;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    alice = await customerActor(db, DEMO_USERS.alice);
    victor = await customerActor(db, DEMO_USERS.victor);
    bill = await customerActor(db, DEMO_USERS.bill);
    grace = await customerActor(db, DEMO_USERS.grace);
    const sam = await staffActor(db, DEMO_USERS.sam);
    supportInGrant = impersonatingActor(sam, {
      sessionId: OTHER_ID,
      staffUserId: sam.userId,
      staffName: sam.name,
      reason: 'test',
      ticket: 'INC-1',
      startedAt: NOW,
      expiresAt: later(HOUR),
      mayAct: true,
      customerId: alice.customerId,
    });
  });
  afterAll(async () => {
    await open.close();
  });

  describe('roles', () => {
    it('billing reads everything and claims SLA credits, but changes no contract; viewers only read', () => {
      expect(bill).toMatchObject({ role: 'billing', canWrite: false });
      expect([offersChanges(bill), offersClaims(bill), mayClaimCredits(bill)]).toEqual([false, true, true]);
      expect([offersChanges(victor), offersClaims(victor), mayClaimCredits(victor)]).toEqual([false, false, false]);
      expect([offersChanges(alice), offersClaims(alice)]).toEqual([true, true]);
      expect(checkCustomer(bill, { write: true })).toEqual({ ok: false, outcome: 'forbidden' });
      expect(checkCustomer(bill, { claim: true })).toMatchObject({ ok: true });
      expect(checkCustomer(victor, { claim: true })).toEqual({ ok: false, outcome: 'forbidden' });
      // Support inside a grant acts as an admin for contracts and claims.
      expect(checkCustomer(supportInGrant, { claim: true })).toMatchObject({ ok: true });
    });
  });

  it('a billing user claims an SLA reduction (a viewer cannot) but changes no contract', async () => {
    const olivia = await staffActor(db, DEMO_USERS.olivia);
    const startedAt = new Date('2026-11-10T01:00:00Z');
    const outage = await recordOutage(
      db,
      olivia,
      { contractNumber: 'SH-000101', startedAt, endedAt: new Date('2026-11-10T03:00:00Z'), detectedAt: startedAt, notifiedAt: startedAt, exclusionReason: null },
      { now: NOW },
    );
    if (!outage.ok) throw new Error(JSON.stringify(outage));
    const ctx = { now: NOW, mode: 'confirm' as const };
    expect(await claimCredit(db, victor, { outageId: outage.id, kind: 'availability' }, ctx)).toMatchObject({ ok: false, reason: 'read_only' });
    expect(await claimCredit(db, grace, { outageId: outage.id, kind: 'availability' }, ctx)).toEqual({ ok: false, kind: 'not_found' });
    expect(await claimCredit(db, bill, { outageId: outage.id, kind: 'availability' }, ctx)).toMatchObject({ ok: true, mode: 'confirm' });
    expect(await requestOptionChange(db, bill, { optionId: OTHER_ID, to: '1G', idempotencyKey: 'k' }, ctx)).toMatchObject({ ok: false, reason: 'read_only' });
  });

  describe('invitations', () => {
    it('an admin invites by e-mail: a 72-hour link kept hashed, its e-mail in the outbox, audited', async () => {
      const result = await inviteUser(db, alice, { email: ' Nina@Acme.example ', name: 'Nina Ito', role: 'viewer', locale: 'en' }, NOW);
      expect(result).toMatchObject({ ok: true });
      const [row] = await db.select().from(customerInvitations).where(eq(customerInvitations.email, 'nina@acme.example'));
      expect(row).toMatchObject({ customerId: alice.customerId, role: 'viewer', sentCount: 1, expiresAt: later(72 * HOUR) });
      const token = await tokenOf(db, 'user.invited', 'nina@acme.example');
      expect(row!.tokenHash).not.toContain(token);
      expect(await invitationByToken(db, token, NOW)).toMatchObject({ status: 'open', companyName: 'Acme Manufacturing', role: 'viewer', name: 'Nina Ito' });
      expect(await auditCount(db, 'users.invite')).toBeGreaterThan(0);
    });

    it('refuses an address that is a user anywhere (customer or staff), or already invited here; nothing is written', async () => {
      const before = await db.select({ n: count() }).from(customerInvitations);
      for (const email of [DEMO_USERS.grace, DEMO_USERS.victor, DEMO_USERS.sam.toUpperCase()]) {
        expect(await inviteUser(db, alice, { email, name: 'X', role: 'viewer', locale: 'ja' }, NOW)).toMatchObject({ ok: false, reason: 'already_user' });
      }
      expect(await inviteUser(db, alice, { email: 'nina@acme.example', name: 'Nina', role: 'admin', locale: 'ja' }, NOW)).toMatchObject({ ok: false, reason: 'already_invited' });
      expect(await db.select({ n: count() }).from(customerInvitations)).toEqual(before);
    });

    it('viewers, billing and support staff (even inside a grant) cannot invite', async () => {
      const input = { email: 'someone@acme.example', name: 'S', role: 'viewer' as const, locale: 'ja' as const };
      expect(await inviteUser(db, victor, input, NOW)).toMatchObject({ ok: false, reason: 'read_only' });
      expect(await inviteUser(db, bill, input, NOW)).toMatchObject({ ok: false, reason: 'read_only' });
      expect(await inviteUser(db, supportInGrant, input, NOW)).toMatchObject({ ok: false, reason: 'not_during_support' });
    });

    it('resend makes a new link (the old one stops working), 72 hours from now, counted; revoke ends it', async () => {
      await inviteUser(db, alice, { email: 'omar@acme.example', name: 'Omar', role: 'billing', locale: 'ja' }, NOW);
      const [invitation] = await db.select().from(customerInvitations).where(eq(customerInvitations.email, 'omar@acme.example'));
      const first = await tokenOf(db, 'user.invited', 'omar@acme.example');
      const resentAt = later(80 * HOUR); // after it expired
      expect(await invitationByToken(db, first, resentAt)).toEqual({ status: 'expired' });
      expect(await resendInvitation(db, alice, { invitationId: invitation!.id }, resentAt)).toMatchObject({ ok: true });
      const second = await tokenOf(db, 'user.invited', 'omar@acme.example');
      expect(second).not.toBe(first);
      expect(await invitationByToken(db, first, resentAt)).toEqual({ status: 'invalid' });
      expect(await invitationByToken(db, second, resentAt)).toMatchObject({ status: 'open', expiresAt: later(72 * HOUR, resentAt) });
      const [resent] = await db.select().from(customerInvitations).where(eq(customerInvitations.id, invitation!.id));
      expect(resent!.sentCount).toBe(2);

      // Another customer's id looks like none; other roles and support are refused.
      expect(await resendInvitation(db, grace, { invitationId: invitation!.id }, resentAt)).toEqual({ ok: false, kind: 'not_found' });
      expect(await revokeInvitation(db, grace, { invitationId: invitation!.id }, resentAt)).toEqual({ ok: false, kind: 'not_found' });
      expect(await revokeInvitation(db, victor, { invitationId: invitation!.id }, resentAt)).toMatchObject({ reason: 'read_only' });
      expect(await revokeInvitation(db, supportInGrant, { invitationId: invitation!.id }, resentAt)).toMatchObject({ reason: 'not_during_support' });

      expect(await revokeInvitation(db, alice, { invitationId: invitation!.id }, resentAt)).toMatchObject({ ok: true });
      expect(await invitationByToken(db, second, resentAt)).toEqual({ status: 'revoked' });
      expect(await revokeInvitation(db, alice, { invitationId: invitation!.id }, resentAt)).toMatchObject({ reason: 'not_open' });
      expect(await resendInvitation(db, alice, { invitationId: invitation!.id }, resentAt)).toMatchObject({ reason: 'not_open' });
      expect(await acceptInvitation(db, { token: second, name: 'Omar', password: STRONG, passwordConfirm: STRONG, locale: 'ja' }, resentAt)).toMatchObject({
        reason: 'link_revoked',
      });
      expect(await auditCount(db, 'users.invitation_resend')).toBe(1);
      expect(await auditCount(db, 'users.invitation_revoke')).toBe(1);
    });

    it('accepting creates the user with the invited address and role; the link works once; a weak password is refused', async () => {
      const token = await tokenOf(db, 'user.invited', 'nina@acme.example');
      const base = { token, name: 'Nina Ito', locale: 'en' as const };
      expect(await acceptInvitation(db, { ...base, password: STRONG, passwordConfirm: `${STRONG}x` }, NOW)).toMatchObject({ reason: 'passwordMismatch' });
      expect(await acceptInvitation(db, { ...base, password: 'short', passwordConfirm: 'short' }, NOW)).toMatchObject({ reason: 'passwordTooShort' });
      expect(await acceptInvitation(db, { ...base, password: 'password1234', passwordConfirm: 'password1234' }, NOW)).toMatchObject({ reason: 'passwordTooWeak' });
      expect(await acceptInvitation(db, { ...base, password: 'nina@acme.example', passwordConfirm: 'nina@acme.example' }, NOW)).toMatchObject({ reason: 'passwordTooWeak' });
      expect(await acceptInvitation(db, { ...base, token: 'not-a-real-token-at-all-000', password: STRONG, passwordConfirm: STRONG }, NOW)).toMatchObject({ reason: 'link_invalid' });
      expect(await acceptInvitation(db, { ...base, password: STRONG, passwordConfirm: STRONG }, later(73 * HOUR))).toMatchObject({ reason: 'link_expired' });

      // Two accepts at once: exactly one creates the user.
      const both = await Promise.all([
        acceptInvitation(db, { ...base, password: STRONG, passwordConfirm: STRONG }, NOW),
        acceptInvitation(db, { ...base, password: STRONG, passwordConfirm: STRONG }, NOW),
      ]);
      expect(both.filter((r) => r.ok)).toHaveLength(1);
      expect(both.find((r) => !r.ok)).toMatchObject({ reason: 'link_used' });
      const [nina] = await db.select().from(customerUsers).where(eq(customerUsers.email, 'nina@acme.example'));
      expect(nina).toMatchObject({ customerId: alice.customerId, role: 'viewer', name: 'Nina Ito', locale: 'en', passwordChangedAt: NOW });
      expect(await verifyPassword(nina!.passwordHash, STRONG)).toBe(true);
      expect(await invitationByToken(db, token, NOW)).toEqual({ status: 'used' });
      expect(await verifyCredentials(db, { email: 'nina@acme.example', password: STRONG, ip: '10.0.0.1' }, NOW)).toMatchObject({ ok: true });
      expect(await auditCount(db, 'users.invitation_accept')).toBe(1);
    });

    it('the users page lists the customer’s users and open invitations only', async () => {
      const page = await getUsersPage(db, alice.customerId);
      expect(page?.users.map((u) => u.email).sort()).toEqual([DEMO_USERS.alice, DEMO_USERS.bill, 'nina@acme.example', DEMO_USERS.victor].sort());
      expect(page?.invitations.map((i) => i.email)).toEqual([]);
      expect((await getUsersPage(db, grace.customerId))?.users.map((u) => u.email)).toEqual([DEMO_USERS.grace]);
    });
  });

  describe('roles and deactivation', () => {
    it('an admin changes a role (audited, the user notified); another customer’s user is not found; other roles refused', async () => {
      const nina = await customerActor(db, 'nina@acme.example');
      expect(await changeRole(db, alice, { userId: nina.userId, role: 'billing' }, NOW)).toMatchObject({ ok: true });
      expect((await customerActor(db, 'nina@acme.example')).role).toBe('billing');
      const [notice] = await db.select().from(notificationEvents).where(eq(notificationEvents.type, 'user.role_changed'));
      expect(notice).toMatchObject({ category: 'security', facts: { name: 'Nina Ito', role: 'billing', companyName: 'Acme Manufacturing' } });
      expect(notice!.recipients).toEqual([{ kind: 'user', customerUserId: nina.userId }]);
      expect(await changeRole(db, alice, { userId: nina.userId, role: 'billing' }, NOW)).toMatchObject({ reason: 'same_role' });
      expect(await changeRole(db, grace, { userId: nina.userId, role: 'admin' }, NOW)).toEqual({ ok: false, kind: 'not_found' });
      expect(await changeRole(db, bill, { userId: nina.userId, role: 'admin' }, NOW)).toMatchObject({ reason: 'read_only' });
      expect(await changeRole(db, victor, { userId: nina.userId, role: 'admin' }, NOW)).toMatchObject({ reason: 'read_only' });
      expect(await changeRole(db, supportInGrant, { userId: nina.userId, role: 'admin' }, NOW)).toMatchObject({ reason: 'not_during_support' });
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'users.role_change'), eq(auditLog.targetId, nina.userId)));
      expect(audit?.detail).toMatchObject({ fromRole: 'viewer', toRole: 'billing' });
    });

    it('the last active admin cannot be demoted or deactivated', async () => {
      expect(await changeRole(db, alice, { userId: alice.userId, role: 'viewer' }, NOW)).toMatchObject({ reason: 'last_admin' });
      expect(await changeRole(db, grace, { userId: grace.userId, role: 'billing' }, NOW)).toMatchObject({ reason: 'last_admin' });
      expect(await deactivateUser(db, alice, { userId: alice.userId }, NOW)).toMatchObject({ reason: 'not_yourself' });
    });

    it('deactivating ends the user’s sessions at once and they cannot sign in; reactivating lets them again', async () => {
      const nina = await customerActor(db, 'nina@acme.example');
      const session = await startSession(db, { kind: 'customer', id: nina.userId }, NOW);
      const claims = { sessionId: session.id, user: { id: nina.userId, kind: 'customer' as const, role: nina.role, customerId: nina.customerId } };
      expect(await loadActor(db, claims, NOW)).toMatchObject({ userId: nina.userId });
      expect(await deactivateUser(db, grace, { userId: nina.userId }, NOW)).toEqual({ ok: false, kind: 'not_found' });
      expect(await deactivateUser(db, victor, { userId: nina.userId }, NOW)).toMatchObject({ reason: 'read_only' });
      expect(await deactivateUser(db, supportInGrant, { userId: nina.userId }, NOW)).toMatchObject({ reason: 'not_during_support' });
      expect(await deactivateUser(db, alice, { userId: nina.userId }, NOW)).toMatchObject({ ok: true });
      const [row] = await db.select().from(userSessions).where(eq(userSessions.id, session.id));
      expect(row).toMatchObject({ endedAt: NOW, endedReason: 'user_disabled' });
      expect(await loadActor(db, claims, NOW)).toBeNull();
      expect(await verifyCredentials(db, { email: 'nina@acme.example', password: STRONG, ip: '10.0.0.2' }, NOW)).toEqual({ ok: false, reason: 'invalid' });
      const [notice] = await db.select().from(notificationEvents).where(eq(notificationEvents.type, 'user.deactivated'));
      expect(notice).toMatchObject({ category: 'security', facts: { name: 'Nina Ito', companyName: 'Acme Manufacturing' } });
      expect(await deactivateUser(db, alice, { userId: nina.userId }, NOW)).toMatchObject({ reason: 'already_deactivated' });

      expect(await reactivateUser(db, victor, { userId: nina.userId }, NOW)).toMatchObject({ reason: 'read_only' });
      expect(await reactivateUser(db, alice, { userId: nina.userId }, NOW)).toMatchObject({ ok: true });
      expect(await reactivateUser(db, alice, { userId: nina.userId }, NOW)).toMatchObject({ reason: 'not_deactivated' });
      expect(await verifyCredentials(db, { email: 'nina@acme.example', password: STRONG, ip: '10.0.0.2' }, later(1000))).toMatchObject({ ok: true });
    });

    it('nobody of a deactivated customer signs in', async () => {
      const admin = await freshHubCustomer(db, '9101');
      await db.update(customers).set({ deactivatedAt: NOW }).where(eq(customers.id, admin.customerId));
      expect(await verifyCredentials(db, { email: admin.email, password: DEMO_PASSWORD, ip: '10.0.0.3' }, NOW)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('two admins demoting each other at once: only one succeeds, the company keeps an admin', async () => {
      const first = await freshHubCustomer(db, '9102');
      await inviteUser(db, first, { email: 'second-9102@initech.example', name: 'Second', role: 'admin', locale: 'ja' }, NOW);
      await acceptInvitation(db, { token: await tokenOf(db, 'user.invited', 'second-9102@initech.example'), name: 'Second', password: STRONG, passwordConfirm: STRONG, locale: 'ja' }, NOW);
      const second = await customerActor(db, 'second-9102@initech.example');
      const results = await Promise.all([
        changeRole(db, first, { userId: second.userId, role: 'viewer' }, NOW),
        changeRole(db, second, { userId: first.userId, role: 'viewer' }, NOW),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const admins = await db
        .select()
        .from(customerUsers)
        .where(and(eq(customerUsers.customerId, first.customerId), eq(customerUsers.role, 'admin'), isNull(customerUsers.deactivatedAt)));
      expect(admins).toHaveLength(1);
    });
  });

  describe('passwords', () => {
    it('a change needs the current password and a strong new one; other sessions end, this one stays', async () => {
      const user = await freshHubCustomer(db, '9103');
      const here = await startSession(db, { kind: 'customer', id: user.userId }, NOW);
      const elsewhere = await startSession(db, { kind: 'customer', id: user.userId }, NOW);
      const ctx = { now: NOW, keepSessionId: here.id };
      expect(await changePassword(db, user, { currentPassword: 'wrong', password: STRONG, passwordConfirm: STRONG }, ctx)).toMatchObject({ reason: 'wrong_password' });
      expect(await changePassword(db, user, { currentPassword: DEMO_PASSWORD, password: 'qwerty12345', passwordConfirm: 'qwerty12345' }, ctx)).toMatchObject({
        reason: 'passwordTooWeak',
      });
      expect(await changePassword(db, user, { currentPassword: DEMO_PASSWORD, password: STRONG, passwordConfirm: 'other' }, ctx)).toMatchObject({ reason: 'passwordMismatch' });
      expect(await changePassword(db, { ...user, impersonation: supportInGrant.impersonation! }, { currentPassword: DEMO_PASSWORD, password: STRONG, passwordConfirm: STRONG }, ctx)).toMatchObject({
        reason: 'not_during_support',
      });
      expect(await changePassword(db, user, { currentPassword: DEMO_PASSWORD, password: STRONG, passwordConfirm: STRONG }, ctx)).toMatchObject({ ok: true });
      const sessions = await db.select().from(userSessions).where(eq(userSessions.customerUserId, user.userId));
      expect(sessions.find((s) => s.id === here.id)?.endedAt).toBeNull();
      expect(sessions.find((s) => s.id === elsewhere.id)).toMatchObject({ endedReason: 'password_changed' });
      const [row] = await db.select().from(customerUsers).where(eq(customerUsers.id, user.userId));
      expect(row?.passwordChangedAt).toEqual(NOW);
      expect(await verifyPassword(row!.passwordHash, STRONG)).toBe(true);
      const changed = await db.select().from(notificationEvents).where(eq(notificationEvents.type, 'user.password_changed'));
      expect(changed.some((e) => JSON.stringify(e.recipients).includes(user.userId))).toBe(true);
      expect(await auditCount(db, 'account.password_change')).toBe(1);
    });

    it('a reset gives the same answer for any address; only a user gets a 1-hour link; it works once and ends every session', async () => {
      const user = await freshHubCustomer(db, '9104');
      const session = await startSession(db, { kind: 'customer', id: user.userId }, NOW);
      const resetsBefore = await db.select({ n: count() }).from(passwordResets);
      expect(await requestPasswordReset(db, { email: 'nobody@nowhere.example', ip: '10.1.0.1' }, NOW)).toEqual({ ok: true });
      // Staff are never reset this way.
      expect(await requestPasswordReset(db, { email: DEMO_USERS.sam, ip: '10.1.0.1' }, NOW)).toEqual({ ok: true });
      expect(await db.select({ n: count() }).from(passwordResets)).toEqual(resetsBefore);

      expect(await requestPasswordReset(db, { email: user.email.toUpperCase(), ip: '10.1.0.1' }, NOW)).toEqual({ ok: true });
      const token = await tokenOf(db, 'user.password_reset_requested', user.email);
      const [reset] = await db.select().from(passwordResets).where(eq(passwordResets.customerUserId, user.userId));
      expect(reset).toMatchObject({ expiresAt: later(HOUR), usedAt: null });
      expect(reset!.tokenHash).not.toContain(token);
      expect(await resetLinkStatus(db, token, NOW)).toBe('open');
      expect(await resetLinkStatus(db, token, later(HOUR))).toBe('expired');
      expect(await resetPassword(db, { token, password: STRONG, passwordConfirm: STRONG }, later(HOUR))).toMatchObject({ reason: 'link_expired' });
      expect(await resetPassword(db, { token, password: 'abc', passwordConfirm: 'abc' }, NOW)).toMatchObject({ reason: 'passwordTooShort' });
      expect(await resetPassword(db, { token, password: STRONG, passwordConfirm: STRONG }, later(HOUR - 1000))).toMatchObject({ ok: true, email: user.email });
      expect(await resetPassword(db, { token, password: `${STRONG}!`, passwordConfirm: `${STRONG}!` }, later(HOUR - 500))).toMatchObject({ reason: 'link_used' });
      expect(await resetLinkStatus(db, 'garbage', NOW)).toBe('invalid');
      const [ended] = await db.select().from(userSessions).where(eq(userSessions.id, session.id));
      expect(ended).toMatchObject({ endedReason: 'password_changed' });
      expect(await verifyCredentials(db, { email: user.email, password: STRONG, ip: '10.1.0.9' }, later(HOUR))).toMatchObject({ ok: true });
      expect(await auditCount(db, 'account.password_reset')).toBe(1);
    });

    it('resets are throttled: 3 an hour per address (known or not), 20 per client address', async () => {
      const user = await freshHubCustomer(db, '9105');
      const at = later(10 * HOUR);
      for (let i = 0; i < 3; i++) expect(await requestPasswordReset(db, { email: user.email, ip: '10.2.0.1' }, later(i * 1000, at))).toEqual({ ok: true });
      expect(await requestPasswordReset(db, { email: user.email, ip: '10.2.0.2' }, later(5000, at))).toMatchObject({ reason: 'throttled' });
      for (let i = 0; i < 3; i++) await requestPasswordReset(db, { email: 'ghost@nowhere.example', ip: '10.2.0.3' }, later(i * 1000, at));
      expect(await requestPasswordReset(db, { email: 'ghost@nowhere.example', ip: '10.2.0.4' }, later(5000, at))).toMatchObject({ reason: 'throttled' });
      const [made] = await db.select({ n: count() }).from(passwordResets).where(eq(passwordResets.customerUserId, user.userId));
      expect(made?.n).toBe(3);
      // An hour later the address may ask again.
      expect(await requestPasswordReset(db, { email: user.email, ip: '10.2.0.1' }, later(HOUR + 5000, at))).toEqual({ ok: true });
      for (let i = 0; i < 20; i++) await requestPasswordReset(db, { email: `someone-${i}@nowhere.example`, ip: '10.2.0.5' }, later(i * 1000, at));
      expect(await requestPasswordReset(db, { email: 'another@nowhere.example', ip: '10.2.0.5' }, later(30_000, at))).toMatchObject({ reason: 'throttled' });
      // Sign-in is not affected by reset requests from the same address.
      expect(await verifyCredentials(db, { email: user.email, password: DEMO_PASSWORD, ip: '10.2.0.5' }, later(31_000, at))).toMatchObject({ ok: true });
    });

    it('strength: long, uncommon passwords pass; common ones and ones built from the user’s name fail', () => {
      expect(passwordProblem(STRONG)).toBeNull();
      expect(passwordProblem('correct horse battery staple')).toBeNull();
      expect(passwordProblem('password123!')).toBe('passwordTooWeak');
      expect(passwordProblem('x'.repeat(201))).toBe('passwordTooLong');
    });
  });

  describe('second factor', () => {
    it('a customer user sets up TOTP with a code; sign-in then asks for it; removing needs the password', async () => {
      const user = await freshHubCustomer(db, '9106');
      const secret = newTotpSecret();
      const code = (at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
      expect(await enableSecondFactor(db, user, { secret, code: '000000' }, NOW)).toMatchObject({ reason: 'wrong_code' });
      expect(await enableSecondFactor(db, { ...user, impersonation: supportInGrant.impersonation! }, { secret, code: code(NOW) }, NOW)).toMatchObject({
        reason: 'not_during_support',
      });
      expect(await enableSecondFactor(db, user, { secret, code: code(NOW) }, NOW)).toMatchObject({ ok: true });
      expect(await enableSecondFactor(db, user, { secret, code: code(later(60_000)) }, later(60_000))).toMatchObject({ reason: 'already_on' });

      const t1 = later(120_000);
      expect(await verifyCredentials(db, { email: user.email, password: DEMO_PASSWORD, ip: '10.3.0.1' }, t1)).toEqual({ ok: false, reason: 'invalid' });
      expect(await verifyCredentials(db, { email: user.email, password: DEMO_PASSWORD, ip: '10.3.0.1', totp: code(t1) }, t1)).toMatchObject({ ok: true });
      // The same code is not accepted twice.
      expect(await verifyCredentials(db, { email: user.email, password: DEMO_PASSWORD, ip: '10.3.0.1', totp: code(t1) }, t1)).toEqual({ ok: false, reason: 'invalid' });

      expect(await removeSecondFactor(db, user, { password: 'wrong' }, t1)).toMatchObject({ reason: 'wrong_password' });
      expect(await removeSecondFactor(db, { ...user, impersonation: supportInGrant.impersonation! }, { password: DEMO_PASSWORD }, t1)).toMatchObject({ reason: 'not_during_support' });
      expect(await removeSecondFactor(db, user, { password: DEMO_PASSWORD }, t1)).toMatchObject({ ok: true });
      expect(await removeSecondFactor(db, user, { password: DEMO_PASSWORD }, t1)).toMatchObject({ reason: 'not_on' });
      expect(await verifyCredentials(db, { email: user.email, password: DEMO_PASSWORD, ip: '10.3.0.1' }, later(180_000))).toMatchObject({ ok: true });
      expect(await auditCount(db, 'account.second_factor_enable')).toBe(1);
      expect(await auditCount(db, 'account.second_factor_remove')).toBe(1);
    });

    it('“require a second factor for everyone”: admins only, theirs first; then users without one are sent to set it up', async () => {
      const admin = await freshHubCustomer(db, '9107');
      await inviteUser(db, admin, { email: 'viewer-9107@initech.example', name: 'Vee', role: 'viewer', locale: 'ja' }, NOW);
      await acceptInvitation(db, { token: await tokenOf(db, 'user.invited', 'viewer-9107@initech.example'), name: 'Vee', password: STRONG, passwordConfirm: STRONG, locale: 'ja' }, NOW);
      const viewer = await customerActor(db, 'viewer-9107@initech.example');
      expect(await setRequireSecondFactor(db, viewer, { required: true }, NOW)).toMatchObject({ reason: 'read_only' });
      expect(await setRequireSecondFactor(db, { ...admin, impersonation: supportInGrant.impersonation! }, { required: true }, NOW)).toMatchObject({
        reason: 'not_during_support',
      });
      expect(await setRequireSecondFactor(db, admin, { required: true }, NOW)).toMatchObject({ reason: 'own_second_factor_first' });
      const secret = newTotpSecret();
      await enableSecondFactor(db, admin, { secret, code: generateSync({ secret, epoch: Math.floor(NOW.getTime() / 1000) }) }, NOW);
      expect(await setRequireSecondFactor(db, admin, { required: true }, NOW)).toMatchObject({ ok: true });

      const session = await startSession(db, { kind: 'customer', id: viewer.userId }, NOW);
      const actor = await loadActor(db, { sessionId: session.id, user: { id: viewer.userId, kind: 'customer', role: 'viewer', customerId: viewer.customerId } }, NOW);
      expect(actor).toMatchObject({ mustSetUpSecondFactor: true });
      expect(checkCustomer(actor)).toEqual({ ok: false, outcome: 'second_factor' });
      expect(checkCustomer(actor, { secondFactorSetup: true })).toMatchObject({ ok: true });
      // While required, a second factor cannot be removed.
      expect(await removeSecondFactor(db, admin, { password: DEMO_PASSWORD }, NOW)).toMatchObject({ reason: 'required_by_company' });
      expect(await auditCount(db, 'users.require_second_factor')).toBe(1);
    });
  });
});
