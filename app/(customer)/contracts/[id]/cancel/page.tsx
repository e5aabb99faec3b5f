import { offersChanges } from '@/lib/auth/access';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CancelContractForm } from '@/components/contract/cancel-forms';
import { ClientMessages, FLOW_FORM_MESSAGES } from '@/components/layout/client-messages';
import { ViewOnly } from '@/components/contract/view-only';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { getContract } from '@/lib/contracts/queries';
import { isUuid } from '@/lib/ids';

export default async function CancelContractPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const contract = await getContract(await getDb(), { contractId: id, customerId: actor.customerId });
  if (!contract || contract.status === 'ended') notFound();
  const t = await getTranslations();
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/contracts/${contract.id}`} className="text-sm text-brand-700 underline">
        {t('receipt.backToContract')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('cancel.titleContract', { number: contract.contractNumber })}</h1>
      <p className="text-sm text-slate-700">{t('cancel.contractIntro')}</p>
      {offersChanges(actor) ? (
        <ClientMessages namespaces={FLOW_FORM_MESSAGES}>
          <CancelContractForm contractId={contract.id} />
        </ClientMessages>
      ) : (
        <ViewOnly />
      )}
    </div>
  );
}
