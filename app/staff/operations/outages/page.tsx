import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DoneNotice } from '@/components/staff/operations/done-notice';
import { RecordOutageForm } from '@/components/staff/operations/outage-form';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/lib/db';
import { requireStaffPage } from '@/lib/auth/guard';
import { listContractNumbersForStaff, listOutagesForStaff } from '@/lib/backoffice/queries';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { isNotificationLate, outageDurationMinutes, SLA_EXCLUSION_REASONS } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.outages'))('title') };
}

const isReason = (value: string | null): value is (typeof SLA_EXCLUSION_REASONS)[number] =>
  value !== null && (SLA_EXCLUSION_REASONS as readonly string[]).includes(value);

export default async function OutagesPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireStaffPage('operator');
  const db = await getDb();
  const [rows, contractNumbers] = await Promise.all([listOutagesForStaff(db), listContractNumbersForStaff(db)]);
  const { done } = await searchParams;
  const tb = await getTranslations('backoffice');
  const locale = (await getLocale()) as Locale;

  const duration = (startedAt: Date, endedAt: Date | null) => {
    const length = outageDurationMinutes(startedAt, endedAt);
    return length ? tb('outages.durationValue', length) : tb('outages.ongoing');
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{tb('outages.title')}</h1>
        <p className="text-sm text-slate-700">{tb('outages.intro')}</p>
      </div>
      <DoneNotice done={done} />
      <section aria-labelledby="record-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="record-title" className="mb-3 text-lg font-semibold">
          {tb('outages.recordTitle')}
        </h2>
        <RecordOutageForm contractNumbers={contractNumbers} />
      </section>
      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-lg font-semibold">
          {tb('outages.listTitle')}
        </h2>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{tb('outages.empty')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{tb('outages.caption')}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('outages.contract')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('common.customer')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('outages.startedAt')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('outages.endedAt')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('outages.duration')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('outages.notification')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{tb('outages.reason')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map(({ outage, contractNumber, customer }) => (
                  <tr key={outage.id} data-testid="outage-row" data-contract={contractNumber}>
                    <th scope="row" className="px-4 py-2 font-mono text-xs font-medium">
                      {contractNumber}
                    </th>
                    <td className="px-4 py-2">
                      <span className="font-medium">{customer.name}</span>
                      <span className="block font-mono text-xs text-slate-600">{customer.code}</span>
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(locale, outage.startedAt)}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{outage.endedAt ? formatDateTime(locale, outage.endedAt) : tb('common.none')}</td>
                    <td className="px-4 py-2 whitespace-nowrap" data-testid="outage-duration">
                      {duration(outage.startedAt, outage.endedAt)}
                    </td>
                    <td className="px-4 py-2">
                      {outage.notifiedAt ? (
                        <>
                          <span className="block whitespace-nowrap">{formatDateTime(locale, outage.notifiedAt)}</span>
                          {isNotificationLate({ detectedAt: outage.detectedAt, notifiedAt: outage.notifiedAt }) ? (
                            <Badge tone="amber">{tb('outages.late')}</Badge>
                          ) : (
                            <Badge tone="green">{tb('outages.onTime')}</Badge>
                          )}
                        </>
                      ) : (
                        <Badge tone="grey">{tb('outages.notNotified')}</Badge>
                      )}
                    </td>
                    <td className="px-4 py-2">{isReason(outage.exclusionReason) ? tb(`outages.reasons.${outage.exclusionReason}`) : tb('common.none')}</td>
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
