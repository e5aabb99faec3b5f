import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { priceFor, priceItemKey, type PriceRow } from '@/lib/billing/prices';
import type { OptionRow } from '@/lib/contracts/queries';
import { displayStatus } from '@/lib/contracts/state';
import { formatDate, formatYen } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { consumptionTaxYen, isLiveOn, isPort, isPublicCloud, minimumTermLastDay } from '@/lib/rules';
import { naptTotalsByPort } from './napt-placement';
import { describeOption } from './option-details';
import { optionPages } from './option-pages';
import { statusBadgeOf } from './status-badge';

// The cells' classes are set once on the table body rather than on every cell of every row: a
// contract of hundreds of options repeated them hundreds of times in the page and its RSC payload.
// Columns: 1 option, 2 details, 3 status, 4 billing start, 5 minimum use period, 6 monthly fee, 7 actions.
const BODY = [
  'divide-y divide-slate-100 text-slate-700',
  '[&>tr>*]:py-3 [&>tr>*]:pr-4 [&>tr>*]:align-top',
  '[&>tr>th]:min-w-36 [&>tr>th]:font-medium [&>tr>th]:text-slate-900',
  '[&>tr>th>div]:font-mono [&>tr>th>div]:text-xs [&>tr>th>div]:font-normal [&>tr>th>div]:text-slate-600',
  '[&>tr>td:nth-child(2)]:min-w-40',
  '[&>tr>td:nth-child(4)]:whitespace-nowrap [&>tr>td:nth-child(5)]:whitespace-nowrap',
  '[&>tr>td:nth-child(6)]:whitespace-nowrap [&>tr>td:nth-child(6)]:text-right [&>tr>td:nth-child(6)]:tabular-nums [&>tr>td:nth-child(6)]:text-slate-900',
  // Secondary lines (the port a NAPT add-on is assigned to, the tax) and the links.
  '[&_td>p]:text-xs [&_td>p]:text-slate-600 [&_a]:text-brand-700 [&_a]:underline',
].join(' ');

