// Which nodes the hub picture draws when a contract holds many options (display logic only, pure):
// up to a few per column one by one, as always; beyond that the options of one kind, place and
// status become one node that says how many ("12 on-premises ports", "Tokyo DC1"), and beyond a
// few such nodes the rest become "+N more". The options table lists every option.
import { STATUS_ORDER, type HubDiagramNode, type HubNodeStatus } from './hub-diagram';

export const HUB_LIMITS = {
  /** Ports of one side drawn one by one; more are gathered. */
  ports: 8,
  /** Add-ons drawn one by one inside the hub; more are gathered. */
  addOns: 6,
  /** Nodes of one side (or inside the hub) once gathered; the rest become one "+N more" node. */
  nodes: 8,
} as const;

/** The words of the gathered nodes, already translated. */
export interface HubSummaryText {
  /** '12 on-premises ports', '3 cloud ports', '24 NAPT add-ons'. */
  count: (kind: 'onprem_port' | 'cloud_port' | 'napt', count: number) => string;
  /** The status line of a gathered add-on pill: '20 add-ons · Active'. */
  addOns: (count: number, statusLabel: string) => string;
  /** 'Active', for a group whose members' own status texts differ (e.g. different end dates). */
  status: (status: HubNodeStatus) => string;
  /** One status of a mixed "+N more" node: '30 Active'. */
  statusCount: (status: HubNodeStatus, count: number) => string;
  /** '+37 more'. */
  more: (count: number) => string;
  /** 'listed in the table below'. */
  moreDetail: string;
}

type Limits = { ports: number; addOns: number; nodes: number };

/** Members in first-seen order of their key. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

const countOf = (node: HubDiagramNode) => node.count ?? 1;
const shared = (values: string[]) => (values.every((v) => v === values[0]) ? values[0] : undefined);

/** Folds the nodes past `limit` into one "+N more" node of their kind. */
function capped(nodes: HubDiagramNode[], limit: number, text: HubSummaryText): { kept: HubDiagramNode[]; folded?: { node: HubDiagramNode; members: HubDiagramNode[] } } {
  if (nodes.length <= limit) return { kept: nodes };
  const kept = nodes.slice(0, limit - 1);
  const rest = nodes.slice(limit - 1);
  const byStatus = new Map<HubNodeStatus, number>();
  for (const n of rest) if (n.status !== 'mixed') byStatus.set(n.status, (byStatus.get(n.status) ?? 0) + countOf(n));
  const statuses = STATUS_ORDER.filter((s) => byStatus.has(s));
  const only = statuses.length === 1 && rest.every((n) => n.status !== 'mixed') ? statuses[0] : undefined;
  const count = rest.reduce((sum, n) => sum + countOf(n), 0);
  const node: HubDiagramNode = {
    id: `more:${rest[0]!.id}`,
    kind: rest[0]!.kind,
    label: text.more(count),
    detail: text.moreDetail,
    status: only ?? 'mixed',
    statusLabel: only ? text.status(only) : statuses.map((s) => text.statusCount(s, byStatus.get(s)!)).join(' · '),
    count,
    more: true,
  };
  return { kept, folded: { node, members: rest } };
}

/** One node for several options of one kind, place and status. */
function gathered(members: HubDiagramNode[], label: string, detail: string, statusLabel: string): HubDiagramNode {
  const first = members[0]!;
  return { id: `group:${first.id}`, kind: first.kind, label, detail, status: first.status, statusLabel, count: members.length };
}

const statusLabelOf = (members: HubDiagramNode[], text: HubSummaryText) =>
  shared(members.map((m) => m.statusLabel)) ?? text.status(members[0]!.status as HubNodeStatus);

/** A column of ports, gathered by place and status when there are more than the limit. */
function portColumn(ports: HubDiagramNode[], limits: Limits, text: HubSummaryText) {
  if (ports.length <= limits.ports) return { nodes: ports, memberOf: new Map<string, string>() };
  const memberOf = new Map<string, string>(); // port id → the id of the node it is drawn in
  const groups = groupBy(ports, (p) => `${p.place ?? ''}\u0000${p.status}`).map((members) => {
    if (members.length === 1) return members[0]!;
    const kind = members[0]!.kind === 'onprem_port' ? 'onprem_port' : 'cloud_port';
    const node = gathered(
      members,
      text.count(kind, members.length),
      shared(members.map((m) => m.detail)) ?? members[0]!.place ?? '',
      statusLabelOf(members, text),
    );
    for (const m of members) memberOf.set(m.id, node.id);
    return node;
  });
  const { kept, folded } = capped(groups, limits.nodes, text);
  if (!folded) return { nodes: kept, memberOf };
  for (const g of folded.members) {
    if (!g.count) memberOf.set(g.id, folded.node.id);
    for (const [port, node] of memberOf) if (node === g.id) memberOf.set(port, folded.node.id);
  }
  return { nodes: [...kept, folded.node], memberOf };
}

/**
 * The nodes the picture draws for these options: all of them while each column is small (so a
 * contract of a few options looks as it always has), otherwise gathered as described above. A
 * gathered node carries `count`, the number of options it stands for; the counts of all drawn
 * nodes add up to the number of options.
 */
export function summariseHub(nodes: readonly HubDiagramNode[], text: HubSummaryText, limits: Limits = HUB_LIMITS): HubDiagramNode[] {
  const left = nodes.filter((n) => n.kind === 'onprem_port');
  const right = nodes.filter((n) => n.kind === 'cloud_port');
  const rightIds = new Set(right.map((n) => n.id));
  const underPort = (n: HubDiagramNode) => n.kind === 'napt' && !!n.portId && rightIds.has(n.portId);
  const subs = nodes.filter(underPort);
  const addOns = nodes.filter((n) => n.kind !== 'onprem_port' && n.kind !== 'cloud_port' && !underPort(n));
  if (left.length <= limits.ports && right.length <= limits.ports && addOns.length <= limits.addOns) return [...nodes];

  const leftColumn = portColumn(left, limits, text);
  const rightColumn = portColumn(right, limits, text);
  // A NAPT add-on under a port that is drawn in a gathered node is counted under that node, by status.
  const drawnSubs = [
    ...subs.filter((n) => !rightColumn.memberOf.has(n.portId!)),
    ...groupBy(
      subs.filter((n) => rightColumn.memberOf.has(n.portId!)),
      (n) => `${rightColumn.memberOf.get(n.portId!)}\u0000${n.status}`,
    ).map((members) => {
      const portId = rightColumn.memberOf.get(members[0]!.portId!)!;
      if (members.length === 1) return { ...members[0]!, portId };
      return { ...gathered(members, text.count('napt', members.length), text.count('napt', members.length), statusLabelOf(members, text)), portId };
    }),
  ];

  let hubNodes = addOns;
  if (addOns.length > limits.addOns) {
    const groups = groupBy(addOns, (n) => `${n.kind}\u0000${n.status}`).map((members) =>
      members.length === 1
        ? members[0]!
        : gathered(members, members[0]!.label, shared(members.map((m) => m.detail)) ?? '', text.addOns(members.length, statusLabelOf(members, text))),
    );
    const { kept, folded } = capped(groups, limits.nodes, text);
    hubNodes = folded ? [...kept, folded.node] : kept;
  }
  return [...leftColumn.nodes, ...rightColumn.nodes, ...drawnSubs, ...hubNodes];
}
