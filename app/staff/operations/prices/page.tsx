import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DoneNotice } from '@/components/staff/operations/done-notice';
import { AddPriceForm, type PriceItemGroup } from '@/components/staff/operations/price-form';
import { priceItemLabel, priceKindLabel } from '@/components/staff/operations/price-labels';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { getDb } from '@/lib/db';
import { requireStaffPage } from '@/lib/auth/guard';
import { PRICE_KINDS, priceItems } from '@/lib/backoffice/prices';
import { listPricesForStaff, type PriceState } from '@/lib/backoffice/queries';
import { formatDate, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { japanDate } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.prices'))('title') };
}

const stateTone: Record<PriceState, BadgeTone> = { in_force: 'green', scheduled: 'blue', superseded: 'grey' };

export default async function PriceListPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireStaffPage('operator');
  const today = japanDate(new Date());
  const rows = await listPricesForStaff(await getDb(), today);
  const { done } = await searchParams;
  const t = await getTranslations();
  const tb = await getTranslations('backoffice');
  const locale = (await getLocale()) as Locale;

  const groups: PriceItemGroup[] = priceItems().map((group) => ({
    kind: group.kind,
    label: priceKindLabel(t, group.kind),
    items: group.items.map((item) => ({
      value: `${group.kind}|${item}`,
      label: item ? `${priceKindLabel(t, group.kind)} — ${priceItemLabel(t, group.kind, item)}` : priceKindLabel(t, group.kind),
    })),
  }));
  const order = (kind: string) => (PRICE_KINDS as readonly string[]).indexOf(kind);
  const sorted = [...rows].sort(
    (a, b) =>
      order(a.kind) - order(b.kind) ||
      a.item.localeCompare(b.item, 'en', { numeric: true }) ||
      (a.customer?.code ?? '').localeCompare(b.customer?.code ?? '') ||
      a.appliesFrom.localeCompare(b.appliesFrom),
  );

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{tb('prices.title')}</h1>
        <p className="text-sm text-slate-700">{tb('prices.intro')}</p>
        <p data-testid="fictitious-notice" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {tb('prices.fictitious')}
        </p>
      </div>
      <DoneNotice done={done} />
      <section aria-labelledby="add-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="add-title" className="mb-3 text-lg font-semibold">
          {tb('prices.addTitle')}
        </h2>
        <AddPriceForm groups={groups} today={today} />
      </section>
      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-lg font-semibold">
          {tb('prices.listTitle')}
        </h2>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{tb('prices.caption')}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{tb('prices.kind')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tb('prices.itemColumn')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tb('prices.priceFor')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{tb('prices.initialColumn')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{tb('prices.monthlyColumn')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{tb('prices.oneTimeColumn')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tb('prices.appliesFromColumn')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tb('prices.state')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sorted.map((row) => (
                <tr
                  key={row.id}
                  data-testid="price-row"
                  data-kind={row.kind}
                  data-item={row.item}
                  data-customer={row.customer?.code ?? ''}
                  className={row.state === 'superseded' ? 'text-slate-500' : undefined}
                >
                  <th scope="row" className="px-4 py-2 font-medium">
                    {priceKindLabel(t, row.kind)}
                  </th>
                  <td className="px-4 py-2">{priceItemLabel(t, row.kind, row.item)}</td>
                  <td className="px-4 py-2">
                    {row.customer ? (
                      <>
                        {row.customer.name} <span className="font-mono text-xs">{row.customer.code}</span>
                      </>
                    ) : (
                      tb('prices.listPrice')
                    )}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatYen(locale, row.initialYen)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatYen(locale, row.monthlyYen)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{row.oneTimeYen ? formatYen(locale, row.oneTimeYen) : tb('common.none')}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{formatDate(locale, row.appliesFrom)}</td>
                  <td className="space-x-1 px-4 py-2 whitespace-nowrap">
                    <Badge tone={stateTone[row.state]}>{tb(`prices.states.${row.state}`)}</Badge>
                    {/* Rows loaded with the demo data have no author: their amounts are fictitious. */}
                    {row.createdBy === null && <Badge tone="amber">{tb('prices.demo')}</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
