import { AddOptionForm } from '@/components/contract/order-forms';
import { AddOptionScreen } from '@/components/contract/order-pages';
import type { SimpleOrderKind } from '@/components/contract/order-fields';

// A cloud port and a NAPT add-on have pages of their own (./cloud-port, ./napt), to which
// next.config.mjs rewrites ?kind=cloud_port and ?kind=napt (components/contract/order-pages.tsx).
const KINDS: readonly SimpleOrderKind[] = ['onprem_port', 'pbb_expansion', 'firewall', 'static_nat'];

export default async function AddOptionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ kind?: string }>;
}) {
  const { kind: asked } = await searchParams;
  const kind = KINDS.find((k) => k === asked) ?? 'onprem_port';
  return (
    <AddOptionScreen
      params={params}
      kind={kind}
      form={(contract) => <AddOptionForm key={kind} contractId={contract.id} kind={kind} />}
    />
  );
}
