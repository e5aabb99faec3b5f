// The display logic of a large contract: the hub picture's gathered nodes and the table's pages
// (components/contract/hub-summary.ts, option-pages.ts), on the largest customer's add-ons.
import { describe, expect, it } from 'vitest';
import type { HubDiagramNode } from '@/components/contract/hub-diagram';
import { HUB_LIMITS, summariseHub, type HubSummaryText } from '@/components/contract/hub-summary';
import { countByKind, optionPages, pageNumber } from '@/components/contract/option-pages';
import { largeContractOptions } from '@/lib/demo/large-contract';

const text: HubSummaryText = {
  count: (kind, count) => `${count} × ${kind}`,
  addOns: (count, status) => `${count} add-ons · ${status}`,
  status: (status) => status,
  statusCount: (status, count) => `${count} ${status}`,
  more: (count) => `+${count} more`,
  moreDetail: 'in the table',
};

const rows = largeContractOptions({ customerId: 'c', contractId: 'k', codePrefix: 'L', count: 200, billingStartDate: '2026-01-01' }).map(
  (o) => ({ ...o, id: o.id ?? o.code }),
);

function nodesOf(options: typeof rows, status: (i: number) => HubDiagramNode['status'] = () => 'active'): HubDiagramNode[] {
  return options.map((o, i) => ({
    id: o.id,
    kind: o.kind,
    label: o.kind,
    detail: o.code,
    status: status(i),
    statusLabel: status(i),
    ...(o.portId ? { portId: o.portId } : {}),
    ...(o.kind === 'onprem_port' ? { place: o.attributes?.dataCentre } : {}),
    ...(o.kind === 'cloud_port' ? { place: o.attributes?.cloudType } : {}),
  }));
}

const total = (nodes: HubDiagramNode[]) => nodes.reduce((n, node) => n + (node.count ?? 1), 0);

describe('summariseHub', () => {
  it('draws a small contract node by node, unchanged', () => {
    const nodes = nodesOf(rows.slice(0, 10));
    expect(summariseHub(nodes, text)).toEqual(nodes);
  });

  it('gathers 200 options into a few nodes whose counts add up to 200', () => {
    const drawn = summariseHub(nodesOf(rows), text);
    expect(drawn.length).toBeLessThanOrEqual(16);
    expect(total(drawn)).toBe(200);
    const onprem = drawn.filter((n) => n.kind === 'onprem_port');
    expect(onprem.map((n) => [n.label, n.detail])).toEqual([
      ['20 × onprem_port', 'Tokyo DC1 (Otemachi)'],
      ['20 × onprem_port', 'Tokyo DC3 (Shiroi)'],
      ['20 × onprem_port', 'Osaka DC2 (Dojima)'],
      ['20 × onprem_port', 'Nagoya DC1 (Sakae)'],
    ]);
    // The NAPT add-ons of the 20 public ports hang, counted, under the node that stands for those ports.
    const publicPorts = drawn.find((n) => n.kind === 'cloud_port' && n.detail === 'M2_PUBLIC');
    const napt = drawn.filter((n) => n.kind === 'napt');
    expect(napt).toEqual([expect.objectContaining({ portId: publicPorts?.id, count: 40, detail: '40 × napt' })]);
    expect(drawn.filter((n) => n.kind === 'firewall')).toEqual([expect.objectContaining({ count: 20, statusLabel: '20 add-ons · active' })]);
  });

  it('keeps the statuses apart, and folds what is past the limit into "+N more"', () => {
    // Every third option ends: each of the four places gets an active and an ending node, eight in all, past a limit of six.
    const drawn = summariseHub(nodesOf(rows, (i) => (i % 3 === 0 ? 'ending' : 'active')), text, { ...HUB_LIMITS, nodes: 6 });
    expect(total(drawn)).toBe(200);
    const left = drawn.filter((n) => n.kind === 'onprem_port');
    expect(left).toHaveLength(6);
    const more = left[left.length - 1]!;
    expect(more).toMatchObject({ more: true, label: `+${more.count} more`, status: 'mixed' });
    expect(more.statusLabel).toMatch(/^\d+ active · \d+ ending$/);
    for (const node of drawn.filter((n) => !n.more)) expect(['active', 'ending']).toContain(node.status);
  });
});

describe('optionPages', () => {
  it('cuts 200 options into pages of at most 30 rows, a port always with its NAPT add-ons', () => {
    const pages = optionPages(rows);
    expect(pages.flat()).toHaveLength(200);
    expect(new Set(pages.flat().map((r) => r.id)).size).toBe(200);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(30);
      expect(page[0]!.kind).not.toBe('napt');
      const ids = new Set(page.map((r) => r.id));
      for (const r of page) if (r.portId) expect(ids.has(r.portId)).toBe(true);
    }
  });

  it('is one page for a few options', () => {
    expect(optionPages(rows.slice(0, 10))).toHaveLength(1);
    expect(optionPages([])).toEqual([[]]);
  });

  it.each([
    [undefined, 1],
    ['2', 2],
    [['3', '4'], 3],
    ['0', 1],
    ['-1', 1],
    ['1.5', 1],
    ['x', 1],
  ] as const)('?page=%j is page %i', (value, page) => {
    expect(pageNumber(value as string | string[] | undefined)).toBe(page);
  });
});

describe('countByKind', () => {
  it('counts each kind and its statuses', () => {
    const counts = countByKind(rows, (r) => (r.code.endsWith('1') ? 'ending' : 'active'));
    expect(counts.get('onprem_port')?.total).toBe(80);
    expect(counts.get('napt')?.total).toBe(40);
    expect([...counts.values()].reduce((n, c) => n + c.total, 0)).toBe(200);
    expect(counts.get('onprem_port')?.byStatus.get('ending')).toBe(20);
  });
});
