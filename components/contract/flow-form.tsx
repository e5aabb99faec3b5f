'use client';

import { lazy, Suspense, useActionState, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslations } from '@/components/layout/translations';
import type { FlowName } from '@/lib/contracts/types';
import { emptyFormState, type FormState } from '@/lib/form-state';
import { HiddenFields } from './hidden-fields';
import { LiveRefusal, LiveReview, LiveViolations, loadLivePreview } from './live';
import { previewOf, violationsOf } from './outcome';
import type { PreviewQueryProps, PreviewResponse } from './preview-query';

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
  /** The consequences: fees, dates, charges (a component of ./live, loaded after hydration). */
  /** `step`: 'edit' beside the form's fields (a summary may offer to fill one in), 'review' on the review step. */
  renderPreview: (preview: P, step: 'edit' | 'review') => ReactNode;
  confirmLabel: string;
  /** Help shown under a rule violation (e.g. "cancel the contract instead"). */
  violationHelp?: (rule: string) => ReactNode;
  /**
   * The preview of the untouched form, computed by the page through the same flow as the preview
   * route: the first paint (and a browser without JavaScript) already shows the consequences; the
   * browser asks again only once the customer changes something.
   */
  initialPreview?: PreviewResponse<P>;
  /**
   * `initialPreview` as the server rendered it (its violations and consequences), shown until the
   * customer changes something: the page's first load needs no code to show a preview.
   */
  initialView?: ReactNode;
}

/**
 * One shape for every change: edit → review (the server shows every consequence; nothing is
 * written) → confirm (written once, whatever the number of clicks: the review issues an
 * idempotency key). Works without JavaScript; with it, the preview follows the typing.
 */
export function FlowForm<P>({
  flow,
  action,
  hidden,
  fields,
  renderPreview,
  confirmLabel,
  violationHelp,
  initialPreview,
  initialView,
}: FlowFormProps<P>) {
  const t = useTranslations();
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
  // Once the page is interactive: the preview's components, before the first live preview needs them.
  useEffect(() => void loadLivePreview(), []);
  useEffect(() => {
    if (typed.step === 'edit' && formRef.current && draft === null && !(initialPreview && untouched)) onChange();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed.step]);

  const previewQuery = scripted && (
    <Suspense fallback={null}>
      <PreviewQuery<P> flow={flow} body={typed.step === 'edit' ? draft : null} onResult={setLive} />
    </Suspense>
  );
  const refusal = typed.refusal && (
    <Suspense fallback={null}>
      <LiveRefusal code={typed.refusal} errorRef={typed.errorRef} />
    </Suspense>
  );

  if (typed.step === 'review' && typed.preview) {
    return (
      <>
        {previewQuery}
        <Suspense fallback={null}>
          <LiveReview
            formAction={formAction}
            pending={pending}
            fields={{ ...hidden, ...typed.fields }}
            idempotencyKey={typed.idempotencyKey}
            amountsShown={typed.amountsShown}
            confirmLabel={confirmLabel}
          >
            {renderPreview(typed.preview, 'review')}
          </LiveReview>
        </Suspense>
      </>
    );
  }

  const livePreview = previewOf(live?.outcome);
  const serverViolations = typed.violations?.length ? typed.violations : null;
  const liveViolations = serverViolations ? null : violationsOf(live?.outcome);
  // The server's rendering of the page's preview, while that is what the form shows.
  const showInitialView = initialView !== undefined && initialPreview !== undefined && live === initialPreview;

  return (
    <>
      {previewQuery}
      <form ref={formRef} action={formAction} onChange={onChange} className="space-y-5" noValidate>
        {refusal}
        {serverViolations && (
          <Suspense fallback={null}>
            <LiveViolations violations={serverViolations} extra={violationHelp} />
          </Suspense>
        )}
        <HiddenFields fields={hidden} />
        <div key={typed.nonce ?? 'initial'}>{fields(typed)}</div>
        <button
          type="submit"
          name="intent"
          value="review"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:bg-slate-400"
        >
          {pending ? t('form.working') : t('form.review')}
        </button>
        {/* Below the button, so the preview appearing as the customer types never moves it. */}
        {(livePreview || typed.preview) && (
          <section aria-live="polite" aria-labelledby="live-preview-title" className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="live-preview">
            {/* The summaries' headings are h3: this h2 keeps the outline in order (as the review's title does). */}
            <h2 id="live-preview-title" className="sr-only">
              {t('form.livePreview')}
            </h2>
            {showInitialView ? (
              initialView
            ) : (
              // Until the preview's components have loaded (rarely: they load as the page becomes
              // interactive), the page's preview stays on screen.
              <Suspense fallback={initialView ?? null}>
                {liveViolations && <LiveViolations violations={liveViolations} extra={violationHelp} />}
                {renderPreview((livePreview ?? typed.preview) as P, 'edit')}
              </Suspense>
            )}
          </section>
        )}
      </form>
    </>
  );
}
