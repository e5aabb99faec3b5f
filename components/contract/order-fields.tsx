'use client';

import type { FormState } from '@/lib/form-state';
// From the modules themselves: the lib/rules index would bring every rule into the browser.
import { FIREWALL_SESSIONS, ONPREM_SPEEDS, PBB_EXPANSION_ITEMS, PREMISES_LINES } from '@/lib/rules/catalog';
import type { OptionKind } from '@/lib/rules/types';
import { useOrderFieldKit } from './order-field-kit';

// The fields of an order. A cloud port (cloud-port-fields.tsx) and a NAPT add-on
// (napt-order-fields.tsx) have modules of their own, used by pages of their own (order-pages.tsx),
// so that a page loads the code of its own kind's fields only; the shared builders are in
// order-field-kit.tsx. Every choice comes from the catalog in lib/rules.

/** The kinds whose fields are here. */
export type SimpleOrderKind = Exclude<OptionKind, 'cloud_port' | 'napt'>;

/** The fields of a premises port, a firewall, a PBB expansion or a static NAT add-on. */
export function OrderFields({ kind, state }: { kind: SimpleOrderKind; state: FormState }) {
  const { t, select, textInput } = useOrderFieldKit(state);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="kind" value={kind} />
      {kind === 'onprem_port' && (
        <>
          {select('line', t('form.line'), PREMISES_LINES.map((l) => ({ value: l, label: t(`lines.${l}`) })))}
          {select('speed', t('form.speed'), ONPREM_SPEEDS.map((s) => ({ value: s, label: s })))}
          {textInput('dataCentre', t('form.dataCentre'), 100)}
          {textInput('rack', t('form.rack'), 50)}
        </>
      )}
      {kind === 'firewall' &&
        select('sessions', t('form.sessions'), FIREWALL_SESSIONS.map((n) => ({ value: String(n), label: t('details.sessions', { count: n }) })))}
      {kind === 'pbb_expansion' && select('speed', t('form.item'), PBB_EXPANSION_ITEMS.map((s) => ({ value: s, label: s })))}
      {kind === 'static_nat' && <p className="text-sm text-slate-600 sm:col-span-2">{t('kinds.static_nat')}</p>}
    </div>
  );
}
