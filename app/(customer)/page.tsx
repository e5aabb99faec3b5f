import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OptionsTable } from '@/components/contract/options-table';
import { StatusBadge } from '@/components/contract/status-badge';
import { getDb } from '@/db/client';
import { pricesInForce } from '@/lib/billing/prices';
import { getCustomerOverview } from '@/lib/contracts/queries';
import { currentActor, requireCustomer } from '@/lib/auth/guard';
import { japanDate } from '@/lib/rules';

export default async function DashboardPage() {
  if ((await currentActor())?.kind === 'staff') redirect('/staff');
  const actor = await requireCustomer();
  const db = await getDb();
  const overview = await getCustomerOverview(db, actor.customerId);
  const prices = await pricesInForce(db, actor.customerId, japanDate(new Date()));
  const t = await getTranslations('dashboard');
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
      {!actor.canWrite && (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('readOnly')}
        </p>
      )}
      {overview.networks.length === 0 && <p>{t('noNetworks')}</p>}
      {overview.networks.map(({ network, pbbContract, contract, options }) => (
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
              <h3 className="flex items-center gap-3 font-medium">
                {t('contract', { number: contract.contractNumber })}
                <StatusBadge status={contract.status} endsOn={contract.endsOn} />
              </h3>
              <OptionsTable contractNumber={contract.contractNumber} options={options} prices={prices} />
            </div>
          ) : (
            <p className="mt-3 text-sm text-slate-600">{t('noContract')}</p>
          )}
        </section>
      ))}
    </div>
  );
}
