// The users page's and account forms' fields (zod), shared by the actions. Messages are keys the
// forms translate (users.fieldErrors.* / account.fieldErrors.*).
import { z } from 'zod';

const email = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .max(320, { message: 'tooLong' })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'invalid' });
const name = z.string().trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' });
const role = z.enum(['admin', 'billing', 'viewer'], { message: 'invalid' });
const locale = z.enum(['ja', 'en'], { message: 'invalid' });
const id = z.string().uuid({ message: 'invalid' });
/** A password field as typed: its strength is judged by the service (lib/auth/password-strength.ts). */
const password = z.string().min(1, { message: 'required' }).max(1024, { message: 'tooLong' });
const token = z.string().min(1).max(200);

export const inviteSchema = z.object({ email, name, role, locale });
export const invitationIdSchema = z.object({ invitationId: id });
export const userIdSchema = z.object({ userId: id });
export const changeRoleSchema = z.object({ userId: id, role });
export const requireSecondFactorSchema = z.object({ required: z.enum(['on', 'off']).transform((v) => v === 'on') });

export const acceptSchema = z.object({ token, name, password, passwordConfirm: password, locale });
export const resetRequestSchema = z.object({ email });
export const resetSchema = z.object({ token, password, passwordConfirm: password });
export const changePasswordSchema = z.object({ currentPassword: password, password, passwordConfirm: password });
export const enableSecondFactorSchema = z.object({
  secret: z.string().regex(/^[A-Z2-7]{16,128}$/, { message: 'invalid' }),
  code: z.string().trim().min(1, { message: 'required' }).max(12, { message: 'invalid' }),
});
export const removeSecondFactorSchema = z.object({ password });
