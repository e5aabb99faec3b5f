'use client';

import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { addPriceAction } from '@/lib/backoffice/actions';
import { FormFeedback, SubmitButton, useOpForm } from './op-form';

export interface PriceItemGroup {
  kind: string;
  label: string;
  items: { value: string; label: string }[];
}

/** A new price row: every (service, item) pair offered comes from the catalog; nothing is edited. */
export function AddPriceForm({ groups, today }: { groups: PriceItemGroup[]; today: string }) {
  const t = useTranslations('backoffice.prices');
  const form = useOpForm(addPriceAction);
  const yenField = (name: string, label: string, help?: string, fallback = '') => (
    <Field id={name} label={label} help={help} error={form.error(name)}>
      {(props) => <input {...props} name={name} inputMode="numeric" defaultValue={form.value(name, fallback)} className={inputClass} />}
    </Field>
  );
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-4" data-testid="add-price-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="priceItem" label={t('item')} error={form.error('priceItem')}>
          {(props) => (
            <select {...props} name="priceItem" defaultValue={form.value('priceItem')} className={inputClass}>
              <option value="">{t('choose')}</option>
              {groups.map((group) => (
                <optgroup key={group.kind} label={group.label}>
                  {group.items.map((item) => (
                    <option key={item.value} value={item.value}>
                      {item.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field id="customerCode" label={t('customerCode')} help={t('customerCodeHelp')} error={form.error('customerCode')}>
          {(props) => <input {...props} name="customerCode" defaultValue={form.value('customerCode')} placeholder="C-000202" className={inputClass} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        {yenField('initialYen', t('initial'))}
        {yenField('monthlyYen', t('monthly'))}
        {yenField('oneTimeYen', t('oneTime'), t('oneTimeHelp'), '0')}
        <Field id="appliesFrom" label={t('appliesFrom')} help={t('appliesFromHelp')} error={form.error('appliesFrom')}>
          {(props) => (
            <input {...props} type="date" name="appliesFrom" min={today} defaultValue={form.value('appliesFrom', today)} className={inputClass} />
          )}
        </Field>
      </div>
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending}>{t('add')}</SubmitButton>
    </form>
  );
}
