import type { ReactNode } from 'react';
import type { RuleViolation } from '@/lib/result';
import { formatArticle } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
// From the module itself: the lib/rules index would bring the option catalog into the browser.
import { ruleArticle, TERMS_RULE_IDS, type TermsRuleId } from '@/lib/rules/articles';

/** Rule violations, translated by rule ID, each with its article; `extra` adds help per rule. */
export function Violations({
  violations,
  extra,
  t,
  locale,
}: {
  violations: RuleViolation[];
  extra?: (rule: string) => ReactNode;
  t: Translate;
  locale: Locale;
}) {
  const rules = [...new Set(violations.map((v) => v.rule))];
  return (
    <div data-testid="violations" role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{t('form.violationsTitle')}</p>
      <ul className="mt-2 space-y-2">
        {rules.map((rule) => (
          <li key={rule} data-rule={rule}>
            <span>{t.has(`rules.${rule}`) ? t(`rules.${rule}`) : rule}</span>{' '}
            <span className="text-xs text-red-800">
              ({(TERMS_RULE_IDS as readonly string[]).includes(rule)
                ? t('form.ruleRef', { rule, article: formatArticle(locale, ruleArticle(rule as TermsRuleId)) })
                : rule})
            </span>
            {extra?.(rule)}
          </li>
        ))}
      </ul>
    </div>
  );
}
