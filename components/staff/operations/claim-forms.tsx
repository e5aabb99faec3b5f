'use client';

import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { approveClaimAction, rejectClaimAction } from '@/lib/backoffice/actions';
import { FormFeedback, SubmitButton, useOpForm } from './op-form';

/** Approve: the reduction goes to the statement of the month chosen (this month by default). */
export function ApproveClaimForm({ claimId, month, describedBy }: { claimId: string; month: string; describedBy: string }) {
  const t = useTranslations('backoffice.claims');
  const form = useOpForm(approveClaimAction);
  return (
    <form key={form.formKey} action={form.formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="claimId" value={claimId} />
      <Field id={`billingMonth-${claimId}`} label={t('billingMonth')} error={form.error('billingMonth')}>
        {(props) => (
          <input {...props} type="month" name="billingMonth" required defaultValue={form.value('billingMonth', month)} className={`${inputClass} max-w-[11rem]`} />
        )}
      </Field>
      <SubmitButton pending={form.pending} describedBy={describedBy}>
        {t('approve')}
      </SubmitButton>
      <div className="basis-full">
        <FormFeedback state={form.state} />
      </div>
    </form>
  );
}

/** Reject with a reason the customer sees (a disclosure: works without JavaScript). */
export function RejectClaimForm({ claimId, describedBy }: { claimId: string; describedBy: string }) {
  const t = useTranslations('backoffice.claims');
  const form = useOpForm(rejectClaimAction);
  const failed = Boolean(form.state.refusal || form.state.fieldErrors);
  return (
    <details className="text-sm" open={failed || undefined}>
      <summary className="cursor-pointer text-red-800 underline">{t('rejectSummary')}</summary>
      <form key={form.formKey} action={form.formAction} className="mt-2 space-y-2">
        <input type="hidden" name="claimId" value={claimId} />
        <Field id={`reason-${claimId}`} label={t('reason')} error={form.error('reason')}>
          {(props) => <textarea {...props} name="reason" rows={3} maxLength={500} defaultValue={form.value('reason')} className={inputClass} />}
        </Field>
        <SubmitButton pending={form.pending} variant="secondary" describedBy={describedBy}>
          {t('reject')}
        </SubmitButton>
        <FormFeedback state={form.state} />
      </form>
    </details>
  );
}
