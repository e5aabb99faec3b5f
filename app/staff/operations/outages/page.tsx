import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { DoneNotice } from '@/components/staff/operations/done-notice';
import { CorrectOutageForm, EndOutageForm, RecordOutageForm } from '@/components/staff/operations/outage-form';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { getDb } from '@/lib/db';
import { requireStaffPage } from '@/lib/auth/guard';
import { listContractNumbersForStaff, listOutagesForStaff } from '@/lib/backoffice/queries';
import { japanDateTimeInput } from '@/lib/backoffice/schemas';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { notificationLateness, outageDurationMinutes, SLA_EXCLUSION_REASONS } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.outages'))('title') };
}

const isReason = (value: string | null): value is (typeof SLA_EXCLUSION_REASONS)[number] =>
  value !== null && (SLA_EXCLUSION_REASONS as readonly string[]).includes(value);

/** The badge of each notification state (R-SLA-NOTIFY): its tone and message key. */
const NOTIFICATION_BADGE = {
  on_time: { tone: 'green', key: 'onTime' },
  late: { tone: 'amber', key: 'late' },
  pending: { tone: 'grey', key: 'notNotified' },
  overdue: { tone: 'amber', key: 'overdue' },
} as const satisfies Record<string, { tone: BadgeTone; key: string }>;

const input = (at: Date | null) => (at ? japanDateTimeInput(at) : '');

export default async function OutagesPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireStaffPage('operator');
  const db = await getDb();
  const [rows, contractNumbers] = await Promise.all([listOutagesForStaff(db), listContractNumbersForStaff(db)]);
  const { done } = await searchParams;
  const tb = await getTranslations('backoffice');
  const locale = (await getLocale()) as Locale;
  const now = new Date();

  const duration = (startedAt: Date, endedAt: Date | null) => {
    const length = outageDurationMinutes(startedAt, endedAt);
    return length ? tb('outages.durationValue', length) : tb('outages.soFar', outageDurationMinutes(startedAt, now) ?? { hours: 0, minutes: 0 });
  };
  const fact = (label: string, value: ReactNode, testId?: string) => (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="font-medium" data-testid={testId}>
        {value}
      </dd>
    </div>
  );

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
          <ul className="space-y-3" aria-label={tb('outages.caption')}>
            {rows.map(({ outage, contractNumber, customer }) => {
              const headingId = `outage-${outage.id}`;
              const lateness = notificationLateness({ detectedAt: outage.detectedAt, notifiedAt: outage.notifiedAt, now });
              const badge = NOTIFICATION_BADGE[lateness.state];
              return (
                <li
                  key={outage.id}
                  data-testid="outage-row"
                  data-contract={contractNumber}
                  aria-labelledby={headingId}
                  className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                >
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <h3 id={headingId} className="font-mono text-sm font-semibold">
                      {contractNumber}
                      <span className="sr-only"> {formatDateTime(locale, outage.startedAt)}</span>
                    </h3>
                    <span className="text-sm">
                      {customer.name} <span className="font-mono text-xs text-slate-600">{customer.code}</span>
                    </span>
                    {outage.endedAt ? (
                      <Badge tone="grey">{tb('outages.ended')}</Badge>
                    ) : (
                      <Badge tone="amber">{tb('outages.inProgress')}</Badge>
                    )}
                  </div>
                  <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
                    {fact(tb('outages.startedAt'), formatDateTime(locale, outage.startedAt))}
                    {fact(tb('outages.endedAt'), outage.endedAt ? formatDateTime(locale, outage.endedAt) : tb('outages.inProgress'))}
                    {fact(tb('outages.duration'), duration(outage.startedAt, outage.endedAt), 'outage-duration')}
                    {fact(tb('outages.detectedAt'), formatDateTime(locale, outage.detectedAt))}
                    {fact(
                      tb('outages.notification'),
                      <>
                        {outage.notifiedAt && <span className="block">{formatDateTime(locale, outage.notifiedAt)}</span>}
                        <Badge tone={badge.tone}>{tb(`outages.${badge.key}`)}</Badge>
                        <span className="block text-xs font-normal text-slate-700" data-testid="outage-lateness">
                          {tb(`outages.lateness.${lateness.state}`, {
                            after: lateness.minutesAfterDetection ?? 0,
                            late: lateness.minutesLate ?? 0,
                            deadline: formatDateTime(locale, lateness.deadline),
                          })}
                        </span>
                      </>,
                    )}
                    {fact(tb('outages.reason'), isReason(outage.exclusionReason) ? tb(`outages.reasons.${outage.exclusionReason}`) : tb('common.none'))}
                  </dl>
                  <div className="flex flex-col gap-3 border-t border-slate-100 pt-3 sm:flex-row sm:flex-wrap sm:gap-8">
                    {!outage.endedAt && <EndOutageForm outageId={outage.id} now={japanDateTimeInput(now).slice(0, 16)} describedBy={headingId} />}
                    <CorrectOutageForm
                      outageId={outage.id}
                      describedBy={headingId}
                      values={{
                        startedAt: input(outage.startedAt),
                        endedAt: input(outage.endedAt),
                        detectedAt: input(outage.detectedAt),
                        notifiedAt: input(outage.notifiedAt),
                        exclusionReason: isReason(outage.exclusionReason) ? outage.exclusionReason : '',
                      }}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
