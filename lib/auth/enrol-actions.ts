'use server';

// Second-factor enrolment, through the one pipeline (lib/action.ts).
import { z } from 'zod';
import { readForm, runAction } from '@/lib/action';
import { firstField, type FormState } from '@/lib/form-state';
import { completeLinkEnrolment, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type EnrolledPreview } from './enrolment';

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
 * A staff member's enrolment link (`/staff/enrol/<token>`): the token is the credential, so no
 * session is needed. Password and authenticator are set together; the link then opens nothing.
 * The answer carries the ten recovery codes, shown once by the form (never stored in clear).
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
      next: (result) => ({ state: { step: 'edit', fields: {}, preview: { recoveryCodes: result.recoveryCodes } satisfies EnrolledPreview } }),
    },
    readForm(formData),
  );
  // Passwords are never sent back to the browser.
  const { password: _p, passwordConfirm: _c, ...fields } = state.fields;
  return { ...state, fields };
}
