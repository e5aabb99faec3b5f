// Sessions the server can end (issue 9, item 5): one user_sessions row per sign-in, checked by the
// guard on every request; the token (the Auth.js JWT) is refused 8 hours after sign-in however
// often it was refreshed. The clock is passed in (`now`), nothing sleeps.
import { Auth } from '@auth/core';
import { eq } from 'drizzle-orm';
import type { Session } from 'next-auth';
import { decode, encode } from 'next-auth/jwt';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OpenDatabase } from '@/db/client';
import { userSessions } from '@/db/schema';
import { loadActor } from '@/lib/auth/access';
import { authConfig } from '@/lib/auth/config';
import { SESSION_LIFETIME_MS, sessionIdOf, STAFF_IDLE_MS, tokenWithinLifetime } from '@/lib/auth/session-token';
import { checkSession, endAllSessions, endSession, openSessionsOf, startSession } from '@/lib/auth/sessions';
import { verifyCredentials, type SignedInUser } from '@/lib/auth/sign-in';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS, DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { testDatabaseTargets } from './helpers/databases';

const SECRET = 'test-secret-for-session-tests-only-0123456789';
const COOKIE = 'authjs.session-token';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Auth.js as the app configures it (lib/auth/config.ts), without the database-bound provider. */
const authOptions = { ...authConfig, secret: SECRET, basePath: '/api/auth' };

/** The cookie Auth.js sets at sign-in for this user and session (what the browser keeps). */
function cookieFor(user: SignedInUser, started: { secret: string; signedInAt: Date }): Promise<string> {
  return encode({
    secret: SECRET,
    salt: COOKIE,
    maxAge: SESSION_LIFETIME_MS / 1000,
    token: {
      uid: user.id,
      kind: user.kind,
      role: user.role,
      customerId: user.kind === 'customer' ? user.customerId : null,
      sid: started.secret,
      signedInAt: started.signedInAt.getTime(),
    },
  });
}

const sessionBody = z.object({
  expires: z.string(),
  user: z.object({ id: z.string(), kind: z.enum(['customer', 'staff']), role: z.enum(['admin', 'viewer', 'support', 'operator']), customerId: z.string().nullable() }),
  sessionId: z.string().nullable(),
});

/** GET /api/auth/session with a cookie: the session the guard would get, and the cookie sent back. */
async function readSession(cookie: string): Promise<{ session: Session | null; setCookie: string[] }> {
  const response = await Auth(new Request('http://localhost/api/auth/session', { headers: { cookie: `${COOKIE}=${cookie}` } }), authOptions);
  const body: unknown = await response.json();
  const parsed = sessionBody.safeParse(body);
  const session: Session | null = parsed.success ? parsed.data : null;
  return { session, setCookie: response.headers.getSetCookie() };
}

const reissued = (setCookie: string[]) => setCookie.find((c) => c.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1).split(';')[0] ?? '';

const targets = await testDatabaseTargets();

