// Where each NAPT add-on sits: under its public cloud port (I-2). Pure, for the options table, the
// hub picture and the operators' screens; the counting itself is lib/rules naptByPort.
import { naptByPort, type OptionKind } from '@/lib/rules';

interface Placed {
  id: string;
  kind: OptionKind;
  portId?: string | null;
  attributes: { sessions?: number };
}

/** NAPT totals by port id, counting only the options `counts` keeps (e.g. not ended). */
export function naptTotalsByPort<T extends Placed>(rows: readonly T[], counts: (row: T) => boolean = () => true) {
  return naptByPort(
    rows
      .filter(counts)
      .map((o) => ({ id: o.id, kind: o.kind, portId: o.portId ?? undefined, sessions: o.attributes.sessions })),
  );
}

/** The rows in their order, except that each NAPT add-on follows its port (a NAPT whose port is not listed keeps its place). */
export function withNaptUnderPorts<T extends { id: string; kind: string; portId?: string | null }>(rows: readonly T[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const placed = (r: T) => r.kind === 'napt' && !!r.portId && ids.has(r.portId);
  // Each port's NAPT add-ons in their order, gathered once (not a scan of every row per row).
  const under = new Map<string, T[]>();
  for (const n of rows) if (placed(n)) under.set(n.portId!, [...(under.get(n.portId!) ?? []), n]);
  const out: T[] = [];
  for (const r of rows) {
    if (placed(r)) continue;
    out.push(r, ...(under.get(r.id) ?? []));
  }
  return out;
}
