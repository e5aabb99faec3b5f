import { errorRefFrom } from '@/lib/form-state';
import { getTranslations } from 'next-intl/server';

const DONE = ['applied', 'change', 'withdrawn', 'cloud_info'] as const;
const ERRORS = ['read_only', 'support_view_only', 'not_withdrawable', 'not_found', 'failed', 'violations'] as const;

/** The answer after a redirect: "received", "withdrawn", or why nothing changed. */
export async function NoticeBanner({ done, error, errorRef }: { done?: string; error?: string; errorRef?: string }) {
  const t = await getTranslations();
  if (done && (DONE as readonly string[]).includes(done)) {
    return (
      <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
        {t(`contract.done.${done}`)}
      </p>
    );
  }
  if (error && (ERRORS as readonly string[]).includes(error)) {
    const ref = errorRefFrom(errorRef);
    return (
      <p data-testid="refusal" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {t(`form.refusals.${error}`)}
        {/* Only the reference format the logger issues is shown back (it comes from the URL). */}
        {ref && <span className="mt-1 block text-xs">{t('errors.reference', { ref })}</span>}
      </p>
    );
  }
  return null;
}
