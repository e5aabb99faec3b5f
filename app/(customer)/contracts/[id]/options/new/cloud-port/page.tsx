import { AddCloudPortForm } from '@/components/contract/cloud-port-forms';
import { AddOptionScreen } from '@/components/contract/order-pages';

/** /contracts/[id]/options/new?kind=cloud_port (rewritten here by next.config.mjs). */
export default function AddCloudPortPage({ params }: { params: Promise<{ id: string }> }) {
  return <AddOptionScreen params={params} kind="cloud_port" form={(contract) => <AddCloudPortForm contractId={contract.id} />} />;
}
