'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Field, inputClass } from '@/components/ui/field';
import { cancelContractAction, cancelOptionAction } from '@/lib/contracts/actions';
import type { FormState } from '@/lib/form-state';
import type { CancellationPreview } from '@/lib/contracts/types';
import { CancellationSummary } from './cancellation-summary';
import { FlowForm } from './flow-form';
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
  contractId,
  blockers,
  port,
  initialPreview,
}: {
  optionId: string;
  contractId: string;
  /** Add-ons that would outlive this port, by the rule they rely on. */
  blockers: Record<string, string[]>;
  /** For a NAPT add-on: its port, offered instead when this is the port's last NAPT (R-NAPT-PER-PORT). */
  port?: { id: string; code: string };
  /** The review of the form as it opens (no date given), from the page. */
  initialPreview?: PreviewResponse<CancellationPreview>;
}) {
  const t = useTranslations('form');
  return (
    <FlowForm<CancellationPreview>
      flow="cancelOption"
      action={cancelOptionAction}
      hidden={{ optionId }}
      initialPreview={initialPreview}
      fields={(state) => <RequestedDate state={state as FormState} />}
      renderPreview={(p) => <CancellationSummary preview={p} />}
      confirmLabel={t('confirmCancel')}
      violationHelp={(rule) =>
        rule === 'R-PORT-REQUIRED' ? (
          <p className="mt-1">
            <Link href={`/contracts/${contractId}/cancel`} className="font-medium underline">
              {t('cancelContractInstead')}
            </Link>
          </p>
        ) : rule === 'R-NAPT-PER-PORT' && port ? (
          <p className="mt-1">
            <Link href={`/options/${port.id}/cancel`} className="font-medium underline" data-testid="cancel-port-instead">
              {t('cancelPortInstead', { code: port.code })}
            </Link>
          </p>
        ) : blockers[rule]?.length ? (
          <p className="mt-1" data-testid="blocking-addons">
            {t('blockingAddons', { list: blockers[rule]!.join(', ') })}
          </p>
        ) : null
      }
    />
  );
}

export function CancelContractForm({
  contractId,
  initialPreview,
}: {
  contractId: string;
  /** The review of the form as it opens (no date given), from the page. */
  initialPreview?: PreviewResponse<CancellationPreview>;
}) {
  const t = useTranslations('form');
  return (
    <FlowForm<CancellationPreview>
      flow="cancelContract"
      action={cancelContractAction}
      hidden={{ contractId }}
      initialPreview={initialPreview}
      fields={(state) => <RequestedDate state={state as FormState} />}
      renderPreview={(p) => <CancellationSummary preview={p} />}
      confirmLabel={t('confirmCancel')}
    />
  );
}
