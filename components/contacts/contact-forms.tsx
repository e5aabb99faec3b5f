'use client';

import { useActionState } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Refusal } from '@/components/ui/refusal';
import { addContactAction, editContactAction, saveCompanyDetailsAction } from '@/lib/contacts/actions';
import type { ContactKind } from '@/lib/contacts/schemas';
import { firstField, initialFormState, type FormState } from '@/lib/form-state';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A contacts form's state: what was sent stays in the fields; each field's message in the contacts' words. */
function useContactsForm(action: Action) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const t = useTranslations('contacts');
  const tAll = useTranslations();
  const error = (name: string) => {
    const key = state.fieldErrors?.[name];
    if (!key) return undefined;
    if (key === 'invalid' && (name === 'email' || name === 'phone')) return t(`fieldErrors.${name}`);
    return t(`fieldErrors.${key === 'required' || key === 'tooLong' ? key : 'invalid'}`);
  };
  const value = (name: string, fallback = '') => firstField(state.fields[name]) ?? fallback;
  const KNOWN = ['read_only', 'support_view_only', 'not_during_support', 'too_many', 'last_failure_contact', 'unchanged', 'not_found', 'failed'];
  const code = state.refusal ? (KNOWN.includes(state.refusal) ? state.refusal : 'failed') : state.fieldErrors ? 'fields' : null;
  const feedback = code ? <Refusal testId="contacts-refusal" message={t(`refusals.${code}`)} errorRef={state.errorRef} t={tAll} /> : null;
  return { state, formAction, pending, error, value, feedback, formKey: state.nonce ?? 'initial', failed: Boolean(code) };
}

function Submit({ pending, children, variant = 'primary' }: { pending: boolean; children: string; variant?: 'primary' | 'secondary' }) {
  const t = useTranslations('contacts');
  return (
    <Button type="submit" variant={variant} disabled={pending}>
      {pending ? t('working') : children}
    </Button>
  );
}

export function CompanyDetailsForm({ postalAddress, phone }: { postalAddress: string; phone: string }) {
  const t = useTranslations('contacts');
  const form = useContactsForm(saveCompanyDetailsAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-4" noValidate data-testid="company-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="postalAddress" label={t('postalAddress')} error={form.error('postalAddress')}>
          {(props) => <input {...props} name="postalAddress" maxLength={300} autoComplete="street-address" defaultValue={form.value('postalAddress', postalAddress)} className={inputClass} />}
        </Field>
        <Field id="companyPhone" label={t('phone')} error={form.error('phone')}>
          {(props) => <input {...props} name="phone" type="tel" maxLength={30} autoComplete="tel" defaultValue={form.value('phone', phone)} className={inputClass} />}
        </Field>
      </div>
      {form.feedback}
      <Submit pending={form.pending}>{t('saveCompany')}</Submit>
    </form>
  );
}

export interface ContactValues {
  name: string;
  email: string;
  phone: string;
  hours: string;
  locale: string;
}

function ContactFields({ form, prefix, initial }: { form: ReturnType<typeof useContactsForm>; prefix: string; initial?: ContactValues }) {
  const t = useTranslations('contacts');
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={`${prefix}name`} label={t('contactName')} error={form.error('name')}>
        {(props) => <input {...props} name="name" maxLength={100} autoComplete="off" defaultValue={form.value('name', initial?.name)} className={inputClass} />}
      </Field>
      <Field id={`${prefix}email`} label={t('email')} error={form.error('email')}>
        {(props) => <input {...props} name="email" type="email" maxLength={254} autoComplete="off" defaultValue={form.value('email', initial?.email)} className={inputClass} />}
      </Field>
      <Field id={`${prefix}phone`} label={t('contactPhone')} error={form.error('phone')}>
        {(props) => <input {...props} name="phone" type="tel" maxLength={30} autoComplete="off" defaultValue={form.value('phone', initial?.phone)} className={inputClass} />}
      </Field>
      <Field id={`${prefix}hours`} label={t('hours')} help={t('hoursHelp')} error={form.error('hours')}>
        {(props) => <input {...props} name="hours" maxLength={100} defaultValue={form.value('hours', initial?.hours)} className={inputClass} />}
      </Field>
      <Field id={`${prefix}locale`} label={t('locale')} error={form.error('locale')}>
        {(props) => (
          <select {...props} name="locale" defaultValue={form.value('locale', initial?.locale ?? 'ja')} className={inputClass}>
            <option value="ja">{t('localeJa')}</option>
            <option value="en">{t('localeEn')}</option>
          </select>
        )}
      </Field>
    </div>
  );
}

export function AddContactForm({ kind }: { kind: ContactKind }) {
  const t = useTranslations('contacts');
  const form = useContactsForm(addContactAction);
  return (
    <details className="rounded-md border border-slate-200 p-3" open={form.failed || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t(kind === 'failure' ? 'addFailure' : 'addOperations')}</summary>
      <form key={form.formKey} action={form.formAction} className="mt-3 space-y-4" noValidate data-testid={`add-${kind}-form`}>
        <input type="hidden" name="kind" value={kind} />
        <ContactFields form={form} prefix={`add-${kind}-`} />
        {form.feedback}
        <Submit pending={form.pending}>{t('add')}</Submit>
      </form>
    </details>
  );
}

export function EditContactForm({ contactId, initial }: { contactId: string; initial: ContactValues }) {
  const t = useTranslations('contacts');
  const form = useContactsForm(editContactAction);
  return (
    <details className="text-sm" open={form.failed || undefined}>
      <summary className="cursor-pointer text-brand-700 underline" aria-label={t('editLabel', { name: initial.name })}>
        {t('edit')}
      </summary>
      <form key={form.formKey} action={form.formAction} className="mt-3 space-y-4" noValidate data-testid="edit-contact-form">
        <input type="hidden" name="contactId" value={contactId} />
        <ContactFields form={form} prefix={`c-${contactId}-`} initial={initial} />
        {form.feedback}
        <Submit pending={form.pending}>{t('save')}</Submit>
      </form>
    </details>
  );
}
