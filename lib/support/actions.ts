'use server';

// Support staff's and the customer's support-access writes, through the one pipeline (lib/action.ts).
import { z } from 'zod';
import { readForm, runAction, runButtonAction } from '@/lib/action';
import { requireCustomer, requireStaff } from '@/lib/auth/guard';
import { firstField, type FormState } from '@/lib/form-state';
import { grantSupportAccess, MAX_GRANT_DAYS, revokeSupportAccess } from './grants';
import { endImpersonation, startImpersonation } from './impersonation';

const startSchema = z.object({
  customerId: z.string().uuid({ message: 'invalid' }),
  reason: z.string().trim().min(1, { message: 'required' }).max(500, { message: 'tooLong' }),
  ticket: z.string().trim().min(1, { message: 'required' }).max(50, { message: 'tooLong' }),
});

/** Starts view-only support access and opens the customer's portal. */
export async function startImpersonationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(
    {
      scope: 'support.start',
      guard: () => requireStaff('support'),
      input: (fields) => ({ customerId: firstField(fields.customerId), reason: firstField(fields.reason) ?? '', ticket: firstField(fields.ticket) ?? '' }),
      schema: startSchema,
      run: (db, actor, input, now) => startImpersonation(db, actor, input, now),
      next: () => ({ redirect: '/' }),
      forbidden: () => 'not_support',
    },
    readForm(formData),
  );
}

/** The End button of the banner, and revocation of another staff member's session. */
export async function endImpersonationAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'support.end',
      guard: () => requireStaff('support'),
      input: (fields) => ({ sessionId: firstField(fields.sessionId) }),
      schema: z.object({ sessionId: z.string().uuid() }),
      run: (db, actor, input, now) => endImpersonation(db, actor, input, now),
      next: () => ({ redirect: '/staff/support?ended=1' }),
      forbidden: () => 'not_support',
    },
    formData,
    '/staff/support',
  );
}

const grantSchema = z.object({ days: z.coerce.number({ message: 'invalid' }).int({ message: 'invalid' }).min(1, { message: 'invalid' }).max(MAX_GRANT_DAYS, { message: 'invalid' }) });

/** "Support may act for us" for 1–30 days (customer admins, never during support access). */
export async function grantSupportAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(
    {
      scope: 'support.grant',
      guard: () => requireCustomer(),
      input: (fields) => ({ days: firstField(fields.days) }),
      schema: grantSchema,
      run: (db, actor, input, now) => grantSupportAccess(db, actor, input, now),
      next: () => ({ redirect: '/support-access?done=granted' }),
    },
    readForm(formData),
  );
}

export async function revokeSupportAccessAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'support.revoke',
      guard: () => requireCustomer(),
      schema: z.object({}),
      run: (db, actor, _input, now) => revokeSupportAccess(db, actor, now),
      next: () => ({ redirect: '/support-access?done=revoked' }),
    },
    formData,
    '/support-access',
  );
}
