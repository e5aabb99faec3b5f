import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { checkCustomer, checkStaff, ForbiddenError, loadActor, type Actor, type CustomerActor, type StaffActor, type StaffRole } from './access';
import { auth } from './index';

export { ForbiddenError } from './access';
export type { Actor, CustomerActor, StaffActor } from './access';

/** The signed-in user of this request, re-read from the database; null when signed out. */
export const currentActor = cache(async (): Promise<Actor | null> => loadActor(await getDb(), await auth()));

/**
 * Every customer page, server action and route handler calls this first.
 * Signed out → the sign-in page; staff → not found; `write` by a viewer → ForbiddenError.
 */
export async function requireCustomer(opts: { write?: boolean } = {}): Promise<CustomerActor> {
  const check = checkCustomer(await currentActor(), opts);
  if (check.ok) return check.actor;
  if (check.outcome === 'sign_in') redirect('/login');
  if (check.outcome === 'forbidden') throw new ForbiddenError('read_only');
  notFound();
}

/** Every staff page, action and route handler calls this first. Customers get "not found". */
export async function requireStaff(role?: StaffRole | StaffRole[]): Promise<StaffActor> {
  const check = checkStaff(await currentActor(), role);
  if (check.ok) return check.actor;
  if (check.outcome === 'sign_in') redirect('/login');
  if (check.outcome === 'forbidden') throw new ForbiddenError('wrong_role');
  notFound();
}
