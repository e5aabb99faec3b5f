'use client';

import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import {
  addCustomerPbbAction,
  addNetworkAction,
  createCustomerAction,
  deactivateCustomerAction,
  editCustomerAction,
  inviteAdminAction,
  reactivateCustomerAction,
} from '@/lib/backoffice/actions';
import { FormFeedback, SubmitButton, useOpForm, type OpAction } from './op-form';

/**
 * The operator's form hook with onboarding's own words for the fields whose generic message
 * would say too little (a taken code, an e-mail address, a telephone number, a network code).
 */
function useCustomerForm(action: OpAction) {
  const form = useOpForm(action);
  const t = useTranslations('onboarding');
  const SPECIFIC: Record<string, string> = { email: 'emailInvalid', phone: 'phoneInvalid', networkCode: 'networkCodeInvalid', confirm: 'confirmRequired' };
  const error = (name: string) => {
    if (name === 'code' && form.state.refusal === 'customer_code_taken') return t('codeTaken');
    const key = form.state.fieldErrors?.[name];
    if (key && key !== 'required' && key !== 'tooLong' && SPECIFIC[name]) return t(SPECIFIC[name]);
    if (key === 'required' && name === 'confirm') return t('confirmRequired');
    return form.error(name);
  };
  return { ...form, error };
}

export interface CustomerDetailsValues {
  name: string;
  nameEn: string;
  postalAddress: string;
  phone: string;
}

function DetailsFields({ form, idPrefix, initial }: { form: ReturnType<typeof useCustomerForm>; idPrefix: string; initial?: CustomerDetailsValues }) {
  const t = useTranslations('onboarding');
  return (
    <>
      <Field id={`${idPrefix}name`} label={t('name')} error={form.error('name')}>
        {(props) => <input {...props} name="name" maxLength={200} defaultValue={form.value('name', initial?.name)} className={inputClass} />}
      </Field>
      <Field id={`${idPrefix}nameEn`} label={t('nameEn')} error={form.error('nameEn')}>
        {(props) => <input {...props} name="nameEn" maxLength={200} lang="en" defaultValue={form.value('nameEn', initial?.nameEn)} className={inputClass} />}
      </Field>
      <Field id={`${idPrefix}postalAddress`} label={t('postalAddress')} error={form.error('postalAddress')}>
        {(props) => (
          <input {...props} name="postalAddress" maxLength={300} autoComplete="off" defaultValue={form.value('postalAddress', initial?.postalAddress)} className={inputClass} />
        )}
      </Field>
      <Field id={`${idPrefix}phone`} label={t('phone')} error={form.error('phone')}>
        {(props) => <input {...props} name="phone" type="tel" maxLength={30} defaultValue={form.value('phone', initial?.phone)} className={inputClass} />}
      </Field>
    </>
  );
}

export function CreateCustomerForm() {
  const t = useTranslations('onboarding');
  const form = useCustomerForm(createCustomerAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-4" data-testid="create-customer-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="code" label={t('code')} help={t('codeHelp')} error={form.error('code')}>
          {(props) => <input {...props} name="code" maxLength={22} defaultValue={form.value('code')} placeholder="C-000303" className={inputClass} />}
        </Field>
        <div className="hidden sm:block" />
        <DetailsFields form={form} idPrefix="" />
      </div>
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending}>{t('create')}</SubmitButton>
    </form>
  );
}

export function EditCustomerForm({ customerId, initial }: { customerId: string; initial: CustomerDetailsValues }) {
  const t = useTranslations('onboarding');
  const form = useCustomerForm(editCustomerAction);
  const failed = Boolean(form.state.refusal || form.state.fieldErrors);
  return (
    <details className="text-sm" open={failed || undefined}>
      <summary className="cursor-pointer text-brand-700 underline">{t('editSummary')}</summary>
      <form key={form.formKey} action={form.formAction} className="mt-3 space-y-4" data-testid="edit-customer-form" noValidate>
        <input type="hidden" name="customerId" value={customerId} />
        <div className="grid gap-4 sm:grid-cols-2">
          <DetailsFields form={form} idPrefix="edit-" initial={initial} />
        </div>
        <FormFeedback state={form.state} />
        <SubmitButton pending={form.pending}>{t('save')}</SubmitButton>
      </form>
    </details>
  );
}

