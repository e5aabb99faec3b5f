import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/contract/print-button';
import { requireCustomer } from '@/lib/auth/guard';
import { groupLines } from '@/lib/billing/statement-groups';
import { groupArithmetic, groupLabel } from '@/lib/billing/statement-text';
import { statementPageView } from '@/lib/billing/snapshots';
import { firstStatementMonth } from '@/lib/billing/statements';
import { getDb } from '@/lib/db';
import { formatDate, formatMonth, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { issueMonthRefusal, japanDate, monthsFrom } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('statements') };
}

/** The customer's monthly statement: any month since the first billing start, and the current one so far. */
export default async function StatementsPage({ searchParams }: { searchParams: Promise<{ month?: string | string[] }> }) {
  const actor = await requireCustomer();
  const db = await getDb();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const current = japanDate(new Date()).slice(0, 7);
  const first = await firstStatementMonth(db, actor.customerId);
  if (!first) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t('nav.statements')}</h1>
        <p className="text-sm text-slate-700">{t('statements.none')}</p>
      </div>
    );
  }
  const months = monthsFrom(first, current > first ? current : first);
  const asked = (await searchParams).month;
  const month = typeof asked === 'string' && months.includes(asked) ? asked : months.at(-1)!;
  const today = japanDate(new Date());
  // An issued month shows what was issued, with today's records beside it when they differ.
  const { view, estimate } = await statementPageView(db, actor.customerId, month, today);
  const { statement } = view;
  const at = months.indexOf(month);
  const yen = (n: number) => formatYen(locale, n);
  const monthName = formatMonth(locale, month);

  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('statements.title', { month: monthName })}</h1>
      <p className="text-sm text-slate-700">{t('statements.intro')}</p>
      {month === current && (
        <p data-testid="statement-in-progress" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('statements.inProgress')}
        </p>
      )}
      {view.issued ? (
        <p data-testid="statement-issued" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('statements.issue.issuedOn', { date: formatDate(locale, japanDate(view.issued.issuedAt)) })}
        </p>
      ) : (
        issueMonthRefusal(month, today) === null && (
          <p data-testid="statement-not-issued" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800">
            {t('statements.issue.notIssued')}
          </p>
        )
      )}
      {view.issued && view.today.differenceYen !== 0 && (
        <p data-testid="statement-differs" role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t('statements.issue.differs', {
            issued: yen(view.issued.totalYen),
            today: yen(view.today.totalYen),
            difference: `${view.today.differenceYen > 0 ? '+' : '−'}${yen(Math.abs(view.today.differenceYen))}`,
          })}
        </p>
      )}
      <div className="no-print flex flex-wrap items-end gap-3 text-sm">
        {at > 0 && (
          <Link href={`/statements?month=${months[at - 1]}`} className="text-brand-700 underline">
            {t('statements.previous')}
          </Link>
        )}
        {/* A plain GET form: works without JavaScript. */}
        <form method="get" action="/statements" className="flex items-end gap-2">
          <label className="flex flex-col">
            <span className="text-slate-600">{t('statements.month')}</span>
            <select name="month" defaultValue={month} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(locale, m)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
            {t('statements.show')}
          </button>
        </form>
        {at < months.length - 1 && (
          <Link href={`/statements?month=${months[at + 1]}`} className="text-brand-700 underline">
            {t('statements.next')}
          </Link>
        )}
        <a href={`/statements/${month}/csv`} className="rounded-md border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50" data-testid="statement-csv">
          {t('statements.csv')}
        </a>
        <a href={`/statements/${month}/pdf`} className="rounded-md border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50" data-testid="statement-pdf">
          {t('statements.pdf')}
        </a>
        <PrintButton label={t('statements.print')} />
      </div>

      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <table className="min-w-full text-left text-sm" data-testid="statement">
          <caption className="sr-only">{t('statements.caption', { month: monthName })}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t('statements.item')}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t('statements.amount')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {groupLines(statement.lines).map((group, i) => (
              <tr key={i} data-testid="statement-line" data-type={group.lines[0]?.type} data-count={group.lines.length}>
                <td className="py-2 pr-4 align-top">
                  <details>
                    <summary className="cursor-pointer">{groupLabel(group, t)}</summary>
                    <p className="mt-1 text-xs text-slate-600" data-testid="statement-arithmetic">
                      {groupArithmetic(group, t, locale)}
                    </p>
                  </details>
                </td>
                <td className="py-2 text-right align-top whitespace-nowrap tabular-nums">{yen(group.amountYen)}</td>
              </tr>
            ))}
            {statement.reductions.map((r) => (
              <tr key={r.contractNumber} data-testid="statement-reduction">
                <td className="py-2 pr-4 align-top">
                  <details>
                    <summary className="cursor-pointer">{t('statements.reduction', { contract: r.contractNumber })}</summary>
                    <p className="mt-1 text-xs text-slate-600">
                      {t('statements.reductionDetail', { claimed: yen(r.claimedYen), fee: r.basicMonthlyFeeYen === null ? '—' : yen(r.basicMonthlyFeeYen) })}
                    </p>
                  </details>
                  {r.cappedYen > 0 && (
                    <p className="mt-1 text-xs text-amber-900" data-testid="statement-capped">
                      {t('statements.reductionCapped', { capped: yen(r.cappedYen) })}
                    </p>
                  )}
                </td>
                <td className="py-2 text-right align-top whitespace-nowrap tabular-nums">−{yen(r.appliedYen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300">
            <tr>
              <th scope="row" className="py-2 pr-4 font-medium">
                {t('statements.subtotal')}
              </th>
              <td className="py-2 text-right tabular-nums" data-testid="statement-subtotal">
                {yen(statement.subtotalYen)}
              </td>
            </tr>
            <tr>
              <th scope="row" className="py-2 pr-4 font-medium">
                {t('statements.tax')}
              </th>
              <td className="py-2 text-right tabular-nums" data-testid="statement-tax">
                {yen(statement.taxYen)}
              </td>
            </tr>
            <tr className="text-base">
              <th scope="row" className="py-2 pr-4 font-semibold">
                {t('statements.total')}
              </th>
              <td className="py-2 text-right font-semibold tabular-nums" data-testid="statement-total">
                {yen(statement.totalYen)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {statement.unpriced > 0 && <p className="text-sm text-amber-900">{t('statements.unpricedNote')}</p>}
      <section aria-labelledby="estimate-title" data-testid="estimate" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h2 id="estimate-title" className="text-base font-semibold">
          {t('statements.estimateTitle', { month: formatMonth(locale, estimate.month) })}
        </h2>
        <p className="mt-1">{t('statements.estimate', { month: formatMonth(locale, estimate.month), total: yen(estimate.totalYen) })}</p>
        {estimate.cancellationsLowerByYen !== 0 && (
          <p className="mt-1" data-testid="estimate-cancellations">
            {estimate.cancellationsLowerByYen > 0
              ? t('statements.estimateCancellations', { amount: yen(estimate.cancellationsLowerByYen), without: yen(estimate.withoutCancellationsYen) })
              : t('statements.estimateCancellationsRaise', { amount: yen(-estimate.cancellationsLowerByYen), without: yen(estimate.withoutCancellationsYen) })}
          </p>
        )}
        <p className="mt-1 text-xs text-slate-600">{t('statements.estimateNote')}</p>
      </section>
    </div>
  );
}
