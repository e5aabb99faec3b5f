import { getLocale, getTranslations } from 'next-intl/server';
import { formatAvailability, formatDateTime, formatMonth } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { MonthAvailability } from '@/lib/rules';

const WIDTH = 720;
const BARS = 150;
const STRIP = 36;

/**
 * Availability per month for the last 12 months and each outage on a time line (SVG), with the
 * same figures as a table and a sentence, so a screen reader gets all of it.
 */
export async function AvailabilityChart({
  months,
  outages,
  from,
  to,
}: {
  months: MonthAvailability[];
  outages: { id: string; startedAt: Date; endedAt: Date | null }[];
  /** The time line's span (the first month's start, now). */
  from: Date;
  to: Date;
}) {
  const t = await getTranslations('sla');
  const locale = (await getLocale()) as Locale;
  const worst = months.reduce((w, m) => (m.availability < w.availability ? m : w), months[0]!);
  const total = months.reduce((n, m) => n + m.outageMinutes, 0);
  const count = outages.length;
  const summary = t('pictureSummary', {
    count,
    hours: Math.floor(total / 60),
    minutes: total % 60,
    worst: formatAvailability(locale, worst.availability),
    month: formatMonth(locale, worst.month),
  });
  const most = Math.max(60, ...months.map((m) => m.outageMinutes));
  const slot = WIDTH / months.length;
  const span = Math.max(1, to.getTime() - from.getTime());
  const x = (at: Date) => Math.min(WIDTH, Math.max(0, ((at.getTime() - from.getTime()) / span) * WIDTH));

  return (
    <section aria-labelledby="availability-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="availability">
      <h2 id="availability-title" className="text-base font-semibold">
        {t('pictureTitle')}
      </h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="availability-summary">
        {summary}
      </p>
      <div className="relative mt-3 overflow-x-auto">
        <svg viewBox={`0 0 ${WIDTH} ${BARS + STRIP + 40}`} width="100%" role="img" aria-labelledby="availability-svg-title availability-svg-desc" className="min-w-[36rem]">
          <title id="availability-svg-title">{t('pictureTitle')}</title>
          <desc id="availability-svg-desc">{summary}</desc>
          {months.map((m, i) => {
            const h = (m.outageMinutes / most) * (BARS - 20);
            return (
              <g key={m.month}>
                <rect x={i * slot + slot * 0.2} y={BARS - h} width={slot * 0.6} height={Math.max(h, m.outageMinutes > 0 ? 2 : 0)} className="fill-amber-500" />
                <line x1={i * slot} x2={(i + 1) * slot} y1={BARS} y2={BARS} className="stroke-slate-300" />
                <text x={i * slot + slot / 2} y={BARS + 14} textAnchor="middle" className="fill-slate-600 text-[10px]">
                  {m.month.slice(2).replace('-', '/')}
                </text>
              </g>
            );
          })}
          <rect x={0} y={BARS + 24} width={WIDTH} height={STRIP - 16} className="fill-emerald-100" />
          {outages.map((o) => {
            const start = x(o.startedAt);
            return <rect key={o.id} x={start} y={BARS + 20} width={Math.max(2, x(o.endedAt ?? to) - start)} height={STRIP - 8} className="fill-red-600" />;
          })}
        </svg>
      </div>
      <p className="mt-1 text-xs text-slate-600">{t('pictureLegend', { from: formatDateTime(locale, from), to: formatDateTime(locale, to) })}</p>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{t('pictureTable')}</summary>
        <div className="relative mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="availability-table">
            <caption className="sr-only">{t('pictureTitle')}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">{t('pictureMonth')}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{t('pictureOutages')}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{t('pictureDowntime')}</th>
                <th scope="col" className="py-1 font-medium">{t('pictureAvailability')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row" className="py-1 pr-4 font-normal">{formatMonth(locale, m.month)}</th>
                  <td className="py-1 pr-4 tabular-nums">{m.outages}</td>
                  <td className="py-1 pr-4 tabular-nums">{t('downtime', { hours: Math.floor(m.outageMinutes / 60), minutes: m.outageMinutes % 60 })}</td>
                  <td className="py-1 tabular-nums">{formatAvailability(locale, m.availability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
