'use server';

// Users, passwords and second factors, through the one pipeline (lib/action.ts). Passwords are
// read from the form but never sent back with its state. The services refuse support staff (even
// inside a grant) with `not_during_support`; the guards' own refusals are mapped to the same codes.
import { headers } from 'next/headers';
import type { ZodType } from 'zod';
import type { Db } from '@/db/client';
import { readForm, runAction, runButtonAction } from '@/lib/action';
import type { CustomerActor, ForbiddenError } from '@/lib/auth/access';
import { requireCustomer } from '@/lib/auth/guard';
import { clientIp, signInWithPassword } from '@/lib/auth/index';
import { requestSession } from '@/lib/auth/request-session';
import { firstField, type Fields, type FormState } from '@/lib/form-state';
import type { Result } from '@/lib/result';
import { acceptInvitation } from './accept';
import { changeRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, revokeInvitation, setRequireSecondFactor } from './manage';
import { changePassword, requestPasswordReset, resetPassword } from './passwords';
import {
  acceptSchema,
  changePasswordSchema,
  changeRoleSchema,
  enableSecondFactorSchema,
  invitationIdSchema,
  inviteSchema,
  removeSecondFactorSchema,
  requireSecondFactorSchema,
  resetRequestSchema,
  resetSchema,
  userIdSchema,
} from './schemas';
import { enableSecondFactor, removeSecondFactor } from './second-factor';

/** A guard refusal in the words of these pages: support access → not_during_support, anyone else → read_only. */
const forbidden = (error: ForbiddenError) => (error.reason === 'support_view_only' ? 'not_during_support' : 'read_only');

const SECRET_FIELDS = ['password', 'passwordConfirm', 'currentPassword'];
/** The fields sent back with the form state: everything but passwords. */
function kept(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !SECRET_FIELDS.includes(name)));
}
const one = (fields: Fields, name: string) => firstField(fields[name]) ?? '';

// ── The users page (admins) ──────────────────────────────────────────────

export async function inviteUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(
    {
      scope: 'users.invite',
      guard: () => requireCustomer({ write: true }),
      input: (f) => ({ email: one(f, 'email'), name: one(f, 'name'), role: one(f, 'role'), locale: one(f, 'locale') }),
      schema: inviteSchema,
      run: (db, actor, input, now) => inviteUser(db, actor, input, now),
      next: () => ({ redirect: '/users?done=invited', revalidate: '/users' }),
      forbidden,
    },
    readForm(formData),
  );
}

/** The one-button forms of the users page: each answers with the page and a notice, or `?error=`. */
function usersButton<I>(
  scope: string,
  schema: ZodType<I>,
  run: (db: Db, actor: CustomerActor, input: I, now: Date) => Promise<Result<{ id: string }>>,
  done: string,
) {
  return async (formData: FormData): Promise<void> => {
    await runButtonAction(
      {
        scope,
        guard: () => requireCustomer({ write: true }),
        schema,
        run,
        next: () => ({ redirect: `/users?done=${done}`, revalidate: '/users' }),
        forbidden,
      },
      formData,
      '/users',
    );
  };
}

export async function resendInvitationAction(formData: FormData): Promise<void> {
  await usersButton('users.resend', invitationIdSchema, resendInvitation, 'resent')(formData);
}
export async function revokeInvitationAction(formData: FormData): Promise<void> {
  await usersButton('users.revoke', invitationIdSchema, revokeInvitation, 'revoked')(formData);
}
export async function changeRoleAction(formData: FormData): Promise<void> {
  await usersButton('users.role', changeRoleSchema, changeRole, 'roleChanged')(formData);
}
export async function deactivateUserAction(formData: FormData): Promise<void> {
  await usersButton('users.deactivate', userIdSchema, deactivateUser, 'deactivated')(formData);
}
export async function reactivateUserAction(formData: FormData): Promise<void> {
  await usersButton('users.reactivate', userIdSchema, reactivateUser, 'reactivated')(formData);
}
export async function setRequireSecondFactorAction(formData: FormData): Promise<void> {
  await usersButton('users.requireSecondFactor', requireSecondFactorSchema, setRequireSecondFactor, 'secondFactorSwitch')(formData);
}

