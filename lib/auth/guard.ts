import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { recordSupportPageView } from '@/lib/audit';
import { activeImpersonation } from '@/lib/support/impersonation';
import {
  checkCustomer,
  checkStaff,
  ForbiddenError,
  loadActor,
  type Actor,
  type CustomerActor,
  type CustomerGuardOptions,
  type StaffActor,
  type StaffRole,
} from './access';
import { requestSession } from './request-session';

export { ForbiddenError } from './access';
export type { Actor, CustomerActor, StaffActor } from './access';

/** The signed-in user of this request, re-read from the database; null when signed out. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  // The session first: it reads the request's cookies, so a build's prerender stops here and never
  // opens the database; a visitor without a session needs no query either.
  const session = await requestSession();
  return session ? loadActor(await getDb(), session) : null;
});

/** The support session of the signed-in staff member in force now (re-read on every request). */
export const currentSupportSession = cache(async () => {
  const actor = await currentActor();
  if (actor?.kind !== 'staff' || actor.role !== 'support' || !actor.enrolled) return null;
  const now = new Date();
  const session = await activeImpersonation(await getDb(), actor.userId, now);
  return session && { ...session, minutesLeft: Math.max(0, Math.ceil((session.expiresAt.getTime() - now.getTime()) / 60_000)) };
});

/**
 * Every customer page, server action and route handler calls this first.
 * Signed out → the sign-in page; staff → not found (unless in a support session, when they see
 * the customer's portal, every view recorded); `write` without the right → ForbiddenError.
 */
export async function requireCustomer(opts: Omit<CustomerGuardOptions, 'customerId'> = {}): Promise<CustomerActor> {
  const actor = await currentActor();
  const supportSession = actor?.kind === 'staff' ? await currentSupportSession() : null;
  const check = checkCustomer(actor, opts, supportSession);
  if (check.ok) {
    const session = check.actor.impersonation;
    if (session && !opts.write && !opts.claim) await recordSupportView(session.sessionId, session.staffUserId, check.actor.customerId, session.ticket);
    return check.actor;
  }
  if (check.outcome === 'sign_in') redirect('/login');
  // The company requires a second factor: nothing else opens until it is set up.
  if (check.outcome === 'second_factor') redirect('/account/second-factor');
  if (check.outcome === 'forbidden') throw new ForbiddenError('read_only');
  if (check.outcome === 'support_view_only') throw new ForbiddenError('support_view_only');
  notFound();
}

/** Every page a support staff member sees as the customer is recorded, under both names, once per request. */
const recordSupportView = cache(async (sessionId: string, staffUserId: string, customerId: string, ticket: string) => {
  const path = (await headers()).get('x-smarthub-path') ?? '';
  await recordSupportPageView(await getDb(), { sessionId, staffUserId, customerId, ticket, path });
});

/** Every staff page, action and route handler calls this first. Customers get "not found". */
export async function requireStaff(role?: StaffRole | StaffRole[]): Promise<StaffActor> {
  const check = checkStaff(await currentActor(), role);
  if (check.ok) return check.actor;
  if (check.outcome === 'sign_in') redirect('/login');
  if (check.outcome === 'forbidden') throw new ForbiddenError('wrong_role');
  notFound();
}

/**
 * The guard of a staff page: `requireStaff(role)`, with a staff member of the wrong role shown
 * the "forbidden" page (HTTP 403, app/forbidden.tsx) instead of an error. Actions and route
 * handlers call `requireStaff` and turn its ForbiddenError into their own answer.
 */
export async function requireStaffPage(role?: StaffRole | StaffRole[]): Promise<StaffActor> {
  try {
    return await requireStaff(role);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}
