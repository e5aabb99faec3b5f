import type { Translate } from '@/lib/i18n/translate';
import { Refusal } from '@/components/ui/refusal';
import { errorRefFrom } from '@/lib/form-state';

/** The answer of a one-button form after its redirect: a done notice, or why nothing changed. */
export function ButtonNotice({
  done,
  error,
  errorRef,
  doneKeys,
  errorKeys,
  t,
  tAll,
}: {
  done?: string;
  error?: string;
  errorRef?: string;
  doneKeys: readonly string[];
  errorKeys: readonly string[];
  /** The page's namespace: `done.<key>`, `refusals.<code>`. */
  t: Translate;
  tAll: Translate;
}) {
  if (done && doneKeys.includes(done)) {
    return (
      <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
        {t(`done.${done}`)}
      </p>
    );
  }
  if (error) {
    return <Refusal message={t(`refusals.${errorKeys.includes(error) ? error : 'failed'}`)} errorRef={errorRefFrom(errorRef)} t={tAll} />;
  }
  return null;
}
