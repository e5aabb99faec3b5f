'use client';

import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { endPbbAction, recordPbbAction } from '@/lib/backoffice/actions';
import { FormFeedback, SubmitButton, useOpForm } from './op-form';

export function RecordPbbForm({ today }: { today: string }) {
  const t = useTranslations('backoffice.pbb');
  const form = useOpForm(recordPbbAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-4" data-testid="record-pbb-form">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="customerCode" label={t('customerCode')} error={form.error('customerCode')}>
          {(props) => <input {...props} name="customerCode" defaultValue={form.value('customerCode')} placeholder="C-000202" className={inputClass} />}
        </Field>
        <Field id="contractNumber" label={t('contractNumber')} error={form.error('contractNumber')}>
          {(props) => (
            <input {...props} name="contractNumber" defaultValue={form.value('contractNumber')} placeholder="PBB-0202-02" className={inputClass} />
          )}
        </Field>
        <Field id="startedOn" label={t('startedOn')} error={form.error('startedOn')}>
          {(props) => <input {...props} type="date" name="startedOn" defaultValue={form.value('startedOn', today)} className={inputClass} />}
        </Field>
      </div>
      <FormFeedback state={form.state} />
      <SubmitButton pending={form.pending}>{t('record')}</SubmitButton>
    </form>
  );
}

/** Records the end of one contract; ending a customer's last one asks for a confirmation (R-PBB-ENDS). */
export function EndPbbForm({ pbbContractId, isLast, today, describedBy }: { pbbContractId: string; isLast: boolean; today: string; describedBy: string }) {
  const t = useTranslations('backoffice.pbb');
  const form = useOpForm(endPbbAction);
  const failed = Boolean(form.state.refusal || form.state.fieldErrors);
  return (
    <details className="text-sm" open={failed || undefined}>
      <summary className="cursor-pointer text-brand-700 underline">{t('endSummary')}</summary>
      <form key={form.formKey} action={form.formAction} className="mt-2 space-y-2">
        <input type="hidden" name="pbbContractId" value={pbbContractId} />
        <Field id={`endedOn-${pbbContractId}`} label={t('endedOn')} error={form.error('endedOn')}>
          {(props) => (
            <input {...props} type="date" name="endedOn" defaultValue={form.value('endedOn', today)} className={`${inputClass} max-w-[12rem]`} />
          )}
        </Field>
        {isLast && (
          <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900" data-testid="last-pbb-warning">
            <p>{t('lastWarning')}</p>
            <label className="flex items-start gap-2">
              <input type="checkbox" name="confirmLast" defaultChecked={form.value('confirmLast') === 'on'} className="mt-1" />
              <span>{t('confirmLast')}</span>
            </label>
          </div>
        )}
        <SubmitButton pending={form.pending} variant="secondary" describedBy={describedBy}>
          {t('end')}
        </SubmitButton>
        <FormFeedback state={form.state} />
      </form>
    </details>
  );
}
