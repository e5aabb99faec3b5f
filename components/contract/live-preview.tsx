'use client';

import type { ReactNode } from 'react';
import { useLocale, useTranslations } from '@/components/layout/translations';
import { Refusal } from '@/components/ui/refusal';
import type { CancellationPreview, ChangePreview, OrderPreview } from '@/lib/contracts/types';
import type { RuleViolation } from '@/lib/result';
import { CancellationSummary } from './cancellation-summary';
import { ChangeSummary } from './change-summary';
import { FeeSummary } from './fee-summary';
import { HiddenFields } from './hidden-fields';
import { Violations } from './violations';

// What the flow forms show once the customer has typed or sent something: the live preview, the
// review step, violations and refusals. Loaded by live.ts after hydration, not in any page's first
// load: the preview a page opens with is rendered by the server (FlowForm's `initialView`), and
// without JavaScript the server renders these too.

/** The review step: every consequence (`children`), then confirm (written once) or edit. */
export function LiveReview({
  formAction,
  pending,
  fields,
  idempotencyKey,
  amountsShown,
  confirmLabel,
  children,
}: {
  formAction: (formData: FormData) => void;
  pending: boolean;
  /** The hidden identifiers and what the customer sent. */
  fields: Record<string, string | string[]>;
  idempotencyKey?: string;
  /** The digest of the amounts shown (the confirm is refused if they changed since). */
  amountsShown?: string;
  confirmLabel: string;
  children: ReactNode;
}) {
  const t = useTranslations('form');
  return (
    <form action={formAction} className="space-y-5" data-testid="review-step">
      <div className="rounded-lg border-2 border-brand-600 bg-white p-5">
        <h2 className="text-lg font-semibold">{t('reviewTitle')}</h2>
        <p className="mb-4 text-sm text-slate-600">{t('reviewIntro')}</p>
        {children}
      </div>
      <HiddenFields fields={fields} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey ?? ''} />
      <input type="hidden" name="amountsShown" value={amountsShown ?? ''} />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="confirm"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:bg-slate-400"
        >
          {pending ? t('working') : confirmLabel}
        </button>
        <button
          type="submit"
          name="intent"
          value="edit"
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100"
        >
          {t('edit')}
        </button>
      </div>
    </form>
  );
}

/** Why nothing changed: a refusal code of the flow (form.refusals), with the error reference if any. */
export function LiveRefusal({ code, errorRef }: { code: string; errorRef?: string }) {
  const t = useTranslations();
  return <Refusal message={t(`form.refusals.${code}`)} errorRef={errorRef} t={t} />;
}

export function LiveViolations(props: { violations: RuleViolation[]; extra?: (rule: string) => ReactNode }) {
  return <Violations {...props} t={useTranslations()} locale={useLocale()} />;
}

export function LiveCancellationSummary({ preview, onForm }: { preview: CancellationPreview; onForm?: boolean }) {
  return <CancellationSummary preview={preview} t={useTranslations()} locale={useLocale()} onForm={onForm} />;
}

export function LiveFeeSummary({ preview }: { preview: OrderPreview }) {
  return <FeeSummary preview={preview} t={useTranslations()} locale={useLocale()} />;
}

export function LiveChangeSummary({ preview }: { preview: ChangePreview }) {
  return <ChangeSummary preview={preview} t={useTranslations()} locale={useLocale()} />;
}
