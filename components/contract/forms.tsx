'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Field, inputClass } from '@/components/ui/field';
import {
  addOptionAction,
  applyForContractAction,
  cancelContractAction,
  cancelOptionAction,
  requestChangeAction,
  updateCloudInfoAction,
} from '@/lib/contracts/actions';
import { initialFormState, type FormState } from '@/lib/form-state';
import { Refusal } from '@/components/ui/refusal';
import type { CancellationPreview, ChangePreview, OrderPreview } from '@/lib/contracts/types';
import type { OptionKind } from '@/lib/rules';
import { useActionState } from 'react';
import { CancellationSummary } from './cancellation-summary';
import { ChangeSummary } from './change-summary';
import { FeeSummary } from './fee-summary';
import { FlowForm } from './flow-form';
import { OrderFields, type NaptPortChoice } from './order-fields';

export function ApplyForm({ closedNetworkId, kind }: { closedNetworkId: string; kind: OptionKind }) {
  const t = useTranslations('form');
  return (
    <FlowForm<OrderPreview>
      flow="apply"
      action={applyForContractAction}
      hidden={{ closedNetworkId }}
      fields={(state) => <OrderFields kind={kind} state={state as FormState} />}
      renderPreview={(p) => <FeeSummary preview={p} />}
      confirmLabel={t('confirm')}
    />
  );
}

export function AddOptionForm({
  contractId,
  kind,
  portChoices,
}: {
  contractId: string;
  kind: OptionKind;
  /** For a NAPT add-on: the public cloud ports it may be assigned to. */
  portChoices?: NaptPortChoice[];
}) {
  const t = useTranslations('form');
  return (
    <FlowForm<OrderPreview>
      flow="add"
      action={addOptionAction}
      hidden={{ contractId }}
      fields={(state) => (
        <OrderFields
          kind={kind}
          state={state as FormState}
          portChoices={portChoices}
          orderPortHref={`/contracts/${contractId}/options/new?kind=cloud_port`}
        />
      )}
      renderPreview={(p) => <FeeSummary preview={p} />}
      confirmLabel={t('confirm')}
    />
  );
}

export function ChangeForm({ optionId, targets }: { optionId: string; targets: string[] }) {
  const t = useTranslations('form');
  return (
    <FlowForm<ChangePreview>
      flow="change"
      action={requestChangeAction}
      hidden={{ optionId }}
      fields={(state) => (
        <Field id="to" label={t('to')} error={state.fieldErrors?.to ? t(`fieldErrors.${state.fieldErrors.to}`) : undefined}>
          {(props) => (
            <select {...props} name="to" defaultValue={(state.fields.to as string) ?? ''} className={`${inputClass} max-w-xs`}>
              <option value="">{t('choose')}</option>
              {targets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      renderPreview={(p) => <ChangeSummary preview={p} />}
      confirmLabel={t('confirm')}
    />
  );
}

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
}: {
  optionId: string;
  contractId: string;
  /** Add-ons that would outlive this port, by the rule they rely on. */
  blockers: Record<string, string[]>;
  /** For a NAPT add-on: its port, offered instead when this is the port's last NAPT (R-NAPT-PER-PORT). */
  port?: { id: string; code: string };
}) {
  const t = useTranslations('form');
  return (
    <FlowForm<CancellationPreview>
      flow="cancelOption"
      action={cancelOptionAction}
      hidden={{ optionId }}
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

export function CancelContractForm({ contractId }: { contractId: string }) {
  const t = useTranslations('form');
  return (
    <FlowForm<CancellationPreview>
      flow="cancelContract"
      action={cancelContractAction}
      hidden={{ contractId }}
      fields={(state) => <RequestedDate state={state as FormState} />}
      renderPreview={(p) => <CancellationSummary preview={p} />}
      confirmLabel={t('confirmCancel')}
    />
  );
}

export function CloudInfoForm({
  optionId,
  cloudAccountId,
  cloudConnectionKey,
}: {
  optionId: string;
  cloudAccountId: string;
  cloudConnectionKey: string;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(updateCloudInfoAction, initialFormState);
  const value = (name: string, fallback: string) => (state.fields[name] as string | undefined) ?? fallback;
  const error = (name: string) => (state.fieldErrors?.[name] ? t(`form.fieldErrors.${state.fieldErrors[name]}`) : undefined);
  return (
    <form key={state.nonce ?? 'initial'} action={action} className="max-w-xl space-y-4" noValidate>
      {state.refusal && <Refusal message={t(`form.refusals.${state.refusal}`)} errorRef={state.errorRef} />}
      <input type="hidden" name="optionId" value={optionId} />
      <Field id="cloudAccountId" label={t('form.cloudAccountId')} error={error('cloudAccountId')}>
        {(props) => (
          <input {...props} name="cloudAccountId" maxLength={100} defaultValue={value('cloudAccountId', cloudAccountId)} className={inputClass} />
        )}
      </Field>
      <Field id="cloudConnectionKey" label={t('form.cloudConnectionKey')} error={error('cloudConnectionKey')}>
        {(props) => (
          <input
            {...props}
            name="cloudConnectionKey"
            maxLength={200}
            defaultValue={value('cloudConnectionKey', cloudConnectionKey)}
            className={inputClass}
          />
        )}
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:bg-slate-400"
      >
        {pending ? t('form.working') : t('cloudInfo.save')}
      </button>
    </form>
  );
}
