// Issue 14, points 2–4: exact sign-in limits under concurrency, hashing outside any transaction,
// authenticator secrets sealed at rest, recovery codes, and an operator's reset of a factor.
import { and, eq, sql } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { auditLog, customerUsers, loginAttempts, staffEnrolments, staffRecoveryCodes, staffUsers, userSessions } from '@/db/schema';
import { beginLinkEnrolment, completeLinkEnrolment, createStaffMember } from '@/lib/auth/enrolment';
import { resetStaffSecondFactor } from '@/lib/auth/factor-reset';
import { Bulkhead } from '@/lib/auth/bulkhead';
import { sealPlainTotpSecrets } from '@/lib/auth/seal-existing';
import { isSealed, openSecret } from '@/lib/auth/secret-box';
import { startSession } from '@/lib/auth/sessions';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, verifyCredentials } from '@/lib/auth/sign-in';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS, DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();
const codeAt = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
/** A limiter that never answers busy, so a test sees the throttle alone. */
const unbounded = () => new Bulkhead(8, 10_000);

describe.each(targets)('sign-in hardening on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let oliviaId: string;
  let samId: string;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, new Date('2026-11-20T00:00:00Z'));
    const staff = await db.select().from(staffUsers);
    oliviaId = staff.find((s) => s.email === DEMO_USERS.olivia)!.id;
    samId = staff.find((s) => s.email === DEMO_USERS.sam)!.id;
  });
  afterAll(async () => open?.close());

  describe('exact limits under concurrency', () => {
    it(`60 concurrent failures from one address: exactly ${MAX_FAILURES_PER_IP} checked and counted, the rest throttled`, async () => {
      const now = new Date('2026-11-24T10:00:00Z');
      const ip = '198.51.100.60';
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => verifyCredentials(db, { email: `guess-${i}@burst.example`, password: 'wrong', ip }, now, unbounded())),
      );
      expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_FAILURES_PER_IP);
      expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(60 - MAX_FAILURES_PER_IP);
      const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(loginAttempts).where(eq(loginAttempts.ip, ip));
      expect(counted?.n).toBe(MAX_FAILURES_PER_IP);
    });

    it(`40 concurrent failures on one account from many addresses: exactly ${MAX_FAILURES_PER_ACCOUNT} checked, the rest throttled`, async () => {
      const now = new Date('2026-11-24T11:00:00Z');
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => verifyCredentials(db, { email: DEMO_USERS.victor, password: `wrong-${i}`, ip: `10.60.${i}.1` }, now, unbounded())),
      );
      expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
      expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(40 - MAX_FAILURES_PER_ACCOUNT);
      const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(loginAttempts).where(eq(loginAttempts.email, DEMO_USERS.victor));
      expect(counted?.n).toBe(MAX_FAILURES_PER_ACCOUNT);
    });

    it('beyond the hashing queue an attempt is answered "throttled" and not counted', async () => {
      const now = new Date('2026-11-24T12:00:00Z');
      const ip = '198.51.100.61';
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => verifyCredentials(db, { email: `busy-${i}@burst.example`, password: 'wrong', ip }, now, new Bulkhead(1, 1))),
      );
      const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
      expect(checked).toBeGreaterThanOrEqual(1);
      const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(loginAttempts).where(eq(loginAttempts.ip, ip));
      expect(counted?.n).toBe(checked);
    });

    it('hashes outside any transaction: the database answers other queries while a password is checked', async () => {
      const now = new Date('2026-11-24T13:00:00Z');
      let answered: string | undefined;
      const probing = new (class extends Bulkhead {
        override async run<T>(task: () => Promise<T>) {
          // On PGlite an open transaction holds the one connection: this query would wait for it.
          answered = await Promise.race([
            db.execute(sql`SELECT 1`).then(() => 'answered'),
            new Promise<string>((r) => setTimeout(() => r('blocked'), 3000)),
          ]);
          return super.run(task);
        }
      })(2, 2);
      await verifyCredentials(db, { email: DEMO_USERS.grace, password: 'wrong', ip: '10.61.0.1' }, now, probing);
      expect(answered).toBe('answered');
    });
  });

  describe('authenticator secrets at rest', () => {
    it('the database never holds the base32 secret, and the demo staff still sign in with their published codes', async () => {
      const rows = await db.select({ email: staffUsers.email, secret: staffUsers.totpSecret }).from(staffUsers);
      for (const row of rows.filter((r) => r.secret)) {
        expect(isSealed(row.secret!)).toBe(true);
        for (const plain of Object.values(DEMO_TOTP_SECRETS)) expect(row.secret).not.toContain(plain);
      }
      const now = new Date('2026-11-24T14:00:00Z');
      const signedIn = await verifyCredentials(
        db,
        { email: DEMO_USERS.sam, password: DEMO_PASSWORD, ip: '10.62.0.1', totp: codeAt(DEMO_TOTP_SECRETS.sam, now) },
        now,
        unbounded(),
      );
      expect(signedIn).toMatchObject({ ok: true });
    });

    it('plain secrets written before sealing are sealed in place at start, and still work', async () => {
      const now = new Date('2026-11-24T15:00:00Z');
      const [grace] = await db.select().from(customerUsers).where(eq(customerUsers.email, DEMO_USERS.grace));
      const plain = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';
      await db.update(customerUsers).set({ totpSecret: plain }).where(eq(customerUsers.id, grace!.id));
      expect(await sealPlainTotpSecrets(db)).toBe(1);
      expect(await sealPlainTotpSecrets(db)).toBe(0);
      const [after] = await db.select().from(customerUsers).where(eq(customerUsers.id, grace!.id));
      expect(after!.totpSecret).not.toContain(plain);
      expect(openSecret(after!.totpSecret!)).toBe(plain);
      const creds = { email: DEMO_USERS.grace, password: DEMO_PASSWORD, ip: '10.63.0.1' };
      expect(await verifyCredentials(db, creds, now, unbounded())).toEqual({ ok: false, reason: 'invalid' });
      expect(await verifyCredentials(db, { ...creds, totp: codeAt(plain, now) }, now, unbounded())).toMatchObject({ ok: true });
      await db.update(customerUsers).set({ totpSecret: null, totpLastStep: null }).where(eq(customerUsers.id, grace!.id));
    });
  });

  describe('recovery codes and the reset', () => {
    let nao: { id: string; secret: string; codes: string[] };
    const T = new Date('2026-11-24T16:00:00Z');

    it('enrolment by link gives ten recovery codes, stored only as hashes', async () => {
      const created = await createStaffMember(db, { email: 'nao@iij.example', name: 'Nao Support', role: 'support', by: null }, T);
      if (!created.ok) throw new Error('not created');
      const offer = await beginLinkEnrolment(db, created.token, T);
      const [pending] = await db.select().from(staffUsers).where(eq(staffUsers.id, created.staffUserId));
      expect(pending!.totpPendingSecret).not.toContain(offer!.secret);
      const done = await completeLinkEnrolment(db, { token: created.token, password: 'nao the long passphrase', code: codeAt(offer!.secret, T) }, T);
      if (!done.ok) throw new Error('not enrolled');
      expect(done.recoveryCodes).toHaveLength(10);
      expect(new Set(done.recoveryCodes).size).toBe(10);
      const stored = await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, created.staffUserId));
      expect(stored).toHaveLength(10);
      for (const code of done.recoveryCodes) expect(stored.map((s) => s.codeHash).join()).not.toContain(code.replace('-', ''));
      nao = { id: created.staffUserId, secret: offer!.secret, codes: done.recoveryCodes };
    });

    it('a recovery code signs in once in place of the authenticator code, audited', async () => {
      const now = new Date(T.getTime() + 60_000);
      const creds = { email: 'nao@iij.example', password: 'nao the long passphrase', ip: '10.64.0.1' };
      const code = nao.codes[3]!;
      expect(await verifyCredentials(db, { ...creds, totp: code.toUpperCase() }, now, unbounded())).toMatchObject({ ok: true, user: { id: nao.id } });
      expect(await verifyCredentials(db, { ...creds, totp: code }, now, unbounded())).toEqual({ ok: false, reason: 'invalid' });
      expect(await verifyCredentials(db, { ...creds, totp: 'aaaaa-aaaaa' }, now, unbounded())).toEqual({ ok: false, reason: 'invalid' });
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.actorId, nao.id), eq(auditLog.action, 'auth.sign_in')));
      expect(audit.map((a) => a.detail)).toContainEqual(expect.objectContaining({ via: 'recovery_code', recoveryCodesLeft: 9 }));
    });

    it("an operator resets another member's factor: secret and codes cleared, sessions ended, a new link; audited", async () => {
      const now = new Date(T.getTime() + 120_000);
      await startSession(db, { kind: 'staff', id: nao.id }, now);
      const reset = await resetStaffSecondFactor(db, { staffUserId: oliviaId }, nao.id, now);
      if (!reset.ok) throw new Error('not reset');
      expect(reset.link).toMatch(/\/staff\/enrol\/[A-Za-z0-9_-]{43}$/);
      const [member] = await db.select().from(staffUsers).where(eq(staffUsers.id, nao.id));
      expect(member).toMatchObject({ totpSecret: null, totpPendingSecret: null, totpLastStep: null });
      expect(await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, nao.id))).toEqual([]);
      const sessions = await db.select().from(userSessions).where(eq(userSessions.staffUserId, nao.id));
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((s) => s.endedAt !== null)).toBe(true);
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'staff.second_factor_reset'), eq(auditLog.targetId, nao.id)));
      expect(audit).toMatchObject({ actorType: 'staff_user', actorId: oliviaId });
      // Without a factor, no sign-in: not with the password, not with an old recovery code.
      const creds = { email: 'nao@iij.example', password: 'nao the long passphrase', ip: '10.64.0.2' };
      expect(await verifyCredentials(db, creds, now, unbounded())).toEqual({ ok: false, reason: 'invalid' });
      expect(await verifyCredentials(db, { ...creds, totp: nao.codes[5]! }, now, unbounded())).toEqual({ ok: false, reason: 'invalid' });
      // Only the new link enrols.
      const open = await db.select().from(staffEnrolments).where(and(eq(staffEnrolments.staffUserId, nao.id), sql`${staffEnrolments.usedAt} IS NULL`));
      expect(open).toHaveLength(1);
      const token = reset.link.split('/').at(-1)!;
      const offer = await beginLinkEnrolment(db, token, now);
      expect(await completeLinkEnrolment(db, { token, password: 'nao the new passphrase', code: codeAt(offer!.secret, now) }, now)).toMatchObject({ ok: true });
    });

    it('an operator cannot reset their own factor this way; nothing changes', async () => {
      const now = new Date(T.getTime() + 180_000);
      expect(await resetStaffSecondFactor(db, { staffUserId: oliviaId }, oliviaId, now)).toMatchObject({ ok: false, reason: 'own_factor' });
      const [olivia] = await db.select().from(staffUsers).where(eq(staffUsers.id, oliviaId));
      expect(olivia!.totpSecret).not.toBeNull();
      expect(await resetStaffSecondFactor(db, { staffUserId: samId }, '00000000-0000-4000-8000-000000000000', now)).toMatchObject({ ok: false, kind: 'not_found' });
    });
  });
});
