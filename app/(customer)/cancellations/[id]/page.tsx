import { offersChanges } from '@/lib/auth/access';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CancellationSummary } from '@/components/contract/cancellation-summary';
import { PrintButton } from '@/components/contract/print-button';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { withdrawCancellationAction } from '@/lib/contracts/actions';
import { getCancellationReceipt } from '@/lib/contracts/queries';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { isUuid } from '@/lib/ids';
import { isWithdrawableOn, japanDate, noticeStatusOn } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('receipt'))('title') };
}

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const receipt = await getCancellationReceipt(await getDb(), { noticeId: id, customerId: actor.customerId });
  if (!receipt) notFound();
  const { notice, contract, option } = receipt;
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const today = japanDate(new Date());
  const { summary } = receipt;
  const status = noticeStatusOn(notice, today);
  return (
    <article className="mx-auto max-w-3xl space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:shadow-none">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('receipt.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('receipt.intro')}</p>
        </div>
        <PrintButton label={t('receipt.print')} />
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">{t('receipt.number')}</dt>
        <dd className="font-mono" data-testid="notice-number">{notice.id.slice(0, 8).toUpperCase()}</dd>
        <dt className="text-slate-600">{t('receipt.receivedAt')}</dt>
        <dd>{formatDateTime(locale, notice.receivedAt)}</dd>
        <dt className="text-slate-600">{t('receipt.subject')}</dt>
        <dd data-testid="receipt-subject">
          {option
            ? t('contract.cancellationOption', { kind: t(`kinds.${option.kind}`), code: option.code })
            : t('contract.cancellationContract')}{' '}
          ({t('contract.title', { number: contract.contractNumber })})
        </dd>
        <dt className="text-slate-600">{t('receipt.status')}</dt>
        <dd data-testid="receipt-status">{t(`receipt.${status}`)}</dd>
      </dl>
      {/* The receipt states what was confirmed; the cheapest-date suggestion was for the form. */}
      {summary && <CancellationSummary preview={{ ...summary, cheapest: undefined }} t={t} locale={locale} />}
      {offersChanges(actor) && notice.status === 'pending' && isWithdrawableOn(today, notice.effectiveDate) && (
        <form action={withdrawCancellationAction} className="no-print space-y-1 border-t border-slate-200 pt-4">
          <input type="hidden" name="noticeId" value={notice.id} />
          <input type="hidden" name="returnTo" value={`/contracts/${contract.id}`} />
          <button type="submit" className="rounded-md border border-slate-400 px-4 py-2 text-sm font-medium hover:bg-slate-100">
            {t('receipt.withdraw')}
          </button>
          <p className="text-xs text-slate-600">{t('receipt.withdrawUntil')}</p>
        </form>
      )}
      <Link href={`/contracts/${contract.id}`} className="no-print inline-block text-sm text-brand-700 underline">
        {t('receipt.backToContract')}
      </Link>
    </article>
  );
}
