import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { priceFor, priceItemKey, type PriceRow } from '@/lib/billing/prices';
import type { OptionRow } from '@/lib/contracts/queries';
import { displayStatus } from '@/lib/contracts/state';
import { formatDate, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { consumptionTaxYen, isLiveOn, isPort, isPublicCloud, minimumTermLastDay } from '@/lib/rules';
import { naptTotalsByPort, withNaptUnderPorts } from './napt-placement';
import { describeOption } from './option-details';
import { StatusBadge } from './status-badge';

export async function OptionsTable({
  contractNumber,
  options,
  prices,
  today,
  canWrite = false,
}: {
  contractNumber: string;
  options: OptionRow[];
  prices: Map<string, PriceRow>;
  today: string;
  /** Shows the change / cancel links (admins only; the server checks again). */
  canWrite?: boolean;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (options.length === 0) return <p className="text-sm text-slate-600">{t('dashboard.noOptions')}</p>;
  // Each NAPT add-on sits under its public cloud port, which shows the total of those still running.
  const napt = naptTotalsByPort(options, (o) => displayStatus(o, today) !== 'ended');
  const codeOf = new Map(options.map((o) => [o.id, o.code] as const));
  return (
    // `relative`: the links' screen-reader text is absolutely placed; without a positioned scroll box it
    // escapes the box and widens the whole page on a phone.
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{t('dashboard.optionsCaption', { number: contractNumber })}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.kind')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.details')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.status')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('dashboard.billingStart')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('contract.minimumTermLastDay')}</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">{t('dashboard.monthlyFee')}</th>
            {canWrite && <th scope="col" className="py-2 font-medium">{t('contract.actions')}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {withNaptUnderPorts(options).map((option) => {
            const price = priceFor(prices, option.kind, priceItemKey(option.kind, option.attributes));
            const lastDay = option.billingStartDate ? minimumTermLastDay(option.kind, option.billingStartDate) : null;
            const status = displayStatus(option, today);
            const live = isLiveOn(option, today);
            const onPort = option.kind === 'napt' && option.portId ? codeOf.get(option.portId) : undefined;
            const publicPort = option.kind === 'cloud_port' && isPublicCloud(option.attributes.cloudType);
            const held = napt.get(option.id);
            return (
              <tr key={option.id} data-testid="option-row" data-code={option.code} data-port={onPort}>
                <th scope="row" className={`min-w-36 py-3 pr-4 align-top font-medium text-slate-900 ${onPort ? 'pl-4' : ''}`}>
                  {onPort && <span aria-hidden="true" className="mr-1 text-slate-500">↳</span>}
                  {t(`kinds.${option.kind}`)}
                  <div className="font-mono text-xs font-normal text-slate-600">{option.code}</div>
                </th>
                <td className="min-w-40 py-3 pr-4 align-top text-slate-700">
                  {describeOption(t, option.kind, option.attributes)}
                  {onPort && <div className="text-xs text-slate-600">{t('dashboard.naptOnPort', { code: onPort })}</div>}
                  {publicPort && status !== 'ended' && (
                    <div className="text-xs font-medium text-slate-800" data-testid="napt-total">
                      {held
                        ? t('dashboard.naptTotal', { count: held.naptIds.length, total: held.totalSessions })
                        : t('dashboard.naptNone')}
                    </div>
                  )}
                </td>
                <td className="py-3 pr-4 align-top"><StatusBadge row={option} today={today} /></td>
                <td className="py-3 pr-4 align-top whitespace-nowrap text-slate-700">{formatDate(locale, option.billingStartDate)}</td>
                <td className="py-3 pr-4 align-top whitespace-nowrap text-slate-700">
                  {lastDay ? formatDate(locale, lastDay) : isPort(option.kind) ? '—' : t('contract.noMinimum')}
                </td>
                <td className="py-3 pr-4 text-right align-top whitespace-nowrap tabular-nums text-slate-900">
                  {price ? formatYen(locale, price.monthlyYen) : '—'}
                  {price && (
                    <div className="text-xs text-slate-600">{t('fees.tax', { amount: formatYen(locale, consumptionTaxYen(price.monthlyYen)) })}</div>
                  )}
                </td>
                {canWrite && (
                  <td className="py-3 align-top">
                    <div className="flex flex-wrap gap-2">
                      {live && (
                        <Link href={`/options/${option.id}/change`} className="text-brand-700 underline">
                          {t('contract.change')}
                          <span className="sr-only"> {option.code}</span>
                        </Link>
                      )}
                      {live && (
                        <Link href={`/options/${option.id}/cancel`} className="text-brand-700 underline">
                          {t('contract.cancel')}
                          <span className="sr-only"> {option.code}</span>
                        </Link>
                      )}
                      {option.kind === 'cloud_port' && status !== 'ended' && (
                        <Link href={`/options/${option.id}/cloud-info`} className="text-brand-700 underline">
                          {t('contract.cloudInfo')}
                          <span className="sr-only"> {option.code}</span>
                        </Link>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
