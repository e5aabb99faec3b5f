import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { NoticeBanner } from '@/components/contract/notice-banner';
import { AvailabilityChart } from '@/components/sla/availability-chart';
import { OutageCredit } from '@/components/sla/outage-credit';
import { offersClaims } from '@/lib/auth/access';
import { requireCustomer } from '@/lib/auth/guard';
import { getDb } from '@/lib/db';
import { formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { isUuid } from '@/lib/ids';
import { japanDate, japanMonthStart, monthlyAvailability, monthsEndingAt, outagesOverlapping } from '@/lib/rules';
import { basicMonthlyFeeOn, getSlaPage } from '@/lib/sla/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sla'))('link') };
}

/** The service level of one contract: every outage, what it earns, until when it may be claimed, and the claims. */
export default async function SlaPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; error?: string; ref?: string; rules?: string | string[] }>;
}) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const now = new Date();
  const [page, basicFee] = await Promise.all([
    getSlaPage(db, { contractId: id, customerId: actor.customerId, now }),
    basicMonthlyFeeOn(db, actor.customerId, japanDate(now)),
  ]);
  if (!page) notFound();
  const { done, error, ref, rules } = await searchParams;
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const canClaim = offersClaims(actor);
  const here = `/contracts/${page.contract.id}/sla`;
  const months = monthsEndingAt(japanDate(now).slice(0, 7), 12);
  const from = japanMonthStart(months[0]!);
  const shown = outagesOverlapping(page.outages.map((v) => v.outage), from, now);

  return (
    <div className="max-w-4xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/contracts/${page.contract.id}`} className="text-brand-700 underline">
          {t('receipt.backToContract')}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">{t('sla.title', { number: page.contract.contractNumber })}</h1>
      <p className="text-sm text-slate-700">{t('sla.intro')}</p>
      <p className="text-sm" data-testid="sla-basic-fee">
        {basicFee === null ? t('sla.noBasicFee') : t('sla.basicFee', { amount: formatYen(locale, basicFee) })}
      </p>
      <NoticeBanner done={done} error={error} errorRef={ref} rules={rules} />
      {!canClaim && (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('sla.viewOnly')}
        </p>
      )}
      <AvailabilityChart months={monthlyAvailability({ outages: shown, months, now })} outages={shown} from={from} to={now} />
      {page.outages.length === 0 ? (
        <p className="text-sm text-slate-600">{t('sla.none')}</p>
      ) : (
        page.outages.map((view) => <OutageCredit key={view.outage.id} view={view} now={now} canClaim={canClaim} returnTo={here} monthCaps={page.monthCaps} />)
      )}
    </div>
  );
}
