'use server';

import crypto from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ForbiddenError, requireCustomer, requireStaff } from '@/lib/auth/guard';
import { endImpersonation, startImpersonation } from './impersonation';
import { grantSupportAccess, revokeSupportAccess } from './grants';

export type SupportFormState = { error?: string; fields?: Record<string, string> };

const startSchema = z.object({
  customerId: z.string().uuid(),
  reason: z.string().trim().min(1).max(500),
  ticket: z.string().trim().min(1).max(50),
});

/** Starts view-only support access and opens the customer's portal. */
export async function startImpersonationAction(_prev: SupportFormState, formData: FormData): Promise<SupportFormState> {
  const fields = {
    customerId: String(formData.get('customerId') ?? ''),
    reason: String(formData.get('reason') ?? ''),
    ticket: String(formData.get('ticket') ?? ''),
  };
  try {
    const actor = await requireStaff('support');
    const parsed = startSchema.safeParse(fields);
    if (!parsed.success) return { error: 'invalid', fields };
    const outcome = await startImpersonation(await getDb(), actor, parsed.data);
    if (!outcome.ok) return { error: outcome.reason, fields };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ForbiddenError) return { error: 'not_support', fields };
    console.error(`[support ${crypto.randomUUID().slice(0, 8)}]`, error);
    return { error: 'failed', fields };
  }
  revalidatePath('/', 'layout');
  redirect('/');
}

/** The End button of the banner, and revocation of another staff member's session. */
export async function endImpersonationAction(formData: FormData): Promise<void> {
  const actor = await requireStaff('support');
  const sessionId = z.string().uuid().safeParse(formData.get('sessionId'));
  if (sessionId.success) await endImpersonation(await getDb(), actor, { sessionId: sessionId.data });
  revalidatePath('/', 'layout');
  redirect('/staff/support?ended=1');
}

const grantSchema = z.object({ days: z.coerce.number().int().min(1).max(30) });

export async function grantSupportAccessAction(_prev: SupportFormState, formData: FormData): Promise<SupportFormState> {
  try {
    const actor = await requireCustomer();
    const parsed = grantSchema.safeParse({ days: formData.get('days') });
    if (!parsed.success) return { error: 'invalid', fields: { days: String(formData.get('days') ?? '') } };
    const outcome = await grantSupportAccess(await getDb(), actor, parsed.data);
    if (!outcome.ok) return { error: outcome.reason };
  } catch (error) {
    unstable_rethrow(error);
    console.error('[grant]', error);
    return { error: 'failed' };
  }
  revalidatePath('/', 'layout');
  redirect('/support-access?done=granted');
}

export async function revokeSupportAccessAction(): Promise<void> {
  const actor = await requireCustomer();
  const outcome = await revokeSupportAccess(await getDb(), actor);
  revalidatePath('/', 'layout');
  redirect(outcome.ok ? '/support-access?done=revoked' : `/support-access?error=${outcome.reason}`);
}
