import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DoneNotice } from '@/components/staff/operations/done-notice';
import { EndPbbForm, RecordPbbForm } from '@/components/staff/operations/pbb-forms';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/lib/db';
import { requireStaffPage } from '@/lib/auth/guard';
import { listPbbContractsForStaff } from '@/lib/backoffice/queries';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { japanDate } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.pbb'))('title') };
}

export default async function PbbContractsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireStaffPage('operator');
  const rows = await listPbbContractsForStaff(await getDb());
  const { done } = await searchParams;
  const tb = await getTranslations('backoffice');
  const locale = (await getLocale()) as Locale;
  const today = japanDate(new Date());

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{tb('pbb.title')}</h1>
        <p className="text-sm text-slate-700">{tb('pbb.intro')}</p>
      </div>
      <DoneNotice done={done} />
      <section aria-labelledby="record-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="record-title" className="mb-3 text-lg font-semibold">
          {tb('pbb.recordTitle')}
        </h2>
        <RecordPbbForm today={today} />
      </section>
      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-lg font-semibold">
          {tb('pbb.listTitle')}
        </h2>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{tb('pbb.empty')}</p>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{tb('pbb.caption')}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('pbb.contractNumber')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('common.customer')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('pbb.networks')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('pbb.startedOn')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('pbb.endedOn')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('common.status')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('common.actions')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {rows.map((row) => (
                  <tr key={row.id} data-testid="pbb-row" data-number={row.contractNumber}>
                    <th scope="row" id={`pbb-${row.id}`} className="px-4 py-2 text-left font-mono text-xs font-medium">
                      {row.contractNumber}
                    </th>
                    <td className="px-4 py-2">
                      <span className="font-medium">{row.customer.name}</span>
                      <span className="block font-mono text-xs text-slate-600">{row.customer.code}</span>
                    </td>
                    <td className="px-4 py-2 font-mono text-xs">{row.networks.length ? row.networks.join(', ') : tb('common.none')}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{formatDate(locale, row.startedOn)}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{formatDate(locale, row.endedOn)}</td>
                    <td className="px-4 py-2">
                      <Badge tone={row.status === 'active' ? 'green' : 'grey'}>{tb(row.status === 'active' ? 'pbb.active' : 'pbb.ended')}</Badge>
                    </td>
                    <td className="min-w-[14rem] px-4 py-2">
                      {row.status === 'active' && (
                        <EndPbbForm pbbContractId={row.id} isLast={row.isLastActive} today={today} describedBy={`pbb-${row.id}`} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
