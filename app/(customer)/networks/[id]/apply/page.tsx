import { ApplyForm } from '@/components/contract/order-forms';
import { ApplyScreen } from '@/components/contract/order-pages';

// A cloud port has a page of its own (./cloud-port), to which next.config.mjs rewrites
// ?kind=cloud_port (components/contract/order-pages.tsx).
export default function ApplyPage({ params }: { params: Promise<{ id: string }> }) {
  return <ApplyScreen params={params} kind="onprem_port" form={(network) => <ApplyForm closedNetworkId={network.id} kind="onprem_port" />} />;
}
