import { offersChanges } from '@/lib/auth/access';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AddOptionForm } from '@/components/contract/order-forms';
import { ClientMessages, FLOW_FORM_MESSAGES } from '@/components/layout/client-messages';
import { KindPicker } from '@/components/contract/kind-picker';
import { ViewOnly } from '@/components/contract/view-only';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { getContract, naptPortChoices } from '@/lib/contracts/queries';
import { isUuid } from '@/lib/ids';
import { OPTION_KINDS } from '@/lib/rules';

export default async function AddOptionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ kind?: string }>;
}) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const contract = await getContract(await getDb(), { contractId: id, customerId: actor.customerId });
  if (!contract || contract.status === 'ended') notFound();
  const { kind: asked } = await searchParams;
  const kind = OPTION_KINDS.find((k) => k === asked) ?? 'onprem_port';
  // A new NAPT add-on is offered only the ports that may take it (lib/rules naptEligiblePorts).
  const portChoices = kind === 'napt' ? await naptPortChoices(await getDb(), actor.customerId, contract.id) : undefined;
  const t = await getTranslations();
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/contracts/${contract.id}`} className="text-sm text-brand-700 underline">
        {t('receipt.backToContract')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('apply.addTitle', { number: contract.contractNumber })}</h1>
      {offersChanges(actor) ? (
        <>
          <KindPicker base={`/contracts/${contract.id}/options/new`} kinds={OPTION_KINDS} current={kind} />
          <ClientMessages namespaces={FLOW_FORM_MESSAGES}>
            <AddOptionForm key={kind} contractId={contract.id} kind={kind} portChoices={portChoices} />
          </ClientMessages>
        </>
      ) : (
        <ViewOnly />
      )}
    </div>
  );
}
