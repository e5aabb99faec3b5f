'use client';

import { CloudPortFields } from './cloud-port-fields';
import { OrderForm } from './order-form';

/** A new contract's first port on a cloud, with its NAPT add-ons. */
export function ApplyCloudPortForm({ closedNetworkId }: { closedNetworkId: string }) {
  return <OrderForm flow="apply" hidden={{ closedNetworkId }} fields={(state) => <CloudPortFields state={state} />} />;
}

/** A cloud port added to a contract, with its NAPT add-ons. */
export function AddCloudPortForm({ contractId }: { contractId: string }) {
  return <OrderForm flow="add" hidden={{ contractId }} fields={(state) => <CloudPortFields state={state} />} />;
}
