'use client';

import { OrderFields, type SimpleOrderKind } from './order-fields';
import { OrderForm } from './order-form';

// The orders of a premises port, a firewall, a PBB expansion or a static NAT add-on. A cloud port
// (cloud-port-forms.tsx) and a NAPT add-on (napt-forms.tsx) have modules and pages of their own:
// Turbopack puts every client component of a page into one chunk, so a page per kind is what
// keeps the other kinds' fields out of the page's first load (order-pages.tsx).

export function ApplyForm({ closedNetworkId, kind }: { closedNetworkId: string; kind: SimpleOrderKind }) {
  return <OrderForm flow="apply" hidden={{ closedNetworkId }} fields={(state) => <OrderFields kind={kind} state={state} />} />;
}

export function AddOptionForm({ contractId, kind }: { contractId: string; kind: SimpleOrderKind }) {
  return <OrderForm flow="add" hidden={{ contractId }} fields={(state) => <OrderFields kind={kind} state={state} />} />;
}
