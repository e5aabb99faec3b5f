import { z } from 'zod';

// The Contacts page's forms, parsed from FormData strings. Each issue's message is a field-error
// key (lib/form-state.ts), translated under contacts.fieldErrors.

export const CONTACT_KINDS = ['operations', 'failure'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const id = z.string({ message: 'invalid' }).uuid({ message: 'invalid' });
const required = (max: number) => z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });

/** Digits, spaces, +, -, ( and ): a telephone number as people write it. */
const PHONE = /^\+?[0-9][0-9 ()-]{4,28}[0-9]$/;
const phone = required(30).refine((v) => PHONE.test(v), { message: 'invalid' });

export const companyDetailsSchema = z.object({
  postalAddress: z.preprocess(blankToUndefined, z.string().trim().max(300, { message: 'tooLong' }).optional().transform((v) => v ?? null)),
  phone: z.preprocess(blankToUndefined, phone.optional().transform((v) => v ?? null)),
});

const contactFields = {
  name: required(100),
  email: required(254)
    .pipe(z.email({ message: 'invalid' }))
    .transform((v) => v.toLowerCase()),
  phone,
  hours: required(100),
  locale: z.enum(['ja', 'en'], { message: 'invalid' }),
};

export const addContactSchema = z.object({ kind: z.enum(CONTACT_KINDS, { message: 'invalid' }), ...contactFields });
export const editContactSchema = z.object({ contactId: id, ...contactFields });
export const removeContactSchema = z.object({ contactId: id });

export type CompanyDetailsInput = z.output<typeof companyDetailsSchema>;
export type AddContactInput = z.output<typeof addContactSchema>;
export type EditContactInput = z.output<typeof editContactSchema>;