export async function OptionsTable({
  contractNumber,
  options,
  prices,
  today,
  canWrite = false,
  page = 1,
  pageHref,
}: {
  contractNumber: string;
  options: OptionRow[];
  prices: Map<string, PriceRow>;
  today: string;
  /** Shows the change / cancel links (admins only; the server checks again). */
  canWrite?: boolean;
  /** With many options, the page shown (1-based, see option-pages.ts) and the address the page links add `?page=` to. */
  page?: number;
  pageHref?: string;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (options.length === 0) return <p className="text-sm text-slate-600">{t('dashboard.noOptions')}</p>;
  // Each NAPT add-on sits under its public cloud port, which shows the total of those still running.
  const napt = naptTotalsByPort(options, (o) => displayStatus(o, today) !== 'ended');
  const codeOf = new Map(options.map((o) => [o.id, o.code] as const));
  const pages = pageHref ? optionPages(options) : [optionPages(options, Infinity)[0]!];
  const shown = Math.min(Math.max(1, page), pages.length);
  const rows = pages[shown - 1]!;
  const first = pages.slice(0, shown - 1).reduce((n, p) => n + p.length, 0) + 1;
  const paged = pages.length > 1 && pageHref;
  return (
    <div className="space-y-3">
      {paged && (
        <p className="text-sm text-slate-700" data-testid="options-range">
          {t('contract.pageRange', { from: first, to: first + rows.length - 1, total: options.length })}
        </p>
      )}
      {/* `relative`: the links' screen-reader text is absolutely placed; without a positioned scroll box it
          escapes the box and widens the whole page on a phone. */}
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">
            {t('dashboard.optionsCaption', { number: contractNumber })}
            {paged && ` (${t('contract.pageRange', { from: first, to: first + rows.length - 1, total: options.length })})`}
          </caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 [&_th]:py-2 [&_th]:pr-4 [&_th]:font-medium">
            <tr>
              <th scope="col">{t('dashboard.kind')}</th>
              <th scope="col">{t('dashboard.details')}</th>
              <th scope="col">{t('dashboard.status')}</th>
              <th scope="col">{t('dashboard.billingStart')}</th>
              <th scope="col">{t('contract.minimumTermLastDay')}</th>
              <th scope="col" className="text-right">{t('dashboard.monthlyFee')}</th>
              {canWrite && <th scope="col" className="pr-0!">{t('contract.actions')}</th>}
            </tr>
          </thead>
          <tbody className={`${BODY}${canWrite ? ' [&>tr>td:last-child]:pr-0' : ''}`}>
            {rows.map((option) => {
              const price = priceFor(prices, option.kind, priceItemKey(option.kind, option.attributes));
              const lastDay = option.billingStartDate ? minimumTermLastDay(option.kind, option.billingStartDate) : null;
              const status = displayStatus(option, today);
              const live = isLiveOn(option, today);
              const onPort = option.kind === 'napt' && option.portId ? codeOf.get(option.portId) : undefined;
              const publicPort = option.kind === 'cloud_port' && isPublicCloud(option.attributes.cloudType);
              const held = napt.get(option.id);
              const code = <span className="sr-only"> {option.code}</span>;
              return (
                <tr key={option.id} data-testid="option-row" data-code={option.code} data-port={onPort}>
                  <th scope="row" className={onPort ? 'pl-4' : undefined}>
                    {onPort && <span aria-hidden="true" className="mr-1 text-slate-500">↳</span>}
                    {t(`kinds.${option.kind}`)}
                    <div>{option.code}</div>
                  </th>
                  <td>
                    {describeOption(t, option.kind, option.attributes)}
                    {onPort && <p>{t('dashboard.naptOnPort', { code: onPort })}</p>}
                    {publicPort && status !== 'ended' && (
                      <div className="text-xs font-medium text-slate-800" data-testid="napt-total">
                        {held
                          ? t('dashboard.naptTotal', { count: held.naptIds.length, total: held.totalSessions })
                          : t('dashboard.naptNone')}
                      </div>
                    )}
                  </td>
                  <td>{statusBadgeOf(t, locale, option, today)}</td>
                  <td>{formatDate(locale, option.billingStartDate)}</td>
                  <td>{lastDay ? formatDate(locale, lastDay) : isPort(option.kind) ? '—' : t('contract.noMinimum')}</td>
                  <td>
                    {price ? formatYen(locale, price.monthlyYen) : '—'}
                    {price && <p>{t('fees.tax', { amount: formatYen(locale, consumptionTaxYen(price.monthlyYen)) })}</p>}
                  </td>
                  {canWrite && (
                    <td>
                      <div className="flex flex-wrap gap-2">
                        {live && (
                          <Link href={`/options/${option.id}/change`} prefetch={false}>
                            {t('contract.change')}
                            {code}
                          </Link>
                        )}
                        {live && (
                          <Link href={`/options/${option.id}/cancel`} prefetch={false}>
                            {t('contract.cancel')}
                            {code}
                          </Link>
                        )}
                        {option.kind === 'cloud_port' && status !== 'ended' && (
                          <Link href={`/options/${option.id}/cloud-info`} prefetch={false}>
                            {t('contract.cloudInfo')}
                            {code}
                          </Link>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {paged && <PageLinks page={shown} count={pages.length} href={pageHref} label={t('contract.pagesLabel')} t={t} />}
    </div>
  );
}

type Translate = (key: string, values?: Record<string, number>) => string;

/** Links to each page of the table (plain links: they work without JavaScript), back to the table's heading. */
function PageLinks({ page, count, href, label, t }: { page: number; count: number; href: string; label: string; t: Translate }) {
  const to = (n: number) => `${href}${n === 1 ? '' : `?page=${n}`}#options-title`;
  const link = 'rounded-md border border-slate-300 px-3 py-1.5 text-brand-700 hover:bg-slate-50';
  return (
    <nav aria-label={label} data-testid="options-pages">
      <ul className="flex flex-wrap items-center gap-2 text-sm">
        {page > 1 && (
          <li>
            <Link href={to(page - 1)} className={link} rel="prev">
              {t('contract.previousPage')}
            </Link>
          </li>
        )}
        {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white">
                <span className="sr-only">{t('contract.pageNumber', { page: n })}</span>
                <span aria-hidden="true">{n}</span>
              </span>
            ) : (
              <Link href={to(n)} className={link} aria-label={t('contract.pageNumber', { page: n })}>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < count && (
          <li>
            <Link href={to(page + 1)} className={link} rel="next">
              {t('contract.nextPage')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