describe.each(targets)('sessions on $name', (target) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await target.open();
    await seedDemoData(open.db);
  });
  afterAll(async () => open?.close());

  /** What the credentials provider does (lib/auth/index.ts): check the password, start a session row. */
  async function signIn(email: string, now: Date, totp?: string) {
    const result = await verifyCredentials(open.db, { email, password: DEMO_PASSWORD, ip: '10.9.0.1', totp }, now);
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    const started = await startSession(open.db, result.user, now);
    return { user: result.user, started, cookie: await cookieFor(result.user, started) };
  }

  it('sign in, copy the cookie, sign out: the copy is refused', async () => {
    const now = new Date();
    const { cookie } = await signIn(DEMO_USERS.alice, now);
    const copy = cookie;
    const { session } = await readSession(cookie);
    expect(session?.sessionId).toBeTruthy();
    expect(session?.sessionId).not.toContain(copy);
    expect(await loadActor(open.db, session, now)).toMatchObject({ kind: 'customer', email: DEMO_USERS.alice });

    // Sign-out (lib/auth/actions.ts logout) ends the row, then clears the cookie.
    expect(await endSession(open.db, session!.sessionId!, 'sign_out', now)).toBe(true);

    // The copy still decodes (it is a well-formed, unexpired token) but the guard refuses it.
    const replay = await readSession(copy);
    expect(replay.session?.sessionId).toBe(session!.sessionId);
    expect(await loadActor(open.db, replay.session, new Date(now.getTime() + 1000))).toBeNull();
    const [row] = await open.db.select().from(userSessions).where(eq(userSessions.id, session!.sessionId!));
    expect(row).toMatchObject({ endedReason: 'sign_out' });
  });

  it('a token older than 8 hours is refused even if it was refreshed', async () => {
    // Refreshing re-issues the token with a fresh iat and exp; the sign-in time stays.
    const signedInAt = new Date(Date.now() - 8 * HOUR - MINUTE);
    const { user, started } = await signIn(DEMO_USERS.grace, signedInAt);
    const refreshedJustNow = await cookieFor(user, started);
    const payload = await decode({ secret: SECRET, salt: COOKIE, token: refreshedJustNow });
    expect(payload?.iat).toBeGreaterThan(Math.floor(Date.now() / 1000) - 60);

    const { session, setCookie } = await readSession(refreshedJustNow);
    expect(session).toBeNull();
    // Auth.js clears the cookie when the jwt callback refuses the token.
    expect(setCookie.some((c) => c.startsWith(`${COOKIE}=;`) || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(true);

    // And the row says the same on its own: past its absolute end, even though just used.
    const session8h = { expires: '', user: { id: user.id, kind: user.kind, role: user.role, customerId: null }, sessionId: started.id } satisfies Session;
    const justBefore = new Date(signedInAt.getTime() + 8 * HOUR - MINUTE);
    expect(await loadActor(open.db, session8h, justBefore)).toMatchObject({ kind: 'customer' });
    expect(await loadActor(open.db, session8h, new Date(signedInAt.getTime() + 8 * HOUR))).toBeNull();
    const [row] = await open.db.select().from(userSessions).where(eq(userSessions.id, started.id));
    expect(row).toMatchObject({ endedReason: 'expired' });
  });

  it('refreshing a session never moves its end: the re-issued token expires 8 hours after sign-in', async () => {
    const signedInAt = new Date(Date.now() - 3 * HOUR);
    const { cookie, started } = await signIn(DEMO_USERS.victor, signedInAt);
    const { session, setCookie } = await readSession(cookie);
    expect(session?.user.id).toBeTruthy();
    const renewed = await decode({ secret: SECRET, salt: COOKIE, token: reissued(setCookie) });
    const end = (signedInAt.getTime() + SESSION_LIFETIME_MS) / 1000;
    expect(renewed?.exp).toBeLessThanOrEqual(Math.ceil(end));
    expect(renewed?.exp).toBeGreaterThan(end - 5);
    expect(renewed?.signedInAt).toBe(started.signedInAt.getTime());
  });

  it('tokenWithinLifetime: 8 hours from sign-in, whatever iat says', () => {
    const at = Date.parse('2026-11-24T00:00:00Z');
    const token = { sid: 'x', signedInAt: at, iat: at / 1000 + 7 * 3600 };
    expect(tokenWithinLifetime(token, at + 8 * HOUR - 1)).toBe(true);
    expect(tokenWithinLifetime(token, at + 8 * HOUR)).toBe(false);
    expect(tokenWithinLifetime({ sid: 'x' }, at)).toBe(false); // a token from before sessions
    expect(tokenWithinLifetime({ signedInAt: at }, at)).toBe(false);
  });

  it('staff idle for 61 minutes are signed out; last seen moves at most once a minute', async () => {
    const t0 = new Date('2026-11-25T01:00:00Z');
    const { user, started } = await signIn(DEMO_USERS.olivia, t0, generateSync({ secret: DEMO_TOTP_SECRETS.olivia, epoch: t0.getTime() / 1000 }));
    const staff = { kind: 'staff' as const, id: user.id };
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const lastSeen = async () => (await open.db.select().from(userSessions).where(eq(userSessions.id, started.id)))[0]!.lastSeenAt.getTime();

    expect(await checkSession(open.db, started.id, staff, at(30_000))).toEqual({ live: true });
    expect(await lastSeen()).toBe(t0.getTime()); // not written within the minute
    expect(await checkSession(open.db, started.id, staff, at(59 * MINUTE))).toEqual({ live: true });
    expect(await lastSeen()).toBe(at(59 * MINUTE).getTime());
    // 60 minutes after that last request: still in.
    expect(await checkSession(open.db, started.id, staff, at(59 * MINUTE + STAFF_IDLE_MS))).toEqual({ live: true });
    // Then 61 minutes of nothing.
    expect(await checkSession(open.db, started.id, staff, at(59 * MINUTE + STAFF_IDLE_MS + 61 * MINUTE))).toEqual({ live: false, reason: 'idle' });
    expect(await checkSession(open.db, started.id, staff, at(59 * MINUTE + STAFF_IDLE_MS + 62 * MINUTE))).toEqual({ live: false, reason: 'ended' });
  });

  it('a staff member idle for 61 minutes gets no actor from the guard', async () => {
    const t0 = new Date('2026-11-25T05:00:00Z');
    const { user, started } = await signIn(DEMO_USERS.sam, t0, generateSync({ secret: DEMO_TOTP_SECRETS.sam, epoch: t0.getTime() / 1000 }));
    const session = { expires: '', user: { id: user.id, kind: 'staff', role: user.role, customerId: null }, sessionId: started.id } satisfies Session;
    expect(await loadActor(open.db, session, new Date(t0.getTime() + 61 * MINUTE))).toBeNull();
  });

  it('customers have no idle limit, only the 8 hours', async () => {
    const t0 = new Date('2026-11-25T09:00:00Z');
    const { user, started } = await signIn(DEMO_USERS.victor, t0);
    const customer = { kind: 'customer' as const, id: user.id };
    expect(await checkSession(open.db, started.id, customer, new Date(t0.getTime() + 7 * HOUR))).toEqual({ live: true });
    expect(await checkSession(open.db, started.id, customer, new Date(t0.getTime() + 8 * HOUR))).toEqual({ live: false, reason: 'expired' });
  });

  it("ending all sessions of a user ends every device's session at once, and nobody else's", async () => {
    const now = new Date('2026-11-26T01:00:00Z');
    const laptop = await signIn(DEMO_USERS.alice, now);
    const phone = await signIn(DEMO_USERS.alice, now);
    const other = await signIn(DEMO_USERS.victor, now);
    const alice = { kind: 'customer' as const, id: laptop.user.id };
    const before = (await openSessionsOf(open.db, alice, now)).map((s) => s.id);
    expect(before).toEqual(expect.arrayContaining([laptop.started.id, phone.started.id]));

    expect(await endAllSessions(open.db, alice, 'password_changed', now)).toBe(before.length);
    const later = new Date(now.getTime() + 1000);
    expect(await checkSession(open.db, laptop.started.id, alice, later)).toEqual({ live: false, reason: 'ended' });
    expect(await checkSession(open.db, phone.started.id, alice, later)).toEqual({ live: false, reason: 'ended' });
    expect(await openSessionsOf(open.db, alice, later)).toEqual([]);
    expect(await checkSession(open.db, other.started.id, { kind: 'customer', id: other.user.id }, later)).toEqual({ live: true });
    expect(await endAllSessions(open.db, alice, 'password_changed', later)).toBe(0);
  });

  it("one user's session row does not sign in another user, and an unknown row is refused", async () => {
    const now = new Date('2026-11-26T03:00:00Z');
    const alice = await signIn(DEMO_USERS.alice, now);
    const victor = await signIn(DEMO_USERS.victor, now);
    expect(await checkSession(open.db, alice.started.id, { kind: 'customer', id: victor.user.id }, now)).toEqual({ live: false, reason: 'missing' });
    expect(await checkSession(open.db, alice.started.id, { kind: 'staff', id: alice.user.id }, now)).toEqual({ live: false, reason: 'missing' });
    expect(await checkSession(open.db, sessionIdOf('made-up'), { kind: 'customer', id: alice.user.id }, now)).toEqual({ live: false, reason: 'missing' });
    // The table keeps only the hash of the token's secret.
    const [row] = await open.db.select().from(userSessions).where(eq(userSessions.id, alice.started.id));
    expect(row!.id).toBe(sessionIdOf(alice.started.secret));
    expect(row!.id).not.toBe(alice.started.secret);
  });
});
