import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Db, type OpenDatabase } from '@/db/client';
import { auditLog, staffEnrolments, staffUsers, userSessions } from '@/db/schema';
import { beginLinkEnrolment, completeLinkEnrolment, enrolmentByToken } from '@/lib/auth/enrolment';
import { verifyPassword } from '@/lib/auth/password';
import { openSecret } from '@/lib/auth/secret-box';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { hashOneTimeToken } from '@/lib/users/tokens';
import { staffCreate } from '../scripts/staff-create';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();
const NOW = new Date('2026-11-24T03:00:00Z');

/** Runs the command's main function against `open`, keeping the database open for the test. */
async function run(open: OpenDatabase, argv: string[], now = NOW) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await staffCreate(argv, { open: async () => ({ ...open, close: async () => {} }), now: () => now, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe.each(targets)('npm run staff:create and the enrolment link on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let token: string;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
  });
  afterAll(async () => {
    await open.close();
  });

  it('creates the staff user with no usable password and a 72-hour link whose hash is stored, audited as a system action', async () => {
    process.env.PORTAL_URL = 'https://portal.example.jp/';
    const { code, out, err } = await run(open, ['--email', 'New.Op@IIJ.example', '--name', 'Nao Operator', '--role', 'operator']);
    delete process.env.PORTAL_URL;
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const link = out.at(-1)!;
    expect(link).toMatch(/^https:\/\/portal\.example\.jp\/staff\/enrol\/[A-Za-z0-9_-]{43}$/);
    token = link.split('/').at(-1)!;
    const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, 'new.op@iij.example'));
    expect(user).toMatchObject({ name: 'Nao Operator', role: 'operator', totpSecret: null });
    expect(await verifyPassword(user!.passwordHash, '')).toBe(false);
    const [enrolment] = await db.select().from(staffEnrolments).where(eq(staffEnrolments.staffUserId, user!.id));
    expect(enrolment).toMatchObject({ tokenHash: hashOneTimeToken(token), usedAt: null, createdBy: null });
    expect(enrolment!.expiresAt.getTime() - NOW.getTime()).toBe(72 * 3600_000);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'staff.create'), eq(auditLog.targetId, user!.id)));
    expect(audit).toMatchObject({ actorType: 'system', actorId: null });
  });

  it('refuses an address already used by a customer or staff user, and bad arguments, with exit code 1', async () => {
    for (const email of [DEMO_USERS.alice, 'NEW.OP@iij.example', DEMO_USERS.sam]) {
      const { code, err, out } = await run(open, ['--email', email, '--name', 'X', '--role', 'support']);
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err.join()).toMatch(/already used/);
    }
    expect((await run(open, ['--email', 'a@b.example', '--name', 'X', '--role', 'admin'])).err.join()).toMatch(/--role/);
    expect((await run(open, ['--email', 'a@b.example'])).code).toBe(1);
    expect((await run(open, ['--bogus'])).code).toBe(1);
    expect(await db.select().from(staffUsers).where(eq(staffUsers.email, 'a@b.example'))).toEqual([]);
  });

  it('enrols through the link: password and authenticator set, the link used once; a wrong code changes nothing', async () => {
    const offer = await beginLinkEnrolment(db, token, NOW);
    expect(offer).toMatchObject({ email: 'new.op@iij.example', name: 'Nao Operator' });
    expect(await beginLinkEnrolment(db, token, NOW)).toMatchObject({ secret: offer!.secret });
    expect(await completeLinkEnrolment(db, { token, password: 'a long enough password', code: '000000' }, NOW)).toMatchObject({ reason: 'wrong' });
    expect(await enrolmentByToken(db, token, NOW)).toMatchObject({ ok: true });

    const code = generateSync({ secret: offer!.secret, epoch: Math.floor(NOW.getTime() / 1000) });
    const done = await completeLinkEnrolment(db, { token, password: 'a long enough password', code }, NOW);
    expect(done).toMatchObject({ ok: true });
    const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, 'new.op@iij.example'));
    expect(user).toMatchObject({ totpPendingSecret: null });
    // Stored sealed: the column never holds the base32 secret.
    expect(user!.totpSecret).not.toContain(offer!.secret);
    expect(openSecret(user!.totpSecret!)).toBe(offer!.secret);
    expect(done).toMatchObject({ recoveryCodes: expect.arrayContaining([expect.stringMatching(/^[a-z2-7]{5}-[a-z2-7]{5}$/)]) });
    expect(await verifyPassword(user!.passwordHash, 'a long enough password')).toBe(true);
    expect(await enrolmentByToken(db, token, NOW)).toEqual({ ok: false, reason: 'used' });
    expect(await completeLinkEnrolment(db, { token, password: 'a long enough password', code }, NOW)).toMatchObject({ reason: 'link_used' });
    expect(await db.select().from(userSessions).where(eq(userSessions.staffUserId, user!.id))).toEqual([]);
  });

  it('an expired or unknown link opens nothing', async () => {
    const { out } = await run(open, ['--email', 'late@iij.example', '--name', 'Late', '--role', 'support']);
    const late = out.at(-1)!.split('/').at(-1)!;
    const after = new Date(NOW.getTime() + 72 * 3600_000);
    expect(await enrolmentByToken(db, late, after)).toEqual({ ok: false, reason: 'expired' });
    expect(await beginLinkEnrolment(db, late, after)).toBeNull();
    expect(await completeLinkEnrolment(db, { token: late, password: 'a long enough password', code: '123456' }, after)).toMatchObject({ reason: 'link_expired' });
    expect(await enrolmentByToken(db, 'x'.repeat(43), NOW)).toEqual({ ok: false, reason: 'unknown' });
    expect(await enrolmentByToken(db, '../etc', NOW)).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('npm run staff:create on a locked embedded database', () => {
  it('says the running server holds it, and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-create-'));
    const dataDir = path.join(dir, 'pglite');
    // Another process's lock: the PID of this test's parent (alive, not us).
    fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
    const err: string[] = [];
    const code = await staffCreate(['--email', 'x@iij.example', '--name', 'X', '--role', 'support'], { open: () => openPglite(dataDir), err: (l) => err.push(l) });
    expect(code).toBe(1);
    expect(err.join()).toMatch(/in use by a running server \(PID \d+\)/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
