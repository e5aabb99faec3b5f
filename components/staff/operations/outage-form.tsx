'use client';

import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { correctOutageAction, endOutageAction, recordOutageAction } from '@/lib/backoffice/actions';
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

/** What is recorded of one outage, as `datetime-local` values in Japan time (empty when absent). */
export interface OutageFormValues {
  startedAt: string;
  endedAt: string;
  detectedAt: string;
  notifiedAt: string;
  exclusionReason: string;
}

/** Records the end of one outage still in progress. */
export function EndOutageForm({ outageId, now, describedBy }: { outageId: string; now: string; describedBy: string }) {
  const t = useTranslations('backoffice.outages');
  const form = useOpForm(endOutageAction);
  const failed = Boolean(form.state.refusal || form.state.fieldErrors);
  return (
    <details className="text-sm" open={failed || undefined} data-testid="end-outage">
      <summary className="cursor-pointer text-brand-700 underline">{t('endSummary')}</summary>
      <form key={form.formKey} action={form.formAction} className="mt-2 space-y-2">
        <input type="hidden" name="outageId" value={outageId} />
        <Field id={`endedAt-${outageId}`} label={t('endedAt')} error={form.error('endedAt')}>
          {(props) => (
            <input {...props} type="datetime-local" name="endedAt" defaultValue={form.value('endedAt', now)} className={`${inputClass} max-w-[16rem]`} />
          )}
        </Field>
        <FormFeedback state={form.state} />
        <SubmitButton pending={form.pending} describedBy={describedBy}>
          {t('end')}
        </SubmitButton>
      </form>
    </details>
  );
}

/** Corrects what is recorded of one outage; prefilled, every field sent again. */
export function CorrectOutageForm({ outageId, values, describedBy }: { outageId: string; values: OutageFormValues; describedBy: string }) {
  const t = useTranslations('backoffice.outages');
  const form = useOpForm(correctOutageAction);
  const failed = Boolean(form.state.refusal || form.state.fieldErrors);
  const instant = (name: keyof OutageFormValues, label: string, help?: string) => (
    <Field id={`${name}-${outageId}`} label={label} help={help} error={form.error(name)}>
      {(props) => <input {...props} type="datetime-local" name={name} defaultValue={form.value(name, values[name])} className={inputClass} />}
    </Field>
  );
  return (
    <details className="text-sm" open={failed || undefined} data-testid="correct-outage">
      <summary className="cursor-pointer text-brand-700 underline">{t('correctSummary')}</summary>
      <form key={form.formKey} action={form.formAction} className="mt-2 space-y-3">
        <p className="text-xs text-slate-600">{t('correctHelp')}</p>
        <input type="hidden" name="outageId" value={outageId} />
        <div className="grid gap-3 sm:grid-cols-2">
          {instant('startedAt', t('startedAt'))}
          {instant('endedAt', t('endedAt'), t('endedAtHelp'))}
          {instant('detectedAt', t('detectedAt'))}
          {instant('notifiedAt', t('notifiedAt'), t('notifiedAtHelp'))}
        </div>
        <Field id={`exclusionReason-${outageId}`} label={t('exclusionReason')} error={form.error('exclusionReason')}>
          {(props) => (
            <select
              {...props}
              name="exclusionReason"
              defaultValue={form.value('exclusionReason', values.exclusionReason)}
              className={`${inputClass} max-w-lg`}
            >
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
        <SubmitButton pending={form.pending} variant="secondary" describedBy={describedBy}>
          {t('correct')}
        </SubmitButton>
      </form>
    </details>
  );
}
