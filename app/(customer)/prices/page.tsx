import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { pricesInForce } from '@/lib/billing/prices';
import { requireCustomer } from '@/lib/auth/guard';
import { japanDate } from '@/lib/rules';
import { formatDate, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { priceItemLabel } from '@/components/contract/price-labels';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('prices'))('title') };
}

const kindOrder = ['basic', 'onprem_port', 'cloud_port', 'napt', 'firewall', 'pbb_expansion', 'static_nat'];

export default async function PricesPage() {
  const actor = await requireCustomer();
  const table = await pricesInForce(await getDb(), actor.customerId, japanDate(new Date()));
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const rows = [...table.values()].sort(
    (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.item.localeCompare(b.item, 'en', { numeric: true }),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('prices.title')}</h1>
      <p className="text-sm text-slate-700">{t('prices.intro')}</p>
      <p data-testid="fictitious-notice" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        {t('prices.fictitious')}
      </p>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{t('prices.kind')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('prices.item')}</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">{t('prices.initial')}</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">{t('prices.monthly')}</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">{t('prices.oneTime')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('prices.appliesFrom')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="px-4 py-2 font-medium">
                  {row.kind === 'basic' ? t('prices.basic') : t(`kinds.${row.kind}`)}
                  {row.customerId && <span className="ml-2 text-xs text-brand-700">({t('prices.yourPrice')})</span>}
                </th>
                <td className="px-4 py-2">{priceItemLabel(t, row.kind, row.item)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatYen(locale, row.initialYen)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatYen(locale, row.monthlyYen)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{row.oneTimeYen ? formatYen(locale, row.oneTimeYen) : '—'}</td>
                <td className="px-4 py-2 whitespace-nowrap">{formatDate(locale, row.appliesFrom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