export function AddPbbForm({ customerId, today }: { customerId: string; today: string }) {
  const t = useTranslations('onboarding');
  const form = useCustomerForm(addCustomerPbbAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-3" data-testid="add-pbb-form" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="contractNumber" label={t('contractNumber')} help={t('contractNumberHelp')} error={form.error('contractNumber')}>
          {(props) => <input {...props} name="contractNumber" maxLength={40} defaultValue={form.value('contractNumber')} className={inputClass} />}
        </Field>
        <Field id="startedOn" label={t('startedOn')} error={form.error('startedOn')}>
          {(props) => <input {...props} type="date" name="startedOn" defaultValue={form.value('startedOn', today)} className={inputClass} />}
        </Field>
      </div>
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending}>{t('addPbb')}</SubmitButton>
    </form>
  );
}

export function AddNetworkForm({ customerId, pbbs }: { customerId: string; pbbs: { id: string; contractNumber: string }[] }) {
  const t = useTranslations('onboarding');
  const form = useCustomerForm(addNetworkAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-3" data-testid="add-network-form" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="networkCode" label={t('networkCode')} help={t('networkCodeHelp')} error={form.error('networkCode')}>
          {(props) => <input {...props} name="networkCode" maxLength={33} defaultValue={form.value('networkCode')} className={inputClass} />}
        </Field>
        <Field id="networkName" label={t('networkName')} error={form.error('name')}>
          {(props) => <input {...props} name="name" maxLength={100} defaultValue={form.value('name')} className={inputClass} />}
        </Field>
        <Field id="pbbContractId" label={t('onPbb')} error={form.error('pbbContractId')}>
          {(props) => (
            <select {...props} name="pbbContractId" defaultValue={form.value('pbbContractId', pbbs[0]?.id)} className={inputClass}>
              {pbbs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.contractNumber}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending}>{t('addNetwork')}</SubmitButton>
    </form>
  );
}

export function InviteAdminForm({ customerId }: { customerId: string }) {
  const t = useTranslations('onboarding');
  const form = useCustomerForm(inviteAdminAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-3" data-testid="invite-admin-form" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="inviteName" label={t('inviteName')} error={form.error('name')}>
          {(props) => <input {...props} name="name" maxLength={100} autoComplete="off" defaultValue={form.value('name')} className={inputClass} />}
        </Field>
        <Field id="inviteEmail" label={t('inviteEmail')} error={form.error('email')}>
          {(props) => <input {...props} name="email" type="email" maxLength={254} autoComplete="off" defaultValue={form.value('email')} className={inputClass} />}
        </Field>
        <Field id="inviteLocale" label={t('inviteLocale')} error={form.error('locale')}>
          {(props) => (
            <select {...props} name="locale" defaultValue={form.value('locale', 'ja')} className={inputClass}>
              <option value="ja">{t('localeJa')}</option>
              <option value="en">{t('localeEn')}</option>
            </select>
          )}
        </Field>
      </div>
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending}>{t('invite')}</SubmitButton>
    </form>
  );
}

export function DeactivateCustomerForm({ customerId, name }: { customerId: string; name: string }) {
  const t = useTranslations('onboarding');
  const form = useCustomerForm(deactivateCustomerAction);
  const error = form.error('confirm');
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-3" data-testid="deactivate-form" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="confirm"
            defaultChecked={form.value('confirm') === 'on'}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'confirm-error' : undefined}
            className="mt-1"
          />
          <span>{t('confirmDeactivate', { name })}</span>
        </label>
        {error && (
          <p id="confirm-error" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending} variant="secondary">
        {t('deactivate')}
      </SubmitButton>
    </form>
  );
}

export function ReactivateCustomerForm({ customerId }: { customerId: string }) {
  const t = useTranslations('onboarding');
  const form = useCustomerForm(reactivateCustomerAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-3" data-testid="reactivate-form">
      <input type="hidden" name="customerId" value={customerId} />
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending} variant="secondary">
        {t('reactivate')}
      </SubmitButton>
    </form>
  );
}
