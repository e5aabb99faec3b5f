'use client';

import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { acceptAction, completeAction, rejectAction } from '@/lib/backoffice/actions';
import { FormFeedback, SubmitButton, useOpForm } from './op-form';

type Source = 'application' | 'change';

function Hidden({ source, id }: { source: Source; id: string }) {
  return (
    <>
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="id" value={id} />
    </>
  );
}

/** Accept: the initial fee (or the item change fee) becomes owed today. */
export function AcceptForm({ source, id, describedBy }: { source: Source; id: string; describedBy: string }) {
  const t = useTranslations('backoffice.applications');
  const form = useOpForm(acceptAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-2">
      <Hidden source={source} id={id} />
      <SubmitButton pending={form.pending} describedBy={describedBy}>
        {t('accept')}
      </SubmitButton>
      <FormFeedback state={form.state} />
    </form>
  );
}

/** Reject with a reason the customer sees (a disclosure: works without JavaScript). */
export function RejectForm({ source, id, describedBy }: { source: Source; id: string; describedBy: string }) {
  const t = useTranslations('backoffice.applications');
  const form = useOpForm(rejectAction);
  const failed = Boolean(form.state.refusal || form.state.fieldErrors || form.state.violations?.length);
  return (
    <details className="text-sm" open={failed || undefined}>
      <summary className="cursor-pointer text-red-800 underline">{t('rejectSummary')}</summary>
      <form key={form.formKey} action={form.formAction} className="mt-2 space-y-2">
        <Hidden source={source} id={id} />
        <Field id={`reason-${id}`} label={t('reason')} error={form.error('reason')}>
          {(props) => (
            <textarea {...props} name="reason" rows={3} maxLength={500} defaultValue={form.value('reason')} className={inputClass} />
          )}
        </Field>
        <SubmitButton pending={form.pending} variant="secondary" describedBy={describedBy}>
          {t('reject')}
        </SubmitButton>
        {form.state.violations?.length ? (
          <p className="text-sm text-red-900" data-testid="reject-blocked">
            {t('rejectBlocked')}
          </p>
        ) : null}
        <FormFeedback state={form.state} />
      </form>
    </details>
  );
}

/** Complete: an application with its billing start date; a change as it was accepted. */
export function CompleteForm({ source, id, today, describedBy }: { source: Source; id: string; today: string; describedBy: string }) {
  const t = useTranslations('backoffice.applications');
  const form = useOpForm(completeAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-2">
      <Hidden source={source} id={id} />
      {source === 'application' && (
        <Field id={`billingStartDate-${id}`} label={t('billingStartDate')} error={form.error('billingStartDate')}>
          {(props) => (
            <input
              {...props}
              type="date"
              name="billingStartDate"
              required
              defaultValue={form.value('billingStartDate', today)}
              className={`${inputClass} max-w-[12rem]`}
            />
          )}
        </Field>
      )}
      <SubmitButton pending={form.pending} describedBy={describedBy}>
        {source === 'application' ? t('complete') : t('completeChange')}
      </SubmitButton>
      <FormFeedback state={form.state} />
    </form>
  );
}
