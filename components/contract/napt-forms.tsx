'use client';

import { NaptOrderFields, type NaptPortChoice } from './napt-order-fields';
import { OrderForm } from './order-form';

/** A NAPT add-on ordered on its own, for one of the contract's eligible public ports. */
export function AddNaptForm({ contractId, portChoices }: { contractId: string; portChoices: NaptPortChoice[] }) {
  return (
    <OrderForm
      flow="add"
      hidden={{ contractId }}
      fields={(state) => (
        <NaptOrderFields state={state} portChoices={portChoices} orderPortHref={`/contracts/${contractId}/options/new?kind=cloud_port`} />
      )}
    />
  );
}
