import { getLocale, getTranslations } from 'next-intl/server';
import { errorRefFrom, rulesFrom } from '@/lib/form-state';
import { formatArticle } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { PORT_NEED_RULES, ruleArticle } from '@/lib/rules';

const DONE = ['applied', 'change', 'withdrawn', 'cloud_info', 'claimed'] as const;
const ERRORS = [
  'read_only',
  'support_view_only',
  'not_withdrawable',
  'not_found',
  'failed',
  'violations',
  'already_claimed',
  'nothing_to_claim',
  'outage_ongoing',
] as const;

/** The answer after a redirect: "received", "withdrawn", or why nothing changed (with the rules of the terms it would break). */
export async function NoticeBanner({
  done,
  error,
  errorRef,
  rules,
}: {
  done?: string;
  error?: string;
  errorRef?: string;
  rules?: string | string[];
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (done && (DONE as readonly string[]).includes(done)) {
    return (
      <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
        {t(`contract.done.${done}`)}
      </p>
    );
  }
  if (error && (ERRORS as readonly string[]).includes(error)) {
    const ref = errorRefFrom(errorRef);
    // Only rule IDs of the terms and the reference format the logger issues are shown back (they come from the URL).
    const broken = error === 'violations' ? rulesFrom(rules).filter((rule) => t.has(`rules.${rule}`)) : [];
    // A withdrawal refused because another application needs what it would take away.
    const dependent = broken.some((rule) => PORT_NEED_RULES.includes(rule));
    return (
      <div data-testid="refusal" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        <p>{t(`form.refusals.${error}`)}</p>
        {broken.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {broken.map((rule) => (
              <li key={rule} data-rule={rule}>
                {t(`rules.${rule}`)}{' '}
                <span className="text-xs text-red-800">({t('form.ruleRef', { rule, article: formatArticle(locale, ruleArticle(rule)) })})</span>
              </li>
            ))}
          </ul>
        )}
        {dependent && <p className="mt-2" data-testid="withdraw-dependent-first">{t('form.withdrawDependentFirst')}</p>}
        {ref && <span className="mt-1 block text-xs">{t('errors.reference', { ref })}</span>}
      </div>
    );
  }
  return null;
}
