'use server';

// Second-factor enrolment, through the one pipeline (lib/action.ts).
import { z } from 'zod';
import { readForm, runAction } from '@/lib/action';
import { firstField, type FormState } from '@/lib/form-state';
import { refused } from '@/lib/result';
import { completeLinkEnrolment, confirmEnrolment, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './enrolment';
import { requireStaffForEnrolment } from './guard';

export async function confirmEnrolmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runAction(
    {
      scope: 'auth.enrol',
      guard: () => requireStaffForEnrolment(),
      input: (fields) => ({ code: firstField(fields.code) ?? '' }),
      schema: z.object({ code: z.string().trim().max(12) }),
      run: async (db, actor, input, now) => ((await confirmEnrolment(db, actor.userId, input.code, now)) ? { ok: true as const } : refused('wrong')),
      next: () => ({ redirect: '/staff?enrolled=1' }),
    },
    readForm(formData),
  );
  // A code that is too long is as wrong as a code that does not match.
  return state.fieldErrors ? { ...state, fieldErrors: undefined, refusal: 'wrong' } : state;
}

const linkSchema = z
  .object({
    token: z.string().min(1).max(100),
    password: z.string({ message: 'required' }).min(1, { message: 'required' }).max(MAX_PASSWORD_LENGTH, { message: 'tooLong' }),
    passwordConfirm: z.string({ message: 'required' }).min(1, { message: 'required' }),
    code: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(12, { message: 'invalid' }),
  })
  // A length rule (no strength library in the project yet): at least MIN_PASSWORD_LENGTH characters.
  .refine((v) => v.password.length >= MIN_PASSWORD_LENGTH, { message: 'invalid', path: ['password'] })
  .refine((v) => v.password === v.passwordConfirm, { message: 'invalid', path: ['passwordConfirm'] });

/**
 * A new staff member's enrolment link (`/staff/enrol/<token>`): the token is the credential, so no
 * session is needed. Password and authenticator are set together; the link then opens nothing.
 */
export async function enrolByLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runAction(
    {
      scope: 'auth.enrolLink',
      guard: async () => null,
      input: (fields) => ({
        token: firstField(fields.token) ?? '',
        password: firstField(fields.password) ?? '',
        passwordConfirm: firstField(fields.passwordConfirm) ?? '',
        code: firstField(fields.code) ?? '',
      }),
      schema: linkSchema,
      run: (db, _actor, input, now) => completeLinkEnrolment(db, input, now),
      next: () => ({ redirect: '/staff/enrol/done' }),
    },
    readForm(formData),
  );
  // Passwords are never sent back to the browser.
  const { password: _p, passwordConfirm: _c, ...fields } = state.fields;
  return { ...state, fields };
}
