'use server';

// Second-factor enrolment, through the one pipeline (lib/action.ts).
import { z } from 'zod';
import { readForm, runAction } from '@/lib/action';
import { firstField, type FormState } from '@/lib/form-state';
import { refused } from '@/lib/result';
import { confirmEnrolment } from './enrolment';
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
