import { ApplyCloudPortForm } from '@/components/contract/cloud-port-forms';
import { ApplyScreen } from '@/components/contract/order-pages';

/** /networks/[id]/apply?kind=cloud_port (rewritten here by next.config.mjs). */
export default function ApplyCloudPortPage({ params }: { params: Promise<{ id: string }> }) {
  return <ApplyScreen params={params} kind="cloud_port" form={(network) => <ApplyCloudPortForm closedNetworkId={network.id} />} />;
}
