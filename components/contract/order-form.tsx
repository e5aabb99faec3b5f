import type { ReactNode } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { addOptionAction, applyForContractAction } from '@/lib/contracts/actions';
import type { OrderPreview } from '@/lib/contracts/types';
import type { FormState } from '@/lib/form-state';
import { FlowForm } from './flow-form';
import { LiveFeeSummary } from './live';

/**
 * An order (a new contract's first port, or an option added to a contract) with the fields of
 * one kind: the forms of order-forms.tsx, cloud-port-forms.tsx and napt-forms.tsx.
 */
export function OrderForm({ flow, hidden, fields }: { flow: 'apply' | 'add'; hidden: Record<string, string>; fields: (state: FormState) => ReactNode }) {
  const t = useTranslations('form');
  return (
    <FlowForm<OrderPreview>
      flow={flow}
      action={flow === 'apply' ? applyForContractAction : addOptionAction}
      hidden={hidden}
      fields={(state) => fields(state as FormState)}
      renderPreview={(p) => <LiveFeeSummary preview={p} />}
      confirmLabel={t('confirm')}
    />
  );
}
