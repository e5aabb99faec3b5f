import { offersChanges } from '@/lib/auth/access';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CancelContractForm } from '@/components/contract/cancel-forms';
import { CancellationSummary } from '@/components/contract/cancellation-summary';
import { InitialPreview } from '@/components/contract/initial-preview';
import { ClientMessages, FLOW_FORM_MESSAGES } from '@/components/layout/client-messages';
import { ViewOnly } from '@/components/contract/view-only';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { getContract } from '@/lib/contracts/queries';
import { previewFlow, type FlowPreview } from '@/lib/contracts/preview';
import type { CancellationPreview } from '@/lib/contracts/types';
import type { Locale } from '@/lib/i18n/locale';
import { isUuid } from '@/lib/ids';

export default async function CancelContractPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const contract = await getContract(db, { contractId: id, customerId: actor.customerId });
  if (!contract || contract.status === 'ended') notFound();
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  // The review of the form as it opens, so the first paint shows the dates and the charge.
  const initialPreview = offersChanges(actor)
    ? ((await previewFlow(db, actor, 'cancelContract', { contractId: contract.id })) as FlowPreview<CancellationPreview>)
    : undefined;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/contracts/${contract.id}`} className="text-sm text-brand-700 underline">
        {t('receipt.backToContract')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('cancel.titleContract', { number: contract.contractNumber })}</h1>
      <p className="text-sm text-slate-700">{t('cancel.contractIntro')}</p>
      {offersChanges(actor) ? (
        <ClientMessages namespaces={FLOW_FORM_MESSAGES}>
          <CancelContractForm
            contractId={contract.id}
            initialPreview={initialPreview}
            initialView={
              <InitialPreview
                response={initialPreview}
                render={(p) => <CancellationSummary preview={p} t={t} locale={locale} onForm />}
                t={t}
                locale={locale}
              />
            }
          />
        </ClientMessages>
      ) : (
        <ViewOnly />
      )}
    </div>
  );
}
