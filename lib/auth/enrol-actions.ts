'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { confirmEnrolment } from './enrolment';
import { requireStaffForEnrolment } from './guard';

export type EnrolState = { error?: 'wrong' };

export async function confirmEnrolmentAction(_prev: EnrolState, formData: FormData): Promise<EnrolState> {
  const actor = await requireStaffForEnrolment();
  const code = z.string().trim().max(12).safeParse(formData.get('code') ?? '');
  if (!code.success || !(await confirmEnrolment(await getDb(), actor.userId, code.data))) return { error: 'wrong' };
  redirect('/staff?enrolled=1');
}
