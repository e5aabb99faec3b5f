import { offersChanges } from '@/lib/auth/access';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ContractHub } from '@/components/contract/contract-hub';
import { NoticeBanner } from '@/components/contract/notice-banner';
import { OptionCounts } from '@/components/contract/option-counts';
import { OPTIONS_PER_PAGE, pageNumber } from '@/components/contract/option-pages';
import { OptionsTable } from '@/components/contract/options-table';
import { StatusBadge } from '@/components/contract/status-badge';
import { WithdrawButton } from '@/components/contract/withdraw-button';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { pricesInForce } from '@/lib/billing/prices';
import { withdrawApplicationAction, withdrawCancellationAction } from '@/lib/contracts/actions';
import { attributesFor } from '@/lib/contracts/cloud-keys';
import { getContractPage } from '@/lib/contracts/queries';
import { displayStatus } from '@/lib/contracts/state';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { isUuid } from '@/lib/ids';
import { isWithdrawableOn, japanDate, mayCancelContract, notificationLateness, outageDurationMinutes } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('dashboard') };
}

export default async function ContractPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; error?: string; ref?: string; rules?: string | string[]; page?: string | string[] }>;
}) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const now = new Date();
  const today = japanDate(now);
  const [page, prices] = await Promise.all([
    getContractPage(db, { contractId: id, customerId: actor.customerId, today }),
    pricesInForce(db, actor.customerId, today),
  ]);
  if (!page) notFound();
  // A connection key is whole only for who may change it (lib/contracts/cloud-keys.ts).
  const shownOptions = page.options.map((o) => attributesFor(o, actor.canWrite));
  const { done, error, ref, rules, page: pageParam } = await searchParams;
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const { contract, network } = page;
  const contractStatus = displayStatus(contract, today);
  const writable = offersChanges(actor) && contractStatus !== 'ended';

  const optionCode = new Map(shownOptions.map((o) => [o.id, o] as const));

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-brand-700 underline">
          {t('contract.back')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
            {t('contract.title', { number: contract.contractNumber })}
            <StatusBadge row={contract} today={today} />
          </h1>
          <p className="mt-1 text-sm text-slate-700">{t('contract.network', { name: network.name, code: network.networkCode })}</p>
          <p className="mt-1 text-sm">
            <Link href={`/contracts/${contract.id}/sla`} className="text-brand-700 underline" data-testid="sla-link">
              {t('sla.link')}
            </Link>
          </p>
        </div>
        {writable && (
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/contracts/${contract.id}/options/new`}
              className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t('contract.addOption')}
            </Link>
            {mayCancelContract(contract, today) && (
              <Link
                href={`/contracts/${contract.id}/cancel`}
                className="rounded-md border border-red-700 px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50"
              >
                {t('contract.cancelContract')}
              </Link>
            )}
          </div>
        )}
      </div>
      <NoticeBanner done={done} error={error} errorRef={ref} rules={rules} />
      {!offersChanges(actor) && (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('contract.viewOnly')}
        </p>
      )}

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <ContractHub contractNumber={contract.contractNumber} options={shownOptions} today={today} />
      </section>

      <section aria-labelledby="options-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="options-title" className="mb-3 text-lg font-semibold">
          {t('contract.optionsTitle')}
        </h2>
        {shownOptions.length > OPTIONS_PER_PAGE && (
          <div className="mb-4">
            <OptionCounts options={shownOptions} today={today} />
          </div>
        )}
        <OptionsTable
          contractNumber={contract.contractNumber}
          options={shownOptions}
          prices={prices}
          today={today}
          canWrite={writable}
          page={pageNumber(pageParam)}
          pageHref={`/contracts/${contract.id}`}
        />
      </section>

      {page.outages.length > 0 && (
        <section aria-labelledby="outages-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="outages">
          <h2 id="outages-title" className="text-lg font-semibold">
            {t('contract.outagesTitle')}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t('contract.outagesIntro')}</p>
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('contract.outageStarted')}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('contract.outageEnded')}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('contract.outageDuration')}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('contract.outageNotification')}</th>
                  <th scope="col" className="py-2 font-medium">{t('contract.outageReason')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.outages.map((o) => {
                  const length = outageDurationMinutes(o.startedAt, o.endedAt);
                  const soFar = length ? null : outageDurationMinutes(o.startedAt, now);
                  const notice = notificationLateness({ detectedAt: o.detectedAt, notifiedAt: o.notifiedAt, now });
                  return (
                    <tr key={o.id} data-testid="outage-row">
                      <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(locale, o.startedAt)}</td>
                      <td className="py-2 pr-4 whitespace-nowrap">
                        {o.endedAt ? formatDateTime(locale, o.endedAt) : <Badge tone="amber">{t('contract.outageInProgress')}</Badge>}
                      </td>
                      <td className="py-2 pr-4 whitespace-nowrap" data-testid="outage-duration">
                        {length ? t('backoffice.outages.durationValue', length) : soFar ? t('contract.outageSoFar', soFar) : '—'}
                      </td>
                      <td className="min-w-[16rem] py-2 pr-4" data-testid="outage-notification">
                        {t(`contract.outageNotify.${notice.state}`, {
                          after: notice.minutesAfterDetection ?? 0,
                          late: notice.minutesLate ?? 0,
                          deadline: formatDateTime(locale, notice.deadline),
                        })}
                      </td>
                      <td className="min-w-[12rem] py-2">
                        {o.exclusionReason && t.has(`backoffice.outages.reasons.${o.exclusionReason}`)
                          ? t(`backoffice.outages.reasons.${o.exclusionReason}`)
                          : t('contract.noReduction')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {page.declined.length > 0 && (
        <section aria-labelledby="declined-title" className="rounded-lg border border-amber-300 bg-amber-50 p-5" data-testid="declined">
          <h2 id="declined-title" className="mb-2 text-lg font-semibold">
            {t('contract.rejectedTitle')}
          </h2>
          <ul className="space-y-1 text-sm">
            {page.declined.map(({ application: a, option }) => (
              <li key={a.id}>
                {t('contract.rejected', {
                  what:
                    a.type === 'new_contract' || !option
                      ? t('contract.applicationNewContract')
                      : t('contract.applicationAddOption', { kind: t(`kinds.${option.kind}`), code: option.code }),
                  date: a.decidedAt ? formatDate(locale, japanDate(a.decidedAt)) : '',
                  reason: a.decisionReason ?? '',
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="pending-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="pending">
        <h2 id="pending-title" className="mb-3 text-lg font-semibold">
          {t('contract.pendingTitle')}
        </h2>
        {page.pendingApplications.length + page.pendingChanges.length + page.pendingCancellations.length === 0 && (
          <p className="text-sm text-slate-600">{t('contract.noPending')}</p>
        )}
        <ul className="divide-y divide-slate-100">
          {page.pendingApplications.map((a) => {
            // A public port's application carries its NAPT add-ons too (one application): name the port.
            const applied = a.optionIds.flatMap((id) => optionCode.get(id) ?? []);
            const option = applied.find((o) => o.kind !== 'napt') ?? applied[0];
            const withNapt = option?.kind === 'cloud_port' ? a.optionIds.filter((id) => optionCode.get(id)?.kind === 'napt').length : 0;
            return (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm" data-testid="pending-application">
                <span>
                  {a.type === 'new_contract'
                    ? t('contract.applicationNewContract')
                    : t('contract.applicationAddOption', { kind: option ? t(`kinds.${option.kind}`) : '', code: option?.code ?? '' })}
                  {withNapt > 0 && ` ${t('contract.applicationWithNapt', { count: withNapt })}`}
                  <span className="ml-2 text-slate-600">{t('contract.submittedOn', { date: formatDate(locale, japanDate(a.submittedAt)) })}</span>
                  <span className="ml-2">{t(`status.${a.status === 'submitted' ? 'applied' : 'accepted'}`)}</span>
                </span>
                {offersChanges(actor) && a.status === 'submitted' && (
                  <WithdrawButton
                    action={withdrawApplicationAction}
                    fields={{ kind: 'application', id: a.id, returnTo: `/contracts/${contract.id}` }}
                    label={t('contract.withdraw')}
                  />
                )}
              </li>
            );
          })}
          {page.pendingChanges.map(({ request, optionCode: code, optionKind, change: p }) => {
            return (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm" data-testid="pending-change">
                <span>
                  {t('contract.changeRequest', { kind: t(`kinds.${optionKind}`), code, from: p?.from ?? '', to: p?.to ?? '' })}
                  <span className="ml-2 text-slate-600">
                    {t('contract.submittedOn', { date: formatDate(locale, japanDate(request.submittedAt)) })}
                  </span>
                </span>
                {offersChanges(actor) && request.status === 'submitted' && (
                  <WithdrawButton
                    action={withdrawApplicationAction}
                    fields={{ kind: 'change', id: request.id, returnTo: `/contracts/${contract.id}` }}
                    label={t('contract.withdraw')}
                  />
                )}
              </li>
            );
          })}
          {page.pendingCancellations.map((n) => {
            const option = n.optionId ? optionCode.get(n.optionId) : undefined;
            return (
              <li key={n.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm" data-testid="pending-cancellation">
                <span>
                  {n.optionId
                    ? t('contract.cancellationOption', { kind: option ? t(`kinds.${option.kind}`) : '', code: option?.code ?? '' })
                    : t('contract.cancellationContract')}
                  <span className="ml-2 font-medium">{t('contract.effectiveOn', { date: formatDate(locale, n.effectiveDate) })}</span>
                  <Link href={`/cancellations/${n.id}`} className="ml-3 text-brand-700 underline">
                    {t('contract.receipt')}
                  </Link>
                </span>
                {offersChanges(actor) && isWithdrawableOn(today, n.effectiveDate) && (
                  <WithdrawButton
                    action={withdrawCancellationAction}
                    fields={{ noticeId: n.id, returnTo: `/contracts/${contract.id}` }}
                    label={t('contract.withdraw')}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
