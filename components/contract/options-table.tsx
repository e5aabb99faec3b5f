import { getLocale, getTranslations } from 'next-intl/server';
import { priceFor, priceItemKey, type PriceRow } from '@/lib/billing/prices';
import type { OptionRow } from '@/lib/contracts/queries';
import { formatDate, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { describeOption } from './option-details';
import { StatusBadge } from './status-badge';

export async function OptionsTable({
  contractNumber,
  options,
  prices,
}: {
  contractNumber: string;
  options: OptionRow[];
  prices: Map<string, PriceRow>;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (options.length === 0) return <p className="text-sm text-slate-600">{t('dashboard.noOptions')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{t('dashboard.optionsCaption', { number: contractNumber })}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.kind')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.code')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.details')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.status')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.billingStart')}</th>
            <th scope="col" className="py-2 text-right font-medium">{t('dashboard.monthlyFee')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {options.map((option) => {
            const price = priceFor(prices, option.kind, priceItemKey(option.kind, option.attributes));
            return (
              <tr key={option.id} data-testid="option-row">
                <th scope="row" className="py-3 pr-4 font-medium text-slate-900">{t(`kinds.${option.kind}`)}</th>
                <td className="py-3 pr-4 font-mono text-xs text-slate-700">{option.code}</td>
                <td className="py-3 pr-4 text-slate-700">{describeOption(t, option.kind, option.attributes)}</td>
                <td className="py-3 pr-4"><StatusBadge status={option.status} endsOn={option.endsOn} /></td>
                <td className="py-3 pr-4 whitespace-nowrap text-slate-700">{formatDate(locale, option.billingStartDate)}</td>
                <td className="py-3 text-right whitespace-nowrap tabular-nums text-slate-900">
                  {price ? formatYen(locale, price.monthlyYen) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
