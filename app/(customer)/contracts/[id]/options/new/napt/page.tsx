import { AddNaptForm } from '@/components/contract/napt-forms';
import { AddOptionScreen } from '@/components/contract/order-pages';
import { naptPortChoices } from '@/lib/contracts/queries';
import { getDb } from '@/lib/db';

/** /contracts/[id]/options/new?kind=napt (rewritten here by next.config.mjs). */
export default function AddNaptPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <AddOptionScreen
      params={params}
      kind="napt"
      form={async (contract) => (
        // A new NAPT add-on is offered only the ports that may take it (lib/rules naptEligiblePorts).
        <AddNaptForm contractId={contract.id} portChoices={await naptPortChoices(await getDb(), contract.customerId, contract.id)} />
      )}
    />
  );
}
