import { z } from 'zod';
import { CREDIT_KINDS, type CreditKind } from '@/lib/rules';

/** A customer's claim: which outage, which of its reductions, and an optional comment (shapes only; lib/rules decides). */
export const claimSchema = z.object({
  outageId: z.string().uuid({ message: 'invalid' }),
  kind: z.enum(CREDIT_KINDS as [CreditKind, ...CreditKind[]], { message: 'invalid' }),
  comment: z
    .string()
    .trim()
    .max(1000, { message: 'tooLong' })
    .optional()
    .transform((v) => (v ? v : undefined)),
});
