'use server';

// The Contacts page's writes, through the one pipeline (lib/action.ts): guard → zod → one
// transaction (lock, write + audit) → the page with a notice, or the form with what was typed.
import type { z } from 'zod';
import { readForm, runAction, runButtonAction } from '@/lib/action';
import type { CustomerActor } from '@/lib/auth/access';
import { requireCustomer } from '@/lib/auth/guard';
import type { Db } from '@/db/client';
import { singleFields, type FormState } from '@/lib/form-state';
import { addContact, editContact, removeContact, saveCompanyDetails, type ContactOutcome } from './contacts';
import { addContactSchema, companyDetailsSchema, editContactSchema, removeContactSchema } from './schemas';

async function contactsAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  service: (db: Db, actor: CustomerActor, input: z.output<S>, now: Date) => Promise<ContactOutcome>,
  done: string,
): Promise<FormState> {
  return runAction(
    {
      scope: 'customer.contacts',
      // The services refuse viewers, billing users and support themselves, with their own message.
      guard: () => requireCustomer(),
      input: singleFields,
      schema: schema as z.ZodType<z.output<S>>,
      run: service,
      next: () => ({ redirect: `/contacts?done=${done}`, revalidate: '/contacts' }),
    },
    readForm(formData),
  );
}

export async function saveCompanyDetailsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return contactsAction(formData, companyDetailsSchema, saveCompanyDetails, 'company_saved');
}

export async function addContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return contactsAction(formData, addContactSchema, addContact, 'contact_added');
}

export async function editContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return contactsAction(formData, editContactSchema, editContact, 'contact_saved');
}

/** A one-button form: a refusal comes back as `/contacts?error=<code>`. */
export async function removeContactAction(formData: FormData): Promise<void> {
  await runButtonAction(
    {
      scope: 'customer.contacts',
      guard: () => requireCustomer(),
      input: singleFields,
      schema: removeContactSchema,
      run: removeContact,
      next: () => ({ redirect: '/contacts?done=contact_removed', revalidate: '/contacts' }),
    },
    formData,
    '/contacts',
  );
}
