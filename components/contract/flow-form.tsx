'use client';

import { useTranslations } from 'next-intl';
import { lazy, Suspense, useActionState, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { FlowName } from '@/lib/contracts/types';
import { emptyFormState, type FormState } from '@/lib/form-state';
import { Refusal } from '@/components/ui/refusal';
import type { PreviewQueryProps, PreviewResponse } from './preview-query';
import { Violations } from './violations';

// The live preview's query (and TanStack Query with it) loads once the form is on screen: it is
// rendered only in the browser, after hydration, so it is in no page's first load. React.lazy
// rather than next/dynamic, whose loader would itself be first-load code.
const PreviewQuery = lazy(() => import('./preview-query').then((m) => ({ default: m.PreviewQuery }))) as unknown as <P>(
  props: PreviewQueryProps<P>,
) => ReactNode;
const noSubscription = () => () => {};

type Action<P> = (state: FormState<P>, formData: FormData) => Promise<FormState<P>>;

export interface FlowFormProps<P> {
  flow: FlowName;
  action: Action<P>;
  /** Hidden identifiers (contract, option, network). */
  hidden: Record<string, string>;
  /** The editable fields, given what the customer sent last (nothing typed is lost). */
  fields: (state: FormState<P>) => ReactNode;
  /** The consequences: fees, dates, charges. */
  renderPreview: (preview: P) => ReactNode;
  confirmLabel: string;
  /** Help shown under a rule violation (e.g. "cancel the contract instead"). */
  violationHelp?: (rule: string) => ReactNode;
  /**
   * The preview of the untouched form, computed by the page through the same flow as the preview
   * route: the first paint (and a browser without JavaScript) already shows the consequences; the
   * browser asks again only once the customer changes something.
   */
  initialPreview?: PreviewResponse<P>;
}

function HiddenFields({ fields }: { fields: Record<string, string | string[]> }) {
  return Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={v} />),
  );
}

/**
 * One shape for every change: edit → review (the server shows every consequence; nothing is
 * written) → confirm (written once, whatever the number of clicks: the review issues an
 * idempotency key). Works without JavaScript; with it, the preview follows the typing.
 */
export function FlowForm<P>({ flow, action, hidden, fields, renderPreview, confirmLabel, violationHelp, initialPreview }: FlowFormProps<P>) {
  const t = useTranslations('form');
  const [typed, formAction, pending] = useActionState<FormState<P>, FormData>(action, emptyFormState<P>());
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [fetched, setLive] = useState<PreviewResponse<P> | undefined>(initialPreview);
  // The page's preview is of the empty form: once the form holds what the customer sent, it is not theirs.
  const untouched = !typed.nonce && Object.keys(typed.fields).length === 0;
  const live = fetched === initialPreview && !untouched ? undefined : fetched;
  // False in the server's HTML and during hydration, true once the browser runs this.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);

  const onChange = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const data = new FormData(formRef.current);
      data.delete('intent');
      setDraft(new URLSearchParams(data as unknown as Record<string, string>).toString());
    }, 250);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (typed.step === 'edit' && formRef.current && draft === null && !(initialPreview && untouched)) onChange();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed.step]);

  const previewQuery = scripted && (
    <Suspense fallback={null}>
      <PreviewQuery<P> flow={flow} body={typed.step === 'edit' ? draft : null} onResult={setLive} />
    </Suspense>
  );
  const refusal = typed.refusal && <Refusal message={t(`refusals.${typed.refusal}`)} errorRef={typed.errorRef} />;

  if (typed.step === 'review' && typed.preview) {
    return (
      <>
        {previewQuery}
        <form action={formAction} className="space-y-5" data-testid="review-step">
          <div className="rounded-lg border-2 border-brand-600 bg-white p-5">
            <h2 className="text-lg font-semibold">{t('reviewTitle')}</h2>
            <p className="mb-4 text-sm text-slate-600">{t('reviewIntro')}</p>
            {renderPreview(typed.preview)}
          </div>
          <HiddenFields fields={{ ...hidden, ...typed.fields }} />
          <input type="hidden" name="idempotencyKey" value={typed.idempotencyKey ?? ''} />
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
      </>
    );
  }

  const liveOutcome = live?.outcome;
  const livePreview = liveOutcome && (liveOutcome.ok ? liveOutcome.preview : 'preview' in liveOutcome ? liveOutcome.preview : undefined);
  const serverViolations = typed.violations?.length ? typed.violations : null;
  const liveViolations = !serverViolations && liveOutcome && !liveOutcome.ok && liveOutcome.kind === 'violations' ? liveOutcome.violations : null;

  return (
    <>
      {previewQuery}
      <form ref={formRef} action={formAction} onChange={onChange} className="space-y-5" noValidate>
        {refusal}
        {serverViolations && <Violations violations={serverViolations} extra={violationHelp} />}
        <HiddenFields fields={hidden} />
        <div key={typed.nonce ?? 'initial'}>{fields(typed)}</div>
        <button
          type="submit"
          name="intent"
          value="review"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:bg-slate-400"
        >
          {pending ? t('working') : t('review')}
        </button>
        {/* Below the button, so the preview appearing as the customer types never moves it. */}
        {(livePreview || typed.preview) && (
          <section aria-live="polite" aria-labelledby="live-preview-title" className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="live-preview">
            {/* The summaries' headings are h3: this h2 keeps the outline in order (as the review's title does). */}
            <h2 id="live-preview-title" className="sr-only">
              {t('livePreview')}
            </h2>
            {liveViolations && <Violations violations={liveViolations} extra={violationHelp} />}
            {renderPreview((livePreview ?? typed.preview) as P)}
          </section>
        )}
      </form>
    </>
  );
}
