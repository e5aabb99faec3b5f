import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/db/client';
import { generateSync } from 'otplib';
import { auditLog, customerUsers, customers, loginAttempts, staffUsers } from '@/db/schema';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS, DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { hashPassword } from '@/lib/auth/password';
import { startSession } from '@/lib/auth/sessions';
import { checkCustomer, checkStaff, loadActor } from '@/lib/auth/access';
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  THROTTLE_WINDOW_MS,
  verifyCredentials,
} from '@/lib/auth/sign-in';
import type { Session } from 'next-auth';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

const codeAt = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** A signed-in session of this user, as the guard sees it: a session row and the token's claims. */
async function sessionOf(
  db: OpenDatabase['db'],
  user: { id: string; kind: 'customer' | 'staff'; role: string; customerId?: string | null },
): Promise<Session> {
  const started = await startSession(db, { kind: user.kind, id: user.id });
  return {
    expires: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: user.id, kind: user.kind, role: user.role as never, customerId: user.customerId ?? null },
    sessionId: started.id,
  };
}

describe.each(targets)('sign-in and guards on $name', (target) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await target.open();
    await seedDemoData(open.db);
  });
  afterAll(async () => open?.close());

  describe('sign-in', () => {
    it('keeps only the attempts a throttle still counts: older ones go as people sign in', async () => {
      // Earlier than every other test's attempts in this file, so it prunes only its own.
      const now = new Date('2026-11-24T00:30:00Z');
      const old = new Date(now.getTime() - 2 * 60 * 60 * 1000);
      const recent = new Date(now.getTime() - 10 * 60 * 1000);
      await open.db.insert(loginAttempts).values([
        { email: 'old-1@prune.example', ip: '10.9.9.9', succeeded: false, at: old },
        { email: 'old-2@prune.example', ip: '10.9.9.9', succeeded: false, at: old },
        { email: 'recent@prune.example', ip: '10.9.9.9', succeeded: false, at: recent },
      ]);
      await verifyCredentials(open.db, { email: DEMO_USERS.grace, password: DEMO_PASSWORD, ip: '10.0.0.9' }, now);
      const left = (await open.db.select().from(loginAttempts)).filter((a) => a.email.endsWith('@prune.example')).map((a) => a.email);
      expect(left).toEqual(['recent@prune.example']);
    });

    it('accepts the right password, case-insensitive e-mail, and records the sign-in in the audit log', async () => {
      const result = await verifyCredentials(open.db, { email: ' Alice@Acme.Example ', password: DEMO_PASSWORD, ip: '10.0.0.1' });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.user).toMatchObject({ kind: 'customer', role: 'admin', email: DEMO_USERS.alice });
      const audit = await open.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, result.user.id), eq(auditLog.action, 'auth.sign_in')));
      expect(audit).toHaveLength(1);
    });

    it('signs staff in only with a current authenticator code, and never twice with the same code', async () => {
      const now = new Date('2026-11-24T03:00:00Z');
      const code = codeAt(DEMO_TOTP_SECRETS.olivia, now);
      const creds = { email: DEMO_USERS.olivia, password: DEMO_PASSWORD, ip: '10.0.0.2' };
      expect(await verifyCredentials(open.db, creds, now)).toEqual({ ok: false, reason: 'invalid' });
      const wrong = code === '000000' ? '111111' : '000000';
      expect(await verifyCredentials(open.db, { ...creds, totp: wrong }, now)).toEqual({ ok: false, reason: 'invalid' });
      expect(await verifyCredentials(open.db, { ...creds, totp: code }, now)).toMatchObject({
        ok: true,
        user: { kind: 'staff', role: 'operator' },
      });
      expect(await verifyCredentials(open.db, { ...creds, totp: code }, now)).toEqual({ ok: false, reason: 'invalid' });
      const next = new Date(now.getTime() + 30_000);
      expect(await verifyCredentials(open.db, { ...creds, totp: codeAt(DEMO_TOTP_SECRETS.olivia, next) }, next)).toMatchObject({ ok: true });
    });

    it('a staff member without a second factor cannot sign in with a password alone (no trust on first use)', async () => {
      const now = new Date('2026-11-24T04:00:00Z');
      const [newbie] = await open.db
        .insert(staffUsers)
        .values({ email: 'nina@support.example', name: 'Nina New', role: 'support', passwordHash: await hashPassword('first-day-pass') })
        .returning();
      const first = await verifyCredentials(open.db, { email: 'nina@support.example', password: 'first-day-pass', ip: '10.0.0.5' }, now);
      expect(first).toEqual({ ok: false, reason: 'invalid' });
      // Even a session made some other way opens nothing: it reads as signed out.
      const actor = await loadActor(open.db, await sessionOf(open.db, { id: newbie!.id, kind: 'staff', role: 'support' }));
      expect(checkStaff(actor)).toEqual({ ok: false, outcome: 'sign_in' });
      expect(checkCustomer(actor)).toEqual({ ok: false, outcome: 'sign_in' });
    });

    it('gives the same answer for a wrong password and an unknown e-mail', async () => {
      const wrongPassword = await verifyCredentials(open.db, { email: DEMO_USERS.victor, password: 'nope', ip: '10.0.0.3' });
      const unknownEmail = await verifyCredentials(open.db, { email: 'nobody@acme.example', password: 'nope', ip: '10.0.0.3' });
      expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' });
      expect(unknownEmail).toEqual(wrongPassword);
    });
  });

  describe('throttling', () => {
    it(`throttles an account after ${MAX_FAILURES_PER_ACCOUNT} failures in 15 minutes, even with the right password`, async () => {
      const now = new Date('2026-11-24T01:00:00Z');
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
        const r = await verifyCredentials(open.db, { email: DEMO_USERS.grace, password: `wrong-${i}`, ip: `10.1.0.${i}` }, now);
        expect(r).toEqual({ ok: false, reason: 'invalid' });
      }
      const blocked = await verifyCredentials(open.db, { email: DEMO_USERS.grace, password: DEMO_PASSWORD, ip: '10.1.1.1' }, now);
      expect(blocked).toEqual({ ok: false, reason: 'throttled' });
      // Throttled attempts are not counted: the window still ends 15 minutes after the failures.
      const later = new Date(now.getTime() + THROTTLE_WINDOW_MS + 1000);
      const afterWindow = await verifyCredentials(open.db, { email: DEMO_USERS.grace, password: DEMO_PASSWORD, ip: '10.1.1.1' }, later);
      expect(afterWindow.ok).toBe(true);
    });

    it('a burst of simultaneous guesses on one account gets no more than the limit', async () => {
      const now = new Date('2026-11-24T05:00:00Z');
      const burst = await Promise.all(
        Array.from({ length: MAX_FAILURES_PER_ACCOUNT + 5 }, (_, i) =>
          verifyCredentials(open.db, { email: 'burst@nowhere.example', password: `burst-${i}`, ip: `10.7.0.${i}` }, now),
        ),
      );
      expect(burst.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
      expect(burst.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(5);
    });

    it('one authenticator code used twice at the same moment signs in once', async () => {
      const now = new Date('2026-11-24T09:00:00Z');
      const code = codeAt(DEMO_TOTP_SECRETS.olivia, now);
      const both = await Promise.all(
        [1, 2].map((n) =>
          verifyCredentials(open.db, { email: DEMO_USERS.olivia, password: DEMO_PASSWORD, ip: `10.8.0.${n}`, totp: code }, now),
        ),
      );
      expect(both.filter((r) => r.ok)).toHaveLength(1);
    });

    it('counts failures in the database, so another app instance sees them', async () => {
      await verifyCredentials(open.db, { email: DEMO_USERS.grace, password: 'wrong-again', ip: '10.1.2.1' }, new Date('2026-11-24T09:00:00Z'));
      const [row] = await open.db
        .select()
        .from(loginAttempts)
        .where(and(eq(loginAttempts.email, DEMO_USERS.grace), eq(loginAttempts.succeeded, false)));
      expect(row).toBeDefined();
    });

    it(`throttles an address after ${MAX_FAILURES_PER_IP} failures across accounts`, async () => {
      const now = new Date('2026-11-24T02:00:00Z');
      for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
        await open.db.insert(loginAttempts).values({ email: `guess-${i}@x.example`, ip: '203.0.113.9', succeeded: false, at: now });
      }
      const code = codeAt(DEMO_TOTP_SECRETS.sam, now);
      const blocked = await verifyCredentials(open.db, { email: DEMO_USERS.sam, password: DEMO_PASSWORD, ip: '203.0.113.9', totp: code }, now);
      expect(blocked).toEqual({ ok: false, reason: 'throttled' });
      const otherAddress = await verifyCredentials(open.db, { email: DEMO_USERS.sam, password: DEMO_PASSWORD, ip: '203.0.113.10', totp: code }, now);
      expect(otherAddress.ok).toBe(true);
    });
  });

  describe('guards', () => {
    async function actorFor(email: string) {
      const [customerUser] = await open.db.select().from(customerUsers).where(eq(customerUsers.email, email));
      if (customerUser) return loadActor(open.db, await sessionOf(open.db, { ...customerUser, kind: 'customer' }));
      const [staffUser] = await open.db.select().from(staffUsers).where(eq(staffUsers.email, email));
      return loadActor(open.db, await sessionOf(open.db, { ...staffUser!, kind: 'staff' }));
    }

    it('requireCustomer: lets an admin write and a viewer only read', async () => {
      const alice = await actorFor(DEMO_USERS.alice);
      const victor = await actorFor(DEMO_USERS.victor);
      expect(checkCustomer(alice, { write: true })).toMatchObject({ ok: true });
      expect(checkCustomer(victor)).toMatchObject({ ok: true });
      expect(checkCustomer(victor, { write: true })).toEqual({ ok: false, outcome: 'forbidden' });
    });

    it('requireCustomer: refuses staff and the signed-out', async () => {
      expect(checkCustomer(await actorFor(DEMO_USERS.sam))).toEqual({ ok: false, outcome: 'not_found' });
      expect(checkCustomer(null)).toEqual({ ok: false, outcome: 'sign_in' });
    });

    it("requireCustomer: another customer's resource is not found", async () => {
      const alice = await actorFor(DEMO_USERS.alice);
      const [globex] = await open.db.select().from(customers).where(eq(customers.name, 'Globex Trading'));
      expect(checkCustomer(alice, { customerId: globex!.id })).toEqual({ ok: false, outcome: 'not_found' });
      expect(checkCustomer(alice, { customerId: alice!.kind === 'customer' ? alice!.customerId : '' })).toMatchObject({ ok: true });
    });

    it('requireStaff: refuses customers (not found) and the wrong staff role (forbidden)', async () => {
      const sam = await actorFor(DEMO_USERS.sam);
      const olivia = await actorFor(DEMO_USERS.olivia);
      expect(checkStaff(await actorFor(DEMO_USERS.alice))).toEqual({ ok: false, outcome: 'not_found' });
      expect(checkStaff(sam, 'operator')).toEqual({ ok: false, outcome: 'forbidden' });
      expect(checkStaff(olivia, 'operator')).toMatchObject({ ok: true });
      expect(checkStaff(sam, ['support', 'operator'])).toMatchObject({ ok: true });
      expect(checkStaff(null)).toEqual({ ok: false, outcome: 'sign_in' });
    });

    it('re-reads the user each request: a session of a removed user or a forged role has no power', async () => {
      const victor = await actorFor(DEMO_USERS.victor);
      // A token claiming admin for victor's id still yields victor's real role.
      const forged = await loadActor(
        open.db,
        await sessionOf(open.db, { id: victor!.userId, kind: 'customer', role: 'admin', customerId: null }),
      );
      expect(forged).toMatchObject({ role: 'viewer', canWrite: false });
      // A user removed after signing in.
      const [victorRow] = await open.db.select().from(customerUsers).where(eq(customerUsers.email, DEMO_USERS.victor));
      const [removed] = await open.db
        .insert(customerUsers)
        .values({ customerId: victorRow!.customerId, email: 'removed@acme.example', name: 'Removed', role: 'admin', passwordHash: 'x' })
        .returning();
      const removedSession = await sessionOf(open.db, { id: removed!.id, kind: 'customer', role: 'admin' });
      await open.db.delete(customerUsers).where(eq(customerUsers.id, removed!.id));
      const ghost = await loadActor(open.db, removedSession);
      expect(ghost).toBeNull();
      const [row] = await open.db.select().from(customerUsers).where(eq(customerUsers.email, DEMO_USERS.victor));
      expect(row?.role).toBe('viewer');
    });
  });
});
