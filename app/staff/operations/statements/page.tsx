import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DoneNotice } from '@/components/staff/operations/done-notice';
import { IssueStatementsForm } from '@/components/staff/operations/statement-issue-form';
import { requireStaffPage } from '@/lib/auth/guard';
import { issuePreviewForStaff } from '@/lib/backoffice/statements';
import { getDb } from '@/lib/db';
import { formatMonth, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { isMonth, issueMonthRefusal, japanDate, monthsEndingAt } from '@/lib/rules';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.statements'))('title') };
}

/** Issue a closed month's statements: pick the month (the previous one by default), see what would be issued, issue. */
export default async function IssueStatementsPage({ searchParams }: { searchParams: Promise<{ month?: string | string[]; done?: string }> }) {
  await requireStaffPage('operator');
  const today = japanDate(new Date());
  const previous = monthsEndingAt(today.slice(0, 7), 2)[0]!;
  const { month: asked, done } = await searchParams;
  const month = typeof asked === 'string' && isMonth(asked) ? asked : previous;
  const preview = await issuePreviewForStaff(await getDb(), month);
  const notOver = issueMonthRefusal(month, today) !== null;
  const t = await getTranslations('backoffice.statements');
  const locale = (await getLocale()) as Locale;
  const yen = (n: number) => formatYen(locale, n);
  const monthName = formatMonth(locale, month);

  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <DoneNotice done={done} />
      {/* A plain GET form: works without JavaScript. */}
      <form method="get" action="/staff/operations/statements" className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col">
          <span className="text-slate-600">{t('month')}</span>
          <input type="month" name="month" defaultValue={month} required className="rounded-md border border-slate-300 bg-white px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
          {t('show')}
        </button>
      </form>

      <section aria-labelledby="issue-summary" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid="issue-summary" data-month={month}>
        <h2 id="issue-summary" className="text-base font-semibold">
          {t('summaryTitle', { month: monthName })}
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t('customers')}</dt>
          <dd data-testid="issue-customers" className="tabular-nums">
            {preview.customers}
          </dd>
          <dt className="text-slate-600">{t('alreadyIssued')}</dt>
          <dd data-testid="issue-issued" className="tabular-nums">
            {t('countAndTotal', { count: preview.issued, total: yen(preview.issuedTotalYen) })}
          </dd>
          <dt className="text-slate-600">{t('toIssue')}</dt>
          <dd data-testid="issue-left" className="tabular-nums">
            {t('countAndTotal', { count: preview.toIssue.length, total: yen(preview.toIssueTotalYen) })}
          </dd>
        </dl>
        {notOver ? (
          <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900" data-testid="issue-not-over">
            {t('notOver', { month: monthName })}
          </p>
        ) : preview.toIssue.length === 0 ? (
          <p className="mt-3 text-slate-700" data-testid="issue-nothing">
            {t('nothingLeft', { month: monthName })}
          </p>
        ) : null}
        {preview.toIssue.length > 0 && (
          <div className="relative mt-3 overflow-x-auto">
            <table className="min-w-full text-left text-sm" data-testid="issue-table">
              <caption className="sr-only">{t('tableCaption', { month: monthName })}</caption>
              <thead className="border-b border-slate-200 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('code')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('customer')}
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    {t('total')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.toIssue.map((c) => (
                  <tr key={c.id} data-testid="issue-row" data-code={c.code}>
                    <td className="py-1.5 pr-4">{c.code}</td>
                    <td className="py-1.5 pr-4">{c.name}</td>
                    <td className="py-1.5 text-right tabular-nums">{yen(c.totalYen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {/* Shown only when there is something to issue; the service judges again (month over, anything left). */}
        {!notOver && preview.toIssue.length > 0 && (
          <div className="mt-4">
            <IssueStatementsForm month={month} label={t('issue', { month: monthName })} describedBy="issue-summary" />
          </div>
        )}
      </section>
    </div>
  );
}
