import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CloudInfoForm } from '@/components/contract/cloud-info-form';
import { ClientMessages, CLOUD_INFO_MESSAGES } from '@/components/layout/client-messages';
import { ViewOnly } from '@/components/contract/view-only';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { maskKey } from '@/lib/contracts/cloud-keys';
import { getOptionPage } from '@/lib/contracts/queries';
import { isUuid } from '@/lib/ids';

export default async function CloudInfoPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const page = await getOptionPage(await getDb(), { optionId: id, customerId: actor.customerId });
  if (!page || page.option.kind !== 'cloud_port' || page.option.status === 'ended') notFound();
  const { option, contract } = page;
  const t = await getTranslations();
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/contracts/${contract.id}`} className="text-sm text-brand-700 underline">
        {t('receipt.backToContract')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('cloudInfo.title', { code: option.code })}</h1>
      <p className="text-sm text-slate-700">{t('cloudInfo.intro')}</p>
      {/* Only who may change the cloud information sees the key whole (view-only support sees it masked). */}
      {actor.canWrite ? (
        <ClientMessages namespaces={CLOUD_INFO_MESSAGES}>
          <CloudInfoForm
            optionId={option.id}
            cloudAccountId={option.attributes.cloudAccountId ?? ''}
            cloudConnectionKey={option.attributes.cloudConnectionKey ?? ''}
          />
        </ClientMessages>
      ) : (
        <>
          <dl className="text-sm">
            <dt className="text-slate-600">{t('form.cloudAccountId')}</dt>
            <dd className="mb-2 font-mono">{option.attributes.cloudAccountId}</dd>
            <dt className="text-slate-600">{t('form.cloudConnectionKey')}</dt>
            <dd className="font-mono" data-testid="cloud-connection-key">
              {maskKey(option.attributes.cloudConnectionKey)}
            </dd>
          </dl>
          <ViewOnly />
        </>
      )}
    </div>
  );
}
