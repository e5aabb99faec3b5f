import { offersChanges } from '@/lib/auth/access';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cancelOptionHelp } from '@/components/contract/cancel-help';
import { CancelOptionForm } from '@/components/contract/cancel-forms';
import { CancellationSummary } from '@/components/contract/cancellation-summary';
import { InitialPreview } from '@/components/contract/initial-preview';
import { ClientMessages, FLOW_FORM_MESSAGES } from '@/components/layout/client-messages';
import { describeOption } from '@/components/contract/option-details';
import { ViewOnly } from '@/components/contract/view-only';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { unendedOptions } from '@/lib/contract/lock';
import { getOptionPage } from '@/lib/contracts/queries';
import { previewFlow, type FlowPreview } from '@/lib/contracts/preview';
import type { CancellationPreview } from '@/lib/contracts/types';
import type { Locale } from '@/lib/i18n/locale';
import { isUuid } from '@/lib/ids';
import { portCancellationBlockers } from '@/lib/rules';

export default async function CancelOptionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const page = await getOptionPage(db, { optionId: id, customerId: actor.customerId });
  if (!page || page.option.status === 'ended') notFound();
  const { option, contract } = page;
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  // The add-ons that would block this cancellation, named by the rule they rely on (lib/rules).
  const held = await unendedOptions(db, { contractId: contract.id, customerId: actor.customerId });
  const blockers = Object.fromEntries(
    Object.entries(portCancellationBlockers(held)).map(([rule, addOns]) => [rule, (addOns ?? []).map((a) => `${t(`kinds.${a.kind}`)} ${a.code}`)]),
  );
  const port = option.kind === 'napt' && option.portId ? held.find((o) => o.id === option.portId) : undefined;
  const alternatives = { contractId: contract.id, blockers, port: port ? { id: port.id, code: port.code } : undefined };
  // The review of the form as it opens, so the first paint shows the dates and the charge.
  const initialPreview = offersChanges(actor)
    ? ((await previewFlow(db, actor, 'cancelOption', { optionId: option.id })) as FlowPreview<CancellationPreview>)
    : undefined;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/contracts/${contract.id}`} className="text-sm text-brand-700 underline">
        {t('receipt.backToContract')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('cancel.titleOption', { kind: t(`kinds.${option.kind}`), code: option.code })}</h1>
      <p className="text-sm text-slate-700">{describeOption(t, option.kind, option.attributes)}</p>
      {offersChanges(actor) ? (
        <ClientMessages namespaces={FLOW_FORM_MESSAGES}>
          <CancelOptionForm
            optionId={option.id}
            alternatives={alternatives}
            initialPreview={initialPreview}
            initialView={
              <InitialPreview
                response={initialPreview}
                render={(p) => <CancellationSummary preview={p} t={t} locale={locale} onForm />}
                extra={cancelOptionHelp(alternatives, t)}
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
