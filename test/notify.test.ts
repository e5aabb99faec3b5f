import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import {
  applications,
  auditLog,
  customerContacts,
  customerInvitations,
  customerUsers,
  customers,
  notificationDeliveries,
  notificationEvents,
  notificationPreferences,
  outages,
  smarthubContracts,
  impersonationSessions,
} from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';
import { acceptApplication } from '@/lib/backoffice/applications';
import { recordOutage } from '@/lib/backoffice/outages';
import { addOption, type Ctx } from '@/lib/contracts/services';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import type { NotificationEvent } from '@/lib/notify/events';
import { listInbox, listPreferences, markRead, savePreferences, unreadCount } from '@/lib/notify/inbox';
import { enqueueNotification } from '@/lib/notify/outbox';
import { renderMessage } from '@/lib/notify/render';
import { acceptInvitation, invitationByToken } from '@/lib/users/accept';
import { startNotificationWorker } from '@/lib/notify/loop';
import { scanClaimDeadlines, scanExpiredSupportAccess } from '@/lib/notify/scans';
import { LEASE_MS, MAX_ATTEMPTS, backoffMs, hasWork, runNotificationsOnce } from '@/lib/notify/worker';
import { hashOneTimeToken } from '@/lib/users/tokens';
import { createInvitation } from '@/lib/users/invitations';
import { customerActor, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

const NOW = new Date('2026-11-24T03:00:00Z');
const later = (ms: number, from = NOW) => new Date(from.getTime() + ms);

let mailDir: string;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_DIR: process.env.MAIL_DIR, PORTAL_URL: process.env.PORTAL_URL };
beforeEach(() => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smarthub-mail-'));
  process.env.MAIL_DIR = mailDir;
  delete process.env.SMTP_URL;
  process.env.PORTAL_URL = 'https://portal.test';
});
afterEach(() => {
  fs.rmSync(mailDir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
const mailFiles = () => fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml'));

describe('rendering', () => {
  it('says the facts in each language, in plain text and escaped HTML, with an absolute link', () => {
    process.env.PORTAL_URL = 'https://portal.test';
    const event = {
      type: 'application.accepted',
      facts: { contractNumber: 'SH-<b>1', applicationType: 'add_option', options: 'SH-O-1', acceptedOn: '2026-11-24', initialFeesYen: 40000 },
      link: '/contracts/abc',
    };
    const en = renderMessage(event, 'en');
    expect(en.subject).toBe('Application accepted: SH-<b>1');
    expect(en.text).toContain('November 24, 2026');
    expect(en.text).toContain('¥40,000');
    expect(en.text).toContain('https://portal.test/contracts/abc');
    expect(en.html).toContain('SH-&lt;b&gt;1');
    expect(en.html).not.toContain('SH-<b>1');
    expect(en.html).toContain('<a href="https://portal.test/contracts/abc">');
    const ja = renderMessage(event, 'ja');
    expect(ja.subject).toBe('お申込みを承諾しました: SH-<b>1');
    expect(ja.text).toContain('2026年11月24日');
    expect(ja.text).toContain('オプションの追加');
  });

  it('shows a missing fact as a dash and an unknown type with a generic message', () => {
    expect(renderMessage({ type: 'user.role_changed', facts: { name: 'Ann' }, link: null }, 'en').body).toBe('— changed the role of Ann to —.');
    expect(renderMessage({ type: 'something.new', facts: {}, link: null }, 'en').subject).toBe('A notice from the Smart HUB Portal');
  });
});

describe.each(targets)('notifications on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let alice: CustomerActor;
  let victor: CustomerActor;
  let bill: CustomerActor;
  let grace: CustomerActor;
  let olivia: StaffActor;
  let acme: string;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    alice = await customerActor(db, DEMO_USERS.alice);
    victor = await customerActor(db, DEMO_USERS.victor);
    bill = await customerActor(db, DEMO_USERS.bill);
    grace = await customerActor(db, DEMO_USERS.grace);
    olivia = await staffActor(db, DEMO_USERS.olivia);
    acme = alice.customerId;
  });
  afterAll(async () => {
    await open?.close();
  });

  /** Clears the outbox between tests, so each counts only its own. */
  beforeEach(async () => {
    await db.delete(notificationDeliveries).where(isNotNull(notificationDeliveries.id));
    await db.delete(notificationEvents).where(isNotNull(notificationEvents.id));
    await db.delete(notificationPreferences).where(isNotNull(notificationPreferences.customerUserId));
  });

  const event = (over: Partial<NotificationEvent> = {}): NotificationEvent => ({
    customerId: acme,
    category: 'applications',
    type: 'application.received',
    facts: { contractNumber: 'SH-000101', applicationType: 'add_option', options: 'SH-O-TEST' },
    link: '/contracts/x',
    to: [{ kind: 'customer_users' }],
    ...over,
  });
  const enqueue = (e: NotificationEvent = event(), at = NOW) => db.transaction((tx) => enqueueNotification(tx, e, at));
  const deliveries = () => db.select().from(notificationDeliveries);
  const eventCount = async () => (await db.select({ n: count() }).from(notificationEvents))[0]!.n;

  it('writes the event only when the change commits', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueNotification(tx, event(), NOW);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await eventCount()).toBe(0);
    await enqueue();
    expect(await eventCount()).toBe(1);
  });

  it('an operator accepting an application notifies every user of the customer, in the same transaction', async () => {
    const [contract] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.contractNumber, 'SH-000202'));
    const confirm: Ctx = { now: NOW, mode: 'confirm' };
    const applied = await addOption(
      db,
      grace,
      { contractId: contract!.id, orders: [{ option: { kind: 'onprem_port', line: 'individual', speed: '1G' }, dataCentre: 'Osaka DC2', rack: 'B09' }], idempotencyKey: `notify-${target.name}` },
      confirm,
    );
    if (!applied.ok || applied.mode !== 'confirm') throw new Error(JSON.stringify(applied));
    const [application] = await db.select().from(applications).where(eq(applications.idempotencyKey, `notify-${target.name}`));
    expect(await acceptApplication(db, olivia, { applicationId: application!.id }, { now: later(60_000) })).toMatchObject({ ok: true });
    const types = (await db.select().from(notificationEvents)).map((e) => e.type).sort();
    expect(types).toEqual(['application.accepted', 'application.received']);
    await runNotificationsOnce(db, later(60_000));
    const items = await listInbox(db, grace, 'en');
    expect(items.map((i) => i.subject)).toEqual(['Application accepted: SH-000202', 'Application received: SH-000202']);
    expect(items[0]!.link).toBe(`/contracts/${contract!.id}`);
    expect(await unreadCount(db, grace)).toBe(2);
    // Another customer's user sees none of it.
    expect(await listInbox(db, alice, 'en')).toEqual([]);
  });

  it('expands to each active user: the inbox always, e-mail unless turned off (security always)', async () => {
    await savePreferences(db, alice, { emailOn: [] }, NOW);
    await enqueue();
    await enqueue(event({ category: 'security', type: 'user.password_changed', facts: { name: 'Alice' }, to: [{ kind: 'user', customerUserId: alice.userId }] }));
    const report = await runNotificationsOnce(db, NOW);
    expect(report.expanded).toBe(2);
    const rows = await deliveries();
    const names = new Map([
      [`user:${alice.userId}`, 'alice'],
      [`user:${victor.userId}`, 'victor'],
      [`user:${bill.userId}`, 'bill'],
    ]);
    const keys = rows.map((r) => `${r.channel}:${names.get(r.recipientKey) ?? r.recipientKey}`).sort();
    // applications: alice inbox only, victor and bill both; security to alice: both despite her choice.
    expect(keys).toEqual(['email:alice', 'email:bill', 'email:victor', 'inbox:alice', 'inbox:alice', 'inbox:bill', 'inbox:victor'].sort());
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(mailFiles()).toHaveLength(3);
    // Expanding again writes nothing more.
    await db.update(notificationEvents).set({ expandedAt: null }).where(eq(notificationEvents.customerId, acme));
    await runNotificationsOnce(db, NOW);
    expect(await deliveries()).toHaveLength(7);
    expect(mailFiles()).toHaveLength(3);
  });

  it('two workers at once deliver each message once', async () => {
    for (let i = 0; i < 6; i++) await enqueue(event({ facts: { contractNumber: `SH-${i}` } }));
    const [a, b] = await Promise.all([runNotificationsOnce(db, NOW), runNotificationsOnce(db, NOW)]);
    expect(a.expanded + b.expanded).toBe(6);
    const rows = await deliveries();
    // 6 events × (alice, victor, bill) × (inbox, e-mail)
    expect(rows).toHaveLength(36);
    expect(a.sent + b.sent).toBe(36);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(mailFiles()).toHaveLength(18);
  });

  it('after a crash: an event committed before the worker ran, and a lease left by a dead worker, are delivered once', async () => {
    // The change committed with its event; the server was killed before any worker ran.
    await enqueue();
    expect(await deliveries()).toHaveLength(0);
    // After a restart, a worker expanded it, claimed the e-mails and died before sending them
    // (the lease is left behind).
    const { expandEvents } = await import('@/lib/notify/worker');
    await expandEvents(db, NOW);
    await db.update(notificationDeliveries).set({ lockedUntil: later(LEASE_MS) }).where(eq(notificationDeliveries.channel, 'email'));
    // A restarted worker does not touch the dead one's claim while its lease lasts…
    await runNotificationsOnce(db, later(1000));
    expect((await deliveries()).filter((r) => r.status === 'pending')).toHaveLength(3);
    // …and delivers it once the lease has run out.
    await runNotificationsOnce(db, later(LEASE_MS + 1000));
    const rows = await deliveries();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(mailFiles()).toHaveLength(3);
    await runNotificationsOnce(db, later(2 * LEASE_MS));
    expect(mailFiles()).toHaveLength(3);
  });

  it('retries a failing send with growing back-off, then gives up; the error kept is short and secret-free', async () => {
    process.env.SMTP_URL = 'smtp://user:hunter2@127.0.0.1:1';
    // An invitation's e-mail: its one-time link must not outlive the last attempt.
    await enqueue(event({ category: 'security', type: 'user.invited', link: 'https://portal.test/invitation/secret-token', to: [{ kind: 'email', email: 'someone@example.test', locale: 'en' }] }));
    let at = NOW;
    await runNotificationsOnce(db, at);
    let [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.nextAttemptAt.getTime() - at.getTime()).toBe(backoffMs(1));
    // Not due yet: nothing is tried.
    await runNotificationsOnce(db, later(backoffMs(1) - 1000, at));
    expect((await deliveries())[0]!.attempts).toBe(1);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      at = (await deliveries())[0]!.nextAttemptAt;
      await runNotificationsOnce(db, at);
      [row] = await deliveries();
      expect(row!.attempts).toBe(attempt);
    }
    expect(row!.status).toBe('failed');
    expect((await db.select().from(notificationEvents).where(eq(notificationEvents.type, 'user.invited'))).map((e) => e.link)).toEqual([null]);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(backoffMs(30)).toBe(60 * 60 * 1000);
    expect(row!.lastError!.length).toBeLessThanOrEqual(200);
    expect(row!.lastError).not.toContain('hunter2');
    expect(row!.lastError).not.toContain('someone@example.test');
  });

  it('the first e-mail of a recorded outage sets its notification time, audited as the portal', async () => {
    await db.insert(customerContacts).values({ customerId: acme, kind: 'failure', name: 'NOC', email: `noc-${target.name}@acme.example`, phone: '03-0000-0000', hours: '24 hours', locale: 'en' });
    const startedAt = new Date('2026-11-24T02:00:00Z');
    const recorded = await recordOutage(
      db,
      olivia,
      { contractNumber: 'SH-000101', startedAt, endedAt: null, detectedAt: later(5 * 60 * 1000, startedAt), notifiedAt: null, exclusionReason: null },
      { now: NOW },
    );
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    const sentAt = later(60 * 1000);
    const { deliverDue, expandEvents } = await import('@/lib/notify/worker');
    await expandEvents(db, NOW);
    await deliverDue(db, NOW, 50, () => sentAt);
    const [outage] = await db.select().from(outages).where(eq(outages.id, recorded.id));
    expect(outage!.notifiedAt).toEqual(sentAt);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'outage.notified'), eq(auditLog.targetId, recorded.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'system', customerId: acme });
    const contactMail = (await deliveries()).find((r) => r.recipientKey.startsWith('contact:') && r.email === `noc-${target.name}@acme.example`);
    expect(contactMail).toMatchObject({ status: 'sent', email: `noc-${target.name}@acme.example`, locale: 'en' });
    const file = fs.readFileSync(path.join(mailDir, `${contactMail!.id}.eml`), 'utf8');
    expect(file).toContain('Outage on SH-000101');
    await db.delete(customerContacts).where(eq(customerContacts.customerId, acme));
  });

  it('an ended outage with a reduction says it can be claimed, and 14 days before the last day to claim a reminder is sent once', async () => {
    const startedAt = new Date('2026-09-01T00:00:00+09:00');
    const recorded = await recordOutage(
      db,
      olivia,
      { contractNumber: 'SH-000101', startedAt, endedAt: new Date('2026-09-01T03:00:00+09:00'), detectedAt: startedAt, notifiedAt: startedAt, exclusionReason: null },
      { now: NOW },
    );
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    const ofOutage = async (type: string) =>
      (await db.select().from(notificationEvents).where(eq(notificationEvents.type, type))).filter((e) => e.facts.outageId === recorded.id);
    expect((await ofOutage('outage.recorded')).length).toBe(1);
    expect((await ofOutage('outage.ended')).length).toBe(1);
    const [available] = await ofOutage('sla.credit_available');
    expect(available!.facts).toMatchObject({ kind: 'availability', lastDayToClaim: '2026-12-01' });
    expect(available!.facts.amountYen).toBeGreaterThan(0);
    // A month and a half before the last day: no reminder yet.
    await scanClaimDeadlines(db, new Date('2026-10-15T03:00:00Z'));
    expect(await ofOutage('sla.claim_deadline')).toHaveLength(0);
    // Within 14 days: one reminder, however often the scan runs.
    await scanClaimDeadlines(db, NOW);
    await scanClaimDeadlines(db, NOW);
    const reminders = await ofOutage('sla.claim_deadline');
    expect(reminders).toHaveLength(1);
    await runNotificationsOnce(db, NOW);
    const [item] = (await listInbox(db, alice, 'en')).filter((i) => i.type === 'sla.claim_deadline');
    expect(item!.subject).toBe('Claim your SLA reduction by December 1, 2026: SH-000101');
    // The viewer is not asked to claim (only admins and billing may).
    expect((await listInbox(db, victor, 'en')).some((i) => i.type === 'sla.claim_deadline')).toBe(false);
  });

  it('support access that ran out by itself is told as ended, once; one ended with End is not told again', async () => {
    const sam = await staffActor(db, DEMO_USERS.sam);
    const session = (expiresAt: Date, endedAt: Date | null) => ({ staffUserId: sam.userId, customerId: acme, reason: 'Checking a ticket', ticket: 'T-1', startedAt: later(-30 * 60 * 1000, expiresAt), expiresAt, endedAt });
    const [expired] = await db.insert(impersonationSessions).values(session(later(-60_000), null)).returning();
    await db.insert(impersonationSessions).values([session(later(-120_000), later(-180_000)), session(later(10 * 60_000), null), session(later(-2 * 24 * 60 * 60_000), null)]);
    expect(await scanExpiredSupportAccess(db, NOW)).toBe(1);
    await scanExpiredSupportAccess(db, later(30_000));
    const ended = (await db.select().from(notificationEvents).where(eq(notificationEvents.type, 'support.access_ended'))).filter((e) => e.customerId === acme);
    expect(ended).toHaveLength(1);
    expect(ended[0]!.facts).toMatchObject({ sessionId: expired!.id, staffName: sam.name, ticket: 'T-1', endedAt: expired!.expiresAt.toISOString() });
    expect(ended[0]!.dedupeKey).toBe(`support.access_ended:${expired!.id}`);
  });

  it('the loop of a server process delivers by itself, woken right after an enqueue, and stops', async () => {
    const worker = startNotificationWorker(async () => db, { pollMs: 60_000 });
    try {
      // The first pass (the deadline scan, then any work) runs at once; after it the loop sleeps a minute.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await enqueue(event({ dedupeKey: `loop-${target.name}` }), new Date());
      const [mine] = await db.select().from(notificationEvents).where(eq(notificationEvents.dedupeKey, `loop-${target.name}`));
      await vi.waitFor(
        async () => {
          const rows = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.eventId, mine!.id));
          expect(rows.filter((r) => r.status === 'sent')).toHaveLength(6);
        },
        { timeout: 5000, interval: 100 },
      );
    } finally {
      worker.stop();
    }
    expect(await hasWork(db, new Date())).toBe(false);
  });

  it('marks read (one, all) for the user only; support staff may not; preferences are per user', async () => {
    await enqueue();
    await enqueue();
    await runNotificationsOnce(db, NOW);
    const [first] = await listInbox(db, victor, 'ja');
    expect(await unreadCount(db, victor)).toBe(2);
    expect(await markRead(db, alice, { deliveryId: first!.id }, NOW)).toMatchObject({ ok: false, kind: 'not_found' });
    expect(await markRead(db, victor, { deliveryId: first!.id }, NOW)).toMatchObject({ ok: true, marked: 1 });
    expect(await unreadCount(db, victor)).toBe(1);
    expect(await unreadCount(db, alice)).toBe(2);
    const support = { ...alice, impersonation: { sessionId: 'x', staffUserId: olivia.userId, staffName: 'Sam', reason: 'r', ticket: 't', startedAt: NOW, expiresAt: NOW, mayAct: true } };
    expect(await markRead(db, support, { all: true }, NOW)).toMatchObject({ ok: false, kind: 'refused', reason: 'support_view_only' });
    expect(await savePreferences(db, support, { emailOn: [] }, NOW)).toMatchObject({ ok: false, reason: 'support_view_only' });
    expect(await markRead(db, alice, { all: true }, NOW)).toMatchObject({ ok: true, marked: 2 });
    expect(await unreadCount(db, alice)).toBe(0);
    expect(await savePreferences(db, victor, { emailOn: ['outages'] }, NOW)).toMatchObject({ ok: true });
    const prefs = await listPreferences(db, victor);
    expect(prefs.find((p) => p.category === 'outages')).toMatchObject({ email: true });
    expect(prefs.find((p) => p.category === 'applications')).toMatchObject({ email: false });
    expect(prefs.find((p) => p.category === 'security')).toMatchObject({ email: true, locked: true });
    expect((await listPreferences(db, alice)).every((p) => p.email)).toBe(true);
  });

  describe('over real SMTP', () => {
    let server: SMTPServer;
    const received: Buffer[] = [];
    beforeAll(async () => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push(Buffer.concat(chunks));
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('an invitation arrives by SMTP; its link carries the token whose hash the invitation row keeps, and is cleared once sent', async () => {
      const port = (server.server.address() as { port: number }).port;
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
      const [acmeRow] = await db.select().from(customers).where(eq(customers.id, acme));
      const email = `new-${target.name}@acme.example`;
      const invitation = await db.transaction((tx) =>
        createInvitation(tx, { customerId: acme, email, name: 'New Person', role: 'viewer', locale: 'ja', companyName: acmeRow!.name, by: { customerUserId: alice.userId, name: 'Alice' } }, NOW),
      );
      const before = received.length;
      await runNotificationsOnce(db, NOW);
      expect(received.length).toBe(before + 1);
      const mail = await simpleParser(received.at(-1)!);
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(email);
      expect(mail.subject).toBe(`${acmeRow!.name} の Smart HUB ポータルへのご招待`);
      expect(mail.messageId).toMatch(/@notify\.smarthub\.portal>$/);
      const link = /https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
      expect(link).toBeTruthy();
      expect(mail.html).toContain(`href="${link}"`);
      // Following the link: its path names the invitation by the token whose hash is stored.
      const url = new URL(link!);
      expect(url.origin).toBe('https://portal.test');
      const token = url.pathname.split('/').at(-1)!;
      const [row] = await db.select().from(customerInvitations).where(eq(customerInvitations.tokenHash, hashOneTimeToken(token)));
      expect(row?.id).toBe(invitation.id);
      // What the link's page does with it: shows the company and the role, and accepting creates the user.
      expect(await invitationByToken(db, token, NOW)).toMatchObject({ status: 'open', companyName: acmeRow!.name, role: 'viewer', email });
      const accepted = await acceptInvitation(db, { token, name: 'New Person', password: 'lantern-orchard-velvet-93', passwordConfirm: 'lantern-orchard-velvet-93', locale: 'ja' }, NOW);
      expect(accepted).toMatchObject({ ok: true, email });
      const [user] = await db.select().from(customerUsers).where(eq(customerUsers.email, email));
      expect(user).toMatchObject({ customerId: acme, role: 'viewer', name: 'New Person' });
      expect(await invitationByToken(db, token, NOW)).toMatchObject({ status: 'used' });
      // The one-time link is not kept once delivered.
      const events = await db.select().from(notificationEvents).where(eq(notificationEvents.type, 'user.invited'));
      expect(events.map((e) => e.link)).toEqual([null]);
      const sent = await db.select().from(notificationDeliveries).where(inArray(notificationDeliveries.eventId, events.map((e) => e.id)));
      expect(sent).toMatchObject([{ status: 'sent', channel: 'email', email }]);
    });
  });
});
