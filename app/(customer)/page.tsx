import { offersChanges } from '@/lib/auth/access';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { OptionCounts } from '@/components/contract/option-counts';
import { DASHBOARD_MAX_ROWS } from '@/components/contract/option-pages';
import { OptionsTable } from '@/components/contract/options-table';
import { StatusBadge } from '@/components/contract/status-badge';
import { getDb } from '@/lib/db';
import { currentActor, currentSupportSession, requireCustomer } from '@/lib/auth/guard';
import { pricesInForce } from '@/lib/billing/prices';
import { getCustomerOverview } from '@/lib/contracts/queries';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { japanDate } from '@/lib/rules';

export default async function DashboardPage() {
  if ((await currentActor())?.kind === 'staff' && !(await currentSupportSession())) redirect('/staff');
  const actor = await requireCustomer();
  const db = await getDb();
  const today = japanDate(new Date());
  const [overview, prices] = await Promise.all([getCustomerOverview(db, actor.customerId, today), pricesInForce(db, actor.customerId, today)]);
  const t = await getTranslations('dashboard');
  const tc = await getTranslations('contract');
  const locale = (await getLocale()) as Locale;
  if (!overview) return null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t('customer', { name: overview.customer.name, code: overview.customer.code })}
        </p>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      {!offersChanges(actor) && (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('readOnly')}
        </p>
      )}
      {overview.networks.length === 0 && <p>{t('noNetworks')}</p>}
      {overview.networks.map(({ network, pbbContract, contract, options, declined }) => (
        <section
          key={network.id}
          aria-labelledby={`network-${network.id}`}
          data-testid="network"
          className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`network-${network.id}`} className="text-lg font-semibold">
              <span className="sr-only">{t('network')}: </span>
              {network.name} <span className="font-mono text-sm font-normal text-slate-600">{network.networkCode}</span>
            </h2>
            <p className="text-xs text-slate-600">{t('pbbContract', { number: pbbContract.contractNumber })}</p>
          </div>
          {contract ? (
            <div className="mt-4 space-y-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h3 className="flex items-center gap-3 font-medium">
                  {t('contract', { number: contract.contractNumber })}
                  <StatusBadge row={contract} today={today} />
                </h3>
                <Link
                  href={`/contracts/${contract.id}`}
                  className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t('openContract', { number: contract.contractNumber })}
                </Link>
              </div>
              {options.length > DASHBOARD_MAX_ROWS ? (
                // A large contract: its counts here, each option on the contract page (page by page).
                <div data-testid="options-summary" className="space-y-3">
                  <p className="text-sm text-slate-700">{t('manyOptions', { count: options.length })}</p>
                  <OptionCounts options={options} today={today} />
                  <Link href={`/contracts/${contract.id}`} className="inline-block text-sm text-brand-700 underline" data-testid="all-options">
                    {t('allOptions', { count: options.length, number: contract.contractNumber })}
                  </Link>
                </div>
              ) : (
                <OptionsTable contractNumber={contract.contractNumber} options={options} prices={prices} today={today} />
              )}
            </div>
          ) : (
            <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-slate-600">{t('noContract')}</p>
              {declined?.decidedAt && (
                <p data-testid="declined" className="w-full rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
                  {tc('rejectedNetwork', { date: formatDate(locale, japanDate(declined.decidedAt)), reason: declined.decisionReason ?? '' })}
                </p>
              )}
              {offersChanges(actor) && (
                <Link
                  href={`/networks/${network.id}/apply`}
                  className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
                >
                  {t('applyForContract')}
                </Link>
              )}
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
