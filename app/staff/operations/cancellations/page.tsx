import { logError } from '@/lib/log';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { settleEndedCancellations } from '@/lib/backoffice/cancellations';
import { requireStaffPage } from '@/lib/auth/guard';
import {
  listEffectiveCancellationsForStaff,
  listPendingCancellationsForStaff,
  type NoticeListItem,
} from '@/lib/backoffice/queries';
import { formatDate, formatDateTime, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.cancellations'))('title') };
}

export default async function CancellationsPage() {
  await requireStaffPage('operator');
  const db = await getDb();
  // What the dates already say is written down first (idempotent): notices past their date.
  // The list is still shown if that fails; the next render tries again.
  await settleEndedCancellations(db, new Date()).catch((error: unknown) => logError('settle cancellations', error));
  const [pending, effective] = await Promise.all([listPendingCancellationsForStaff(db), listEffectiveCancellationsForStaff(db)]);
  const tb = await getTranslations('backoffice');

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{tb('cancellations.title')}</h1>
        <p className="text-sm text-slate-700">{tb('cancellations.intro')}</p>
      </div>
      <section aria-labelledby="pending-title" className="space-y-3">
        <h2 id="pending-title" className="text-lg font-semibold">
          {tb('cancellations.pendingTitle')}
        </h2>
        <NoticeTable
          notices={pending}
          caption={tb('cancellations.pendingCaption')}
          empty={tb('cancellations.pendingEmpty')}
          testId="pending-notice"
        />
      </section>
      <section aria-labelledby="effective-title" className="space-y-3">
        <h2 id="effective-title" className="text-lg font-semibold">
          {tb('cancellations.effectiveTitle')}
        </h2>
        <NoticeTable
          notices={effective}
          caption={tb('cancellations.effectiveCaption')}
          empty={tb('cancellations.effectiveEmpty')}
          testId="effective-notice"
        />
      </section>
    </div>
  );
}

async function NoticeTable({ notices, caption, empty, testId }: { notices: NoticeListItem[]; caption: string; empty: string; testId: string }) {
  const t = await getTranslations();
  const tb = await getTranslations('backoffice');
  const locale = (await getLocale()) as Locale;
  if (notices.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{tb('common.customer')}</th>
            <th scope="col" className="px-4 py-2 font-medium">{tb('cancellations.subject')}</th>
            <th scope="col" className="px-4 py-2 font-medium">{tb('cancellations.receivedAt')}</th>
            <th scope="col" className="px-4 py-2 font-medium">{tb('cancellations.effectiveDate')}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{tb('cancellations.etf')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {notices.map((n) => (
            <tr key={n.id} data-testid={testId} data-code={n.option?.code ?? n.contractNumber}>
              <td className="px-4 py-2">
                <span className="font-medium">{n.customer.name}</span>
                <span className="block font-mono text-xs text-slate-600">{n.customer.code}</span>
              </td>
              <th scope="row" className="px-4 py-2 text-left font-normal">
                {n.option
                  ? tb('cancellations.subjectOption', { kind: t(`kinds.${n.option.kind}`), code: n.option.code, contract: n.contractNumber })
                  : tb('cancellations.subjectContract', { contract: n.contractNumber })}
                {n.endingWithPort.length > 0 && (
                  <span className="block text-xs text-slate-600" data-testid="ends-with-port">
                    {tb('cancellations.endingWithPort', { count: n.endingWithPort.length, codes: n.endingWithPort.join(locale === 'ja' ? '、' : ', ') })}
                  </span>
                )}
              </th>
              <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(locale, n.receivedAt)}</td>
              <td className="px-4 py-2 whitespace-nowrap font-medium">{formatDate(locale, n.effectiveDate)}</td>
              <td className="px-4 py-2 text-right tabular-nums" data-testid="etf">
                {formatYen(locale, n.totalEarlyTerminationYen)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
