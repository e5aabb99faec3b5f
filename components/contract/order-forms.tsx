'use client';

import { useTranslations } from '@/components/layout/translations';
import { addOptionAction, applyForContractAction } from '@/lib/contracts/actions';
import type { FormState } from '@/lib/form-state';
import type { OrderPreview } from '@/lib/contracts/types';
import type { OptionKind } from '@/lib/rules/types';
import { FlowForm } from './flow-form';
import { LiveFeeSummary } from './live';
import { OrderFields, type NaptPortChoice } from './order-fields';

// One module per flow, so that a page loads the code of its own form only.

export function ApplyForm({ closedNetworkId, kind }: { closedNetworkId: string; kind: OptionKind }) {
  const t = useTranslations('form');
  return (
    <FlowForm<OrderPreview>
      flow="apply"
      action={applyForContractAction}
      hidden={{ closedNetworkId }}
      fields={(state) => <OrderFields kind={kind} state={state as FormState} />}
      renderPreview={(p) => <LiveFeeSummary preview={p} />}
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
      renderPreview={(p) => <LiveFeeSummary preview={p} />}
      confirmLabel={t('confirm')}
    />
  );
}
