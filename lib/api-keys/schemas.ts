// The API keys page's fields (zod), shared by the actions. Messages are keys the form translates
// (apiKeys.fieldErrors.*).
import { z } from 'zod';
import { API_KEY_EXPIRY_DAYS, API_KEY_NAME_MAX, API_KEY_SCOPES } from './types';

const name = z.string().trim().min(1, { message: 'required' }).max(API_KEY_NAME_MAX, { message: 'tooLong' });
const scope = z.enum(API_KEY_SCOPES, { message: 'invalid' });
/** One of the offered lifetimes, sent as text; never more than 365 days. */
const expiryDays = z
  .enum(API_KEY_EXPIRY_DAYS.map(String) as [string, ...string[]], { message: 'invalid' })
  .transform((days) => Number(days) as (typeof API_KEY_EXPIRY_DAYS)[number]);

export const createApiKeySchema = z.object({ name, scope, expiryDays });
export const apiKeyIdSchema = z.object({ apiKeyId: z.string().uuid({ message: 'invalid' }) });

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;
