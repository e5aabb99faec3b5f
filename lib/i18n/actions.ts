'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { readForm, runAction } from '@/lib/action';
import { firstField } from '@/lib/form-state';
import { LOCALE_COOKIE, locales } from './locale';

/**
 * The language switch: a plain form post, so it works without JavaScript. Anyone may choose a
 * language, signed in or not; the choice is a cookie, nothing in the database.
 */
export async function setLocale(formData: FormData): Promise<void> {
  await runAction(
    {
      scope: 'locale',
      guard: async () => null,
      input: (fields) => ({ locale: firstField(fields.locale) }),
      schema: z.object({ locale: z.enum(locales) }),
      run: async (_db, _actor, input) => {
        (await cookies()).set(LOCALE_COOKIE, input.locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax' });
        return { ok: true as const };
      },
      next: () => ({ state: { step: 'edit', fields: {} }, revalidate: '/' }),
    },
    readForm(formData),
  );
}
