import { offersChanges } from '@/lib/auth/access';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ApplyForm } from '@/components/contract/order-forms';
import { ClientMessages, FLOW_FORM_MESSAGES } from '@/components/layout/client-messages';
import { KindPicker } from '@/components/contract/kind-picker';
import { ViewOnly } from '@/components/contract/view-only';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { getClosedNetwork } from '@/lib/contracts/queries';
import { isUuid } from '@/lib/ids';
import type { OptionKind } from '@/lib/rules';

const PORTS: readonly OptionKind[] = ['onprem_port', 'cloud_port'];

export default async function ApplyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ kind?: string }>;
}) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const network = await getClosedNetwork(await getDb(), { closedNetworkId: id, customerId: actor.customerId });
  if (!network) notFound();
  const { kind: asked } = await searchParams;
  const kind = PORTS.find((k) => k === asked) ?? 'onprem_port';
  const t = await getTranslations();
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/" className="text-sm text-brand-700 underline">
        {t('contract.back')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('apply.title', { name: network.name })}</h1>
      <p className="text-sm text-slate-700">{t('apply.intro')}</p>
      {offersChanges(actor) ? (
        <>
          <KindPicker base={`/networks/${network.id}/apply`} kinds={PORTS} current={kind} />
          <ClientMessages namespaces={FLOW_FORM_MESSAGES}>
            <ApplyForm key={kind} closedNetworkId={network.id} kind={kind} />
          </ClientMessages>
        </>
      ) : (
        <ViewOnly />
      )}
    </div>
  );
}