// ── Invitation, password reset (signed out) ──────────────────────────────

/** Accepts an invitation, then signs the new user in (the company's second-factor rule applies from there). */
export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const all = readForm(formData);
  return runAction(
    {
      scope: 'users.accept',
      guard: async () => null,
      input: () => ({ token: one(all, 'token'), name: one(all, 'name'), password: one(all, 'password'), passwordConfirm: one(all, 'passwordConfirm'), locale: one(all, 'locale') }),
      schema: acceptSchema,
      run: async (db, _actor, input, now) => {
        const accepted = await acceptInvitation(db, input, now);
        if (!accepted.ok) return accepted;
        // Throws Next's redirect on success, which the pipeline passes through.
        const signedIn = await signInWithPassword({ email: accepted.email, password: input.password, redirectTo: '/?welcome=1' });
        return signedIn.ok ? accepted : { ok: true as const, userId: accepted.userId, email: accepted.email };
      },
      next: () => ({ redirect: '/login?accepted=1' }),
    },
    kept(all),
  );
}

/** "Forgot your password?": the same answer for every address (a link goes only to a user's). */
export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ip = clientIp(await headers());
  return runAction(
    {
      scope: 'account.resetRequest',
      guard: async () => null,
      input: (f) => ({ email: one(f, 'email') }),
      schema: resetRequestSchema,
      run: (db, _actor, input, now) => requestPasswordReset(db, { email: input.email, ip }, now),
      next: () => ({ redirect: '/reset-password?sent=1' }),
    },
    readForm(formData),
  );
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const all = readForm(formData);
  return runAction(
    {
      scope: 'account.reset',
      guard: async () => null,
      input: () => ({ token: one(all, 'token'), password: one(all, 'password'), passwordConfirm: one(all, 'passwordConfirm') }),
      schema: resetSchema,
      run: (db, _actor, input, now) => resetPassword(db, input, now),
      next: () => ({ redirect: '/login?reset=1' }),
    },
    kept(all),
  );
}

// ── The account page (the signed-in user's own) ──────────────────────────

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const all = readForm(formData);
  return runAction(
    {
      scope: 'account.password',
      guard: () => requireCustomer(),
      input: () => ({ currentPassword: one(all, 'currentPassword'), password: one(all, 'password'), passwordConfirm: one(all, 'passwordConfirm') }),
      schema: changePasswordSchema,
      run: async (db, actor, input, now) => changePassword(db, actor, input, { now, keepSessionId: (await requestSession())?.sessionId ?? null }),
      next: () => ({ redirect: '/account?done=password', revalidate: '/account' }),
      forbidden,
    },
    kept(all),
  );
}

export async function enableSecondFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(
    {
      scope: 'account.secondFactorOn',
      // Open to a user whose company requires a second factor they have not set up yet.
      guard: () => requireCustomer({ secondFactorSetup: true }),
      input: (f) => ({ secret: one(f, 'secret'), code: one(f, 'code') }),
      schema: enableSecondFactorSchema,
      run: (db, actor, input, now) => enableSecondFactor(db, actor, input, now),
      next: () => ({ redirect: '/account?done=secondFactorOn', revalidate: '/' }),
      forbidden,
    },
    readForm(formData),
  );
}

export async function removeSecondFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const all = readForm(formData);
  return runAction(
    {
      scope: 'account.secondFactorOff',
      guard: () => requireCustomer(),
      input: () => ({ password: one(all, 'password') }),
      schema: removeSecondFactorSchema,
      run: (db, actor, input, now) => removeSecondFactor(db, actor, input, now),
      next: () => ({ redirect: '/account?done=secondFactorOff', revalidate: '/account' }),
      forbidden,
    },
    kept(all),
  );
}
