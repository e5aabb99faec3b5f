// Sessions the server can end: one user_sessions row per sign-in, checked by the guard on every
// request (lib/auth/access.ts loadActor). The token holds a random secret; the row's id is its
// hash. Ending the row (sign-out, a disabled user, a password change) ends the session at once
// for every copy of the cookie.
import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { userSessions, type SessionEndReason } from '@/db/schema';
import { LAST_SEEN_STEP_MS, newSessionSecret, SESSION_LIFETIME_MS, sessionIdOf, STAFF_IDLE_MS } from './session-token';

export type { SessionEndReason } from '@/db/schema';

export type SessionUser = { kind: 'customer' | 'staff'; id: string };

export type SessionRow = typeof userSessions.$inferSelect;

export interface StartedSession {
  /** The secret for the token (never stored). */
  secret: string;
  /** The row's id (hash of the secret). */
  id: string;
  signedInAt: Date;
  expiresAt: Date;
}

const userColumn = (kind: SessionUser['kind']) => (kind === 'customer' ? userSessions.customerUserId : userSessions.staffUserId);

/** A new session row for a sign-in that has just succeeded. */
export async function startSession(db: DbOrTx, user: SessionUser, now: Date = new Date()): Promise<StartedSession> {
  const secret = newSessionSecret();
  const id = sessionIdOf(secret);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.insert(userSessions).values({
    id,
    customerUserId: user.kind === 'customer' ? user.id : null,
    staffUserId: user.kind === 'staff' ? user.id : null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { secret, id, signedInAt: now, expiresAt };
}

export type SessionCheck = { live: true } | { live: false; reason: 'missing' | 'ended' | SessionEndReason };

/**
 * Whether the session row of a request is still in force for this user: not ended, not past its
 * absolute end, and (staff) used within the last 60 minutes. An expired or idle row is ended
 * here, so it reads as ended afterwards. last_seen_at moves at most once a minute.
 */
export async function checkSession(db: DbOrTx, sessionId: string, user: SessionUser, now: Date = new Date()): Promise<SessionCheck> {
  const [row] = await db.select().from(userSessions).where(eq(userSessions.id, sessionId));
  return judgeSession(db, row, user, now);
}

/**
 * checkSession on a row already read (the guard reads it together with its user, in one query):
 * ends an expired or idle row, moves last_seen_at forward at most once a minute.
 */
export async function judgeSession(db: DbOrTx, row: SessionRow | undefined, user: SessionUser, now: Date = new Date()): Promise<SessionCheck> {
  const owner = row && (user.kind === 'customer' ? row.customerUserId : row.staffUserId);
  if (!row || owner !== user.id) return { live: false, reason: 'missing' };
  if (row.endedAt) return { live: false, reason: 'ended' };
  if (now.getTime() >= row.expiresAt.getTime()) {
    await endSession(db, row.id, 'expired', now);
    return { live: false, reason: 'expired' };
  }
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (user.kind === 'staff' && idle > STAFF_IDLE_MS) {
    await endSession(db, row.id, 'idle', now);
    return { live: false, reason: 'idle' };
  }
  if (idle >= LAST_SEEN_STEP_MS) {
    // Only forward, and only while the row is open: a concurrent sign-out wins.
    await db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(userSessions.id, row.id), isNull(userSessions.endedAt), lt(userSessions.lastSeenAt, now)));
  }
  return { live: true };
}

/** Ends one session (sign-out). Ending an ended session changes nothing. */
export async function endSession(db: DbOrTx, sessionId: string, reason: SessionEndReason, now: Date = new Date()): Promise<boolean> {
  const ended = await db
    .update(userSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  return ended.length === 1;
}

/**
 * Ends every open session of a user at once, on every device: an operator disabling the user, a
 * password change. Call it in the same transaction as that change. Returns how many were open.
 */
export async function endAllSessions(db: DbOrTx, user: SessionUser, reason: SessionEndReason, now: Date = new Date()): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(userColumn(user.kind), user.id), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** The open sessions of a user (for an account page or an operator's view). */
export async function openSessionsOf(db: DbOrTx, user: SessionUser, now: Date = new Date()) {
  const rows = await db
    .select()
    .from(userSessions)
    .where(and(eq(userColumn(user.kind), user.id), isNull(userSessions.endedAt)));
  return rows.filter((row) => row.expiresAt.getTime() > now.getTime());
}

/**
 * Ends every open session of a user but one (a password change ends the user's other sessions and
 * keeps the one that changed it). Call it in the same transaction as that change.
 */
export async function endOtherSessions(db: DbOrTx, user: SessionUser, keepSessionId: string | null, reason: SessionEndReason, now: Date = new Date()): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(userColumn(user.kind), user.id), isNull(userSessions.endedAt), keepSessionId ? ne(userSessions.id, keepSessionId) : undefined))
    .returning({ id: userSessions.id });
  return ended.length;
}
