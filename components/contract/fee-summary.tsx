import type { OrderPreview } from '@/lib/contracts/types';
import { formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { InterruptionNotice } from './interruption-notice';
import { priceItemLabel } from './price-labels';

/** The fees of an application, before the customer submits (R-FEES). */
export function FeeSummary({ preview, t, locale }: { preview: OrderPreview; t: Translate; locale: Locale }) {
  const yen = (n: number) => formatYen(locale, n);
  // The lines come in the application's order: a cloud port is followed by the NAPT add-ons assigned to it.
  const onPortAbove = preview.fees.map((fee, i) => {
    if (fee.kind !== 'napt') return false;
    let j = i - 1;
    while (j >= 0 && preview.fees[j]!.kind === 'napt') j--;
    return j >= 0 && preview.fees[j]!.kind === 'cloud_port';
  });
  const portWithNapt = onPortAbove.some(Boolean);
  return (
    <div data-testid="fee-summary" className="space-y-2">
      <InterruptionNotice interruptions={preview.interruptions} t={t} />
      <h3 className="font-medium">{t('fees.title')}</h3>
      {portWithNapt && (
        <p className="text-sm text-slate-700" data-testid="one-application">
          {t('fees.oneApplication')}
        </p>
      )}
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">{t('form.kind')}</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">{t('fees.initial')}</th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">{t('fees.monthly')}</th>
              <th scope="col" className="py-1 font-medium">{t('fees.minimumTerm')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.fees.map((fee, i) => (
              <tr key={`${fee.kind}-${i}`} data-testid="fee-line" data-kind={fee.kind}>
                <th scope="row" className={`py-2 pr-4 font-normal ${onPortAbove[i] ? 'pl-4' : ''}`}>
                  {onPortAbove[i] && <span aria-hidden="true" className="mr-1 text-slate-500">↳</span>}
                  {fee.kind === 'basic' ? t('fees.basic') : t(`kinds.${fee.kind}`)}
                  {fee.item && <span className="block text-xs text-slate-600">{priceItemLabel(t, fee.kind, fee.item)}</span>}
                  {onPortAbove[i] && <span className="block text-xs text-slate-600">{t('fees.onPortAbove')}</span>}
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {yen(fee.initialYen)}
                  <div className="text-xs text-slate-600">{t('fees.tax', { amount: yen(fee.taxOnInitialYen) })}</div>
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {yen(fee.monthlyYen)}
                  <div className="text-xs text-slate-600">{t('fees.tax', { amount: yen(fee.taxOnMonthlyYen) })}</div>
                </td>
                <td className="py-2">{fee.minimumTermMonths ? t('fees.minimumTermPort') : t('fees.none')}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-300 font-medium">
            <tr>
              <th scope="row" className="py-2 pr-4 text-left">{t('fees.total')}</th>
              <td className="py-2 pr-4 text-right tabular-nums" data-testid="total-initial">{yen(preview.totalInitialYen)}</td>
              <td className="py-2 pr-4 text-right tabular-nums" data-testid="total-monthly">{yen(preview.totalMonthlyYen)}</td>
              <td />
            </tr>
            <tr className="text-xs font-normal text-slate-600">
              <td />
              <td className="pb-2 pr-4 text-right tabular-nums" data-testid="total-initial-tax">
                {t('fees.tax', { amount: yen(preview.taxOnTotalInitialYen) })}
              </td>
              <td className="pb-2 pr-4 text-right tabular-nums" data-testid="total-monthly-tax">
                {t('fees.tax', { amount: yen(preview.taxOnTotalMonthlyYen) })}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="text-xs text-slate-600">
        {t('fees.initialWhen')} {t('fees.fictitious')}
      </p>
    </div>
  );
}
