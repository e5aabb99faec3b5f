'use client';

import { useTranslations } from '@/components/layout/translations';
import { issueStatementsAction } from '@/lib/backoffice/actions';
import { FormFeedback, SubmitButton, useOpForm } from './op-form';

/** Issue (freeze) the statements of one month: the month shown above, sent as a hidden field. */
export function IssueStatementsForm({ month, label, describedBy }: { month: string; label: string; describedBy: string }) {
  const t = useTranslations('backoffice.statements');
  const form = useOpForm(issueStatementsAction);
  return (
    <form key={form.formKey} action={form.formAction} className="space-y-2" aria-label={t('issueFormLabel')}>
      <input type="hidden" name="month" value={month} />
      <SubmitButton pending={form.pending} describedBy={describedBy}>
        {label}
      </SubmitButton>
      <FormFeedback state={form.state} />
    </form>
  );
}
