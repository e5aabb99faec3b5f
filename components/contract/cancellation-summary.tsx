import type { CancellationPreview } from '@/lib/contracts/types';
import { formatDate, formatMonth, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { InterruptionNotice } from './interruption-notice';
import { UseDateButton } from './use-date-button';

/**
 * The dates and the early termination charge of a cancellation (R-EFFECTIVE-DATE, R-ETF), and the
 * cheapest end date where a later one owes less; `onForm`: beside the form's date field, with a
 * button that puts that date in it.
 */
export function CancellationSummary({ preview, t, locale, onForm = false }: { preview: CancellationPreview; t: Translate; locale: Locale; onForm?: boolean }) {
  const date = (d: string | null) => (d ? formatDate(locale, d) : t('cancel.notRequested'));
  const yen = (n: number) => formatYen(locale, n);
  const monthName = (month: string) => formatMonth(locale, month);
  const withPort = preview.ending.filter((e) => e.endsWithPort);
  return (
    <div data-testid="cancellation-summary" className="space-y-4">
      <InterruptionNotice interruptions={preview.interruptions} t={t} />
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">{t('cancel.noticeDate')}</dt>
        <dd data-testid="notice-date">{date(preview.noticeDate)}</dd>
        <dt className="text-slate-600">{t('cancel.earliestDate')}</dt>
        <dd data-testid="earliest-date">{date(preview.earliestDate)}</dd>
        <dt className="text-slate-600">{t('cancel.requestedDate')}</dt>
        <dd data-testid="requested-date">{date(preview.requestedDate)}</dd>
        <dt className="font-medium">{t('cancel.effectiveDate')}</dt>
        <dd data-testid="effective-date" className="font-semibold">
          {date(preview.effectiveDate)}
        </dd>
      </dl>
      {withPort.length > 0 && (
        <div data-testid="ending-with-port">
          <p className="text-sm font-medium">{t('cancel.withPortIntro')}</p>
          <ul className="mt-1 ml-4 list-disc text-sm">
            {withPort.map((e) => (
              <li key={e.optionId} data-testid="ends-with-port" data-code={e.code}>
                {e.endsEarlier && e.endsOn
                  ? t('cancel.endsBeforePort', { kind: t(`kinds.${e.kind}`), code: e.code, port: e.endsWithPort ?? '', date: formatDate(locale, e.endsOn) })
                  : t('cancel.endsWithPort', { kind: t(`kinds.${e.kind}`), code: e.code, port: e.endsWithPort ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3 className="font-medium">{t('cancel.etfTitle')}</h3>
        <ul className="mt-2 space-y-3 text-sm">
          {preview.ending.map((e) => (
            <li key={e.optionId} data-testid="etf-row" data-code={e.code}>
              <p>
                {e.minimumTermLastDay
                  ? t('cancel.etfRow', { kind: t(`kinds.${e.kind}`), code: e.code, lastDay: formatDate(locale, e.minimumTermLastDay) })
                  : `${t(`kinds.${e.kind}`)} ${e.code}`}
              </p>
              {!e.billingStartDate && e.minimumTermLastDay === null && e.kind.endsWith('port') ? (
                <p className="text-slate-600">{t('cancel.etfNotStarted')}</p>
              ) : e.earlyTermination && e.earlyTermination.totalYen > 0 ? (
                <div className="text-slate-700">
                  <ul className="ml-4 list-disc">
                    {e.earlyTermination.months.map((m) => (
                      <li key={m.month} className="tabular-nums">
                        {t('cancel.etfArithmetic', {
                          days: m.days,
                          daysInMonth: m.daysInMonth,
                          month: monthName(m.month),
                          monthly: yen(e.monthlyFeeYen),
                        })}
                      </li>
                    ))}
                  </ul>
                  <p className="font-medium tabular-nums" data-testid="etf-amount">
                    = {yen(e.earlyTermination.totalYen)}
                  </p>
                </div>
              ) : (
                <p className="text-slate-600">{t('cancel.etfNone')}</p>
              )}
            </li>
          ))}
        </ul>
        <p className="mt-3 flex flex-wrap items-baseline justify-between gap-2 border-t border-slate-300 pt-2 font-semibold">
          <span>{t('cancel.etfTotal')}</span>
          <span data-testid="etf-total" className="tabular-nums">
            {yen(preview.totalEarlyTerminationYen)}
            <span className="ml-2 text-xs font-normal text-slate-600">
              {t('fees.tax', { amount: yen(preview.taxOnEarlyTerminationYen) })}
            </span>
          </span>
        </p>
        <p className="mt-1 text-xs text-slate-600">{t('cancel.etfRounding')}</p>
      </div>
      {preview.cheapest && (
        <section data-testid="cheapest-date" aria-labelledby="cheapest-title" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950">
          <h3 id="cheapest-title" className="font-medium">
            {t('cancel.cheapestTitle', { date: formatDate(locale, preview.cheapest.date) })}
          </h3>
          <p className="mt-1">
            {t('cancel.cheapestBody', {
              date: formatDate(locale, preview.cheapest.date),
              then: yen(preview.cheapest.totalEarlyTerminationYen),
              now: yen(preview.totalEarlyTerminationYen),
              saves: yen(preview.cheapest.savesYen),
            })}
          </p>
          {onForm && (
            <div className="mt-2">
              <UseDateButton date={preview.cheapest.date} label={t('cancel.cheapestUse', { date: formatDate(locale, preview.cheapest.date) })} />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
