'use client';

import { useTranslations } from '@/components/layout/translations';
import { Field, inputClass } from '@/components/ui/field';
import { requestChangeAction } from '@/lib/contracts/actions';
import type { ChangePreview } from '@/lib/contracts/types';
import { FlowForm } from './flow-form';
import { LiveChangeSummary } from './live';

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
      renderPreview={(p) => <LiveChangeSummary preview={p} />}
      confirmLabel={t('confirm')}
    />
  );
}
