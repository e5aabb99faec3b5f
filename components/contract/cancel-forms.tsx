'use client';

import type { ReactNode } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { cancelContractAction, cancelOptionAction } from '@/lib/contracts/actions';
import type { FormState } from '@/lib/form-state';
import type { CancellationPreview } from '@/lib/contracts/types';
import { cancelOptionHelp, type CancelOptionAlternatives } from './cancel-help';
import { FlowForm } from './flow-form';
import { LiveCancellationSummary } from './live';
import type { PreviewResponse } from './preview-query';

function RequestedDate({ state }: { state: FormState }) {
  const t = useTranslations('form');
  const error = state.fieldErrors?.requestedDate;
  return (
    <Field id="requestedDate" label={t('requestedDate')} help={t('requestedDateHelp')} error={error ? t(`fieldErrors.${error}`) : undefined}>
      {(props) => (
        <input
          {...props}
          type="date"
          name="requestedDate"
          defaultValue={(state.fields.requestedDate as string) ?? ''}
          className={`${inputClass} max-w-xs`}
        />
      )}
    </Field>
  );
}

export function CancelOptionForm({
  optionId,
  alternatives,
  initialPreview,
  initialView,
}: {
  optionId: string;
  alternatives: CancelOptionAlternatives;
  /** The review of the form as it opens (no date given), from the page. */
  initialPreview?: PreviewResponse<CancellationPreview>;
  /** That review as the page rendered it (components/contract/initial-preview.tsx). */
  initialView?: ReactNode;
}) {
  const t = useTranslations();
  return (
    <FlowForm<CancellationPreview>
      flow="cancelOption"
      action={cancelOptionAction}
      hidden={{ optionId }}
      initialPreview={initialPreview}
      initialView={initialView}
      fields={(state) => <RequestedDate state={state as FormState} />}
      renderPreview={(p, step) => <LiveCancellationSummary preview={p} onForm={step === 'edit'} />}
      confirmLabel={t('form.confirmCancel')}
      violationHelp={cancelOptionHelp(alternatives, t)}
    />
  );
}

export function CancelContractForm({
  contractId,
  initialPreview,
  initialView,
}: {
  contractId: string;
  /** The review of the form as it opens (no date given), from the page. */
  initialPreview?: PreviewResponse<CancellationPreview>;
  /** That review as the page rendered it (components/contract/initial-preview.tsx). */
  initialView?: ReactNode;
}) {
  const t = useTranslations('form');
  return (
    <FlowForm<CancellationPreview>
      flow="cancelContract"
      action={cancelContractAction}
      hidden={{ contractId }}
      initialPreview={initialPreview}
      initialView={initialView}
      fields={(state) => <RequestedDate state={state as FormState} />}
      renderPreview={(p, step) => <LiveCancellationSummary preview={p} onForm={step === 'edit'} />}
      confirmLabel={t('confirmCancel')}
    />
  );
}
