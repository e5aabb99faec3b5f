'use server';

// API keys through the one pipeline (lib/action.ts). The guard asks for a writer; the service then
// refuses all but the customer's own admins (support staff even inside a grant). The guard's own
// refusals are mapped to the same codes as the service's.
import { readForm, runAction, runButtonAction } from '@/lib/action';
import type { ForbiddenError } from '@/lib/auth/access';
import { requireCustomer } from '@/lib/auth/guard';
import { firstField, type Fields, type FormState } from '@/lib/form-state';
import { createApiKey, revokeApiKey } from './manage';
import { apiKeyIdSchema, createApiKeySchema } from './schemas';
import { API_KEYS_PATH, type NewApiKeyShown } from './types';

/** A guard refusal in the words of this page: support access → not_during_support, anyone else → read_only. */
const forbidden = (error: ForbiddenError) => (error.reason === 'support_view_only' ? 'not_during_support' : 'read_only');
const one = (fields: Fields, name: string) => firstField(fields[name]) ?? '';

/** Creates a key and answers it once, in the form's state (never in a URL, never again). */
export async function createApiKeyAction(_prev: FormState<NewApiKeyShown>, formData: FormData): Promise<FormState<NewApiKeyShown>> {
  return runAction(
    {
      scope: 'apiKeys.create',
      guard: () => requireCustomer({ write: true }),
      input: (f) => ({ name: one(f, 'name'), scope: one(f, 'scope'), expiryDays: one(f, 'expiryDays') }),
      schema: createApiKeySchema,
      run: (db, actor, input, now) => createApiKey(db, actor, input, now),
      next: (created) => ({ state: { step: 'edit', fields: {}, preview: { key: created.key, name: created.name, prefix: created.prefix } }, revalidate: API_KEYS_PATH }),
      forbidden,
    },
    readForm(formData),
  );
}

/** Revokes a key at once (a plain one-button form). */
export async function revokeApiKeyAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'apiKeys.revoke',
      guard: () => requireCustomer({ write: true }),
      schema: apiKeyIdSchema,
      run: (db, actor, input, now) => revokeApiKey(db, actor, input, now),
      next: () => ({ redirect: `${API_KEYS_PATH}?done=revoked`, revalidate: API_KEYS_PATH }),
      forbidden,
    },
    formData,
    API_KEYS_PATH,
  );
}
