import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApproveClaimForm, RejectClaimForm } from '@/components/staff/operations/claim-forms';
import { DoneNotice } from '@/components/staff/operations/done-notice';
import { requireStaffPage } from '@/lib/auth/guard';
import { claimQueue } from '@/lib/backoffice/claims';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMonth, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { billingMonthRefusal, isMonth, japanDate } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.claims'))('title') };
}

/** The operators' queue of SLA credit claims: approve into a billing month, or reject with a reason. */
export default async function ClaimsPage({ searchParams }: { searchParams: Promise<{ done?: string; month?: string }> }) {
  await requireStaffPage('operator');
  const today = japanDate(new Date());
  const { done, month: asked } = await searchParams;
  // The billing month the cap is shown for and approvals default to: this month unless another is chosen.
  const month = isMonth(asked) ? asked : today.slice(0, 7);
  const pastMonth = billingMonthRefusal(month, today) !== null;
  const rows = await claimQueue(await getDb(), month);
  const t = await getTranslations('backoffice.claims');
  const locale = (await getLocale()) as Locale;
  const yen = (n: number) => formatYen(locale, n);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      <DoneNotice done={done} />
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm" data-testid="claims-month">
        <label className="block">
          <span className="block text-slate-700">{t('previewMonth')}</span>
          <input type="month" name="month" defaultValue={month} required className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
          {t('previewShow')}
        </button>
        {asked !== undefined && !isMonth(asked) && <p className="basis-full text-red-800">{t('previewInvalid')}</p>}
        {pastMonth && <p className="basis-full text-amber-900">{t('previewPast', { month: formatMonth(locale, month) })}</p>}
      </form>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="space-y-4">
          {rows.map(({ claim, outage, contractNumber, customerName, approvedInMonthYen, basicFeeYen, ifApproved }) => {
            const described = `claim-${claim.id}`;
            return (
              <li key={claim.id} data-testid="claim-row" data-contract={contractNumber} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <dl id={described} className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="text-slate-600">{t('customer')}</dt>
                  <dd>{customerName}</dd>
                  <dt className="text-slate-600">{t('contract')}</dt>
                  <dd>{contractNumber}</dd>
                  <dt className="text-slate-600">{t('outage')}</dt>
                  <dd>{t('outageValue', { start: formatDateTime(locale, outage.startedAt), end: outage.endedAt ? formatDateTime(locale, outage.endedAt) : '…' })}</dd>
                  <dt className="text-slate-600">{t('kind')}</dt>
                  <dd data-testid="claim-kind">{t(`kinds.${claim.kind}`)}</dd>
                  <dt className="text-slate-600">{t('amount')}</dt>
                  <dd className="font-semibold tabular-nums" data-testid="claim-amount">
                    {yen(claim.amountYen)}
                  </dd>
                  <dt className="text-slate-600">{t('claimedAt')}</dt>
                  <dd>{formatDateTime(locale, claim.claimedAt)}</dd>
                  <dt className="text-slate-600">{t('comment')}</dt>
                  <dd className="whitespace-pre-wrap" data-testid="claim-comment">
                    {claim.comment ?? t('noComment')}
                  </dd>
                </dl>
                <p className="mt-3 text-sm text-slate-700" data-testid="claim-cap">
                  {ifApproved && basicFeeYen !== null
                    ? t('cap', {
                        month: formatMonth(locale, month),
                        approved: yen(approvedInMonthYen),
                        fee: yen(basicFeeYen),
                        applied: yen(ifApproved.appliedYen),
                        capped: ifApproved.cappedYen > 0 ? yen(ifApproved.cappedYen) : 'none',
                      })
                    : t('noFee', { month: formatMonth(locale, month) })}
                </p>
                <div className="mt-3 flex flex-wrap items-start gap-6">
                  <ApproveClaimForm claimId={claim.id} month={month} describedBy={described} />
                  <RejectClaimForm claimId={claim.id} describedBy={described} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
