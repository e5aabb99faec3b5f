import { offersChanges } from '@/lib/auth/access';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages, FLOW_FORM_MESSAGES } from '@/components/layout/client-messages';
import { requireCustomer } from '@/lib/auth/guard';
import { getClosedNetwork, getContract } from '@/lib/contracts/queries';
import { getDb } from '@/lib/db';
import { isUuid } from '@/lib/ids';
import { OPTION_KINDS, type OptionKind } from '@/lib/rules';
import { KindPicker } from './kind-picker';
import { ViewOnly } from './view-only';

// The order screens: adding an option to a contract (/contracts/[id]/options/new?kind=…) and
// applying for a contract (/networks/[id]/apply?kind=…). A kind with client code of its own (a
// cloud port, a NAPT add-on) is served by a page of its own, to which next.config.mjs rewrites
// `?kind=cloud_port` / `?kind=napt`: Turbopack puts every client component a page imports into
// the page's one chunk, so one page for all kinds sent every kind's fields to the browser. The
// URLs stay as they were; these components are what those pages share.

/** The kinds a network's first application may start with. */
export const APPLY_KINDS: readonly OptionKind[] = ['onprem_port', 'cloud_port'];

/** The add-option screen of `kind`; `form` renders its form for the contract the customer may change. */
export async function AddOptionScreen({
  params,
  kind,
  form,
}: {
  params: Promise<{ id: string }>;
  kind: OptionKind;
  form: (contract: { id: string; customerId: string }) => ReactNode | Promise<ReactNode>;
}) {
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
      <h1 className="text-2xl font-semibold">{t('apply.addTitle', { number: contract.contractNumber })}</h1>
      {offersChanges(actor) ? (
        <>
          <KindPicker base={`/contracts/${contract.id}/options/new`} kinds={OPTION_KINDS} current={kind} />
          <ClientMessages namespaces={FLOW_FORM_MESSAGES}>{await form({ id: contract.id, customerId: actor.customerId })}</ClientMessages>
        </>
      ) : (
        <ViewOnly />
      )}
    </div>
  );
}

/** The application screen of `kind` for a closed network; `form` renders its form. */
export async function ApplyScreen({
  params,
  kind,
  form,
}: {
  params: Promise<{ id: string }>;
  kind: OptionKind;
  form: (network: { id: string }) => ReactNode;
}) {
  const actor = await requireCustomer();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const network = await getClosedNetwork(await getDb(), { closedNetworkId: id, customerId: actor.customerId });
  if (!network) notFound();
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
          <KindPicker base={`/networks/${network.id}/apply`} kinds={APPLY_KINDS} current={kind} />
          <ClientMessages namespaces={FLOW_FORM_MESSAGES}>{form({ id: network.id })}</ClientMessages>
        </>
      ) : (
        <ViewOnly />
      )}
    </div>
  );
}
