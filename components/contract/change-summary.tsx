import type { ChangePreview } from '@/lib/contracts/types';
import { formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';

/** What a change request changes, and the monthly fee before and after, each with its tax (R-FEES). */
export function ChangeSummary({ preview, t, locale }: { preview: ChangePreview; t: Translate; locale: Locale }) {
  const yen = (n: number) => formatYen(locale, n);
  return (
    <dl data-testid="change-summary" className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-slate-600">{t('form.to')}</dt>
      <dd className="font-semibold">
        {preview.from} → {preview.to}
      </dd>
      <dt className="text-slate-600">{t('fees.monthlyBefore')}</dt>
      <dd className="tabular-nums">
        <span data-testid="monthly-before">{yen(preview.monthlyBeforeYen)}</span>{' '}
        <span className="text-xs text-slate-600" data-testid="monthly-before-tax">
          {t('fees.tax', { amount: yen(preview.taxOnMonthlyBeforeYen) })}
        </span>
      </dd>
      <dt className="text-slate-600">{t('fees.monthlyAfter')}</dt>
      <dd className="tabular-nums">
        <span data-testid="monthly-after">{yen(preview.monthlyAfterYen)}</span>{' '}
        <span className="text-xs text-slate-600" data-testid="monthly-after-tax">
          {t('fees.tax', { amount: yen(preview.taxOnMonthlyAfterYen) })}
        </span>
      </dd>
      {preview.type === 'change_item' && (
        <>
          <dt className="text-slate-600">{t('fees.itemChangeFee')}</dt>
          <dd className="tabular-nums" data-testid="item-change-fee">
            {yen(preview.oneTimeYen)}{' '}
            <span className="text-xs text-slate-600">{t('fees.tax', { amount: yen(preview.taxOnOneTimeYen) })}</span>
            <p className="text-xs text-slate-600">{t('fees.oneTimeWhen')}</p>
          </dd>
        </>
      )}
    </dl>
  );
}
