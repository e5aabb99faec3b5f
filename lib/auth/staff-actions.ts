'use server';

// Operators' actions on staff accounts, through the one pipeline (lib/action.ts).
import { z } from 'zod';
import { readForm, runAction } from '@/lib/action';
import { firstField, type FormState } from '@/lib/form-state';
import { resetStaffSecondFactor } from './factor-reset';
import { requireStaff } from './guard';

/** What a reset answers the operator with: the new enrolment link, shown once. */
export interface FactorResetPreview {
  staffUserId: string;
  name: string;
  link: string;
  expiresAt: string;
}

export async function resetStaffSecondFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(
    {
      scope: 'staff.resetSecondFactor',
      guard: () => requireStaff('operator'),
      input: (fields) => ({ staffUserId: firstField(fields.staffUserId) ?? '' }),
      schema: z.object({ staffUserId: z.uuid() }),
      run: (db, actor, input, now) => resetStaffSecondFactor(db, { staffUserId: actor.userId }, input.staffUserId, now),
      next: (result) => ({
        state: {
          step: 'edit',
          fields: {},
          preview: { staffUserId: result.staffUserId, name: result.name, link: result.link, expiresAt: result.expiresAt.toISOString() } satisfies FactorResetPreview,
        },
        revalidate: '/staff/operations/staff',
      }),
    },
    readForm(formData),
  );
}
