'use server';

// The notifications page's writes, through the one pipeline (lib/action.ts): plain forms that
// work without JavaScript, answered by the page with a notice. Any customer user (viewers and
// billing too) marks their own notices and sets their own preferences; support staff are refused
// in the service (lib/notify/inbox.ts).
import { runButtonAction } from '@/lib/action';
import { requireCustomer } from '@/lib/auth/guard';
import { firstField } from '@/lib/form-state';
import { markRead, savePreferences } from './inbox';
import { markReadSchema, preferencesSchema } from './schemas';

const BACK = '/notifications';

export async function markReadAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'customer.notificationRead',
      guard: () => requireCustomer(),
      input: (fields) => (firstField(fields.all) === '1' ? { all: true } : { deliveryId: firstField(fields.deliveryId) }),
      schema: markReadSchema,
      run: (db, actor, input, now) => markRead(db, actor, input, now),
      next: () => ({ redirect: `${BACK}?done=read` }),
    },
    formData,
    BACK,
  );
}

export async function savePreferencesAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'customer.notificationPreferences',
      guard: () => requireCustomer(),
      input: (fields) => ({ emailOn: fields.emailOn === undefined ? [] : ([] as string[]).concat(fields.emailOn) }),
      schema: preferencesSchema,
      run: (db, actor, input, now) => savePreferences(db, actor, input, now),
      next: () => ({ redirect: `${BACK}?done=saved#preferences` }),
    },
    formData,
    BACK,
  );
}
