'use client';

import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { recordOutageAction } from '@/lib/backoffice/actions';
import { SLA_EXCLUSION_REASONS } from '@/lib/rules';
import { FormFeedback, SubmitButton, useOpForm } from './op-form';

/** One outage of one contract; the datetime-local inputs are read as Japan time. */
export function RecordOutageForm({ contractNumbers }: { contractNumbers: string[] }) {
  const t = useTranslations('backoffice.outages');
  const form = useOpForm(recordOutageAction);
  const instant = (name: string, label: string, help?: string) => (
    <Field id={name} label={label} help={help} error={form.error(name)}>
      {(props) => <input {...props} type="datetime-local" name={name} defaultValue={form.value(name)} className={inputClass} />}
    </Field>
  );
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-4" data-testid="record-outage-form">
      <Field id="contractNumber" label={t('contractNumber')} error={form.error('contractNumber')}>
        {(props) => (
          <>
            <input
              {...props}
              name="contractNumber"
              list="contract-numbers"
              autoComplete="off"
              defaultValue={form.value('contractNumber')}
              placeholder="SH-000202"
              className={`${inputClass} max-w-xs`}
            />
            <datalist id="contract-numbers">
              {contractNumbers.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {instant('startedAt', t('startedAt'))}
        {instant('endedAt', t('endedAt'), t('endedAtHelp'))}
        {instant('detectedAt', t('detectedAt'))}
        {instant('notifiedAt', t('notifiedAt'), t('notifiedAtHelp'))}
      </div>
      <Field id="exclusionReason" label={t('exclusionReason')} error={form.error('exclusionReason')}>
        {(props) => (
          <select {...props} name="exclusionReason" defaultValue={form.value('exclusionReason')} className={`${inputClass} max-w-lg`}>
            <option value="">{t('noExclusion')}</option>
            {SLA_EXCLUSION_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`reasons.${reason}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending}>{t('record')}</SubmitButton>
    </form>
  );
}
