import { useId, type JSX } from 'react';

export type HubNodeStatus = 'applied' | 'accepted' | 'active' | 'ending' | 'ended';

export interface HubDiagramNode {
  id: string;
  kind: 'onprem_port' | 'cloud_port' | 'napt' | 'pbb_expansion' | 'firewall' | 'static_nat';
  /** Already translated, e.g. 'On-premises connection port'. */
  label: string;
  /** Already translated, e.g. 'Tokyo DC1 · 1G'. Long text is cut with an ellipsis; the full text stays in a <title>. */
  detail: string;
  /** 'mixed' only for a "+N more" node standing for options of several statuses (components/contract/hub-summary.ts). */
  status: HubNodeStatus | 'mixed';
  /** Already translated, e.g. 'Active' or 'ending on 2026年12月24日'. */
  statusLabel: string;
  /** A NAPT add-on: the cloud port it is assigned to; drawn under that port (I-2). */
  portId?: string;
  /** A public cloud port: its NAPT total, already translated (e.g. 'NAPT total 510,000 sessions'). */
  naptTotal?: string;
  /** Where the picture gathers a port with others when there are many, already translated: its data centre, its cloud. */
  place?: string;
  /** A node standing for several options (hub-summary.ts): how many. Drawn as a stack. */
  count?: number;
  /** The "+N more" node of a side or of the hub. */
  more?: boolean;
}

export interface HubDiagramProps {
  /** Accessible name of the picture. */
  title: string;
  /** Accessible description of the picture. */
  description: string;
  hubLabel: string;
  hubSublabel: string;
  backboneLabel: string;
  nodes: HubDiagramNode[];
  legend: Record<HubNodeStatus, string>;
  /** Shown under the picture, e.g. that it gathers options when there are many. */
  note?: string;
}

// Everything below is in viewBox units.
const WIDTH = 920;
const MARGIN = 12;
const PORT_W = 270;
const PORT_H = 70;
const PORT_GAP = 12;
const HUB_W = 256;
const HUB_X = (WIDTH - HUB_W) / 2;
const LEFT_X = MARGIN;
const RIGHT_X = WIDTH - MARGIN - PORT_W;
const BACKBONE_W = 380;
const BACKBONE_H = 44;
const BACKBONE_Y = 12;
const CONTENT_Y = BACKBONE_Y + BACKBONE_H + 32;
const HUB_HEADER_H = 58;
const HUB_MIN_H = 68;
const PILL_W = HUB_W - 24;
const PILL_H = 38;
const PILL_GAP = 6;
const BOTTOM_PAD = 16;
const TEXT_X = 36;
// A port's NAPT add-ons hang under it, indented, one small box each.
const TOTAL_LINE_H = 18;
const SUB_INDENT = 30;
const SUB_W = PORT_W - SUB_INDENT;
const SUB_H = 38;
const SUB_GAP = 6;

// Text colours are at least 4.5:1 against the fill they sit on; strokes at least 3:1 against white.
const STYLES: Record<HubNodeStatus | 'mixed', { stroke: string; fill: string; text: string; dash?: string }> = {
  applied: { stroke: '#1d4ed8', fill: '#eff6ff', text: '#1e40af', dash: '8 5' },
  accepted: { stroke: '#1d4ed8', fill: '#eff6ff', text: '#1e40af', dash: '8 5' },
  active: { stroke: '#047857', fill: '#ecfdf5', text: '#065f46' },
  ending: { stroke: '#b45309', fill: '#fffbeb', text: '#92400e', dash: '8 5' },
  ended: { stroke: '#64748b', fill: '#f1f5f9', text: '#475569', dash: '1 5' },
  mixed: { stroke: '#475569', fill: '#ffffff', text: '#334155' },
};

/** The statuses in their lifecycle order: the legend, the gathered stacks and the counts list them so. */
export const STATUS_ORDER: readonly HubNodeStatus[] = ['applied', 'accepted', 'active', 'ending', 'ended'];

// Rough glyph widths in em, measured against DejaVu Sans (a wide fallback font) plus a little slack, so that the
// real text never overflows its box whichever sans-serif font the reader has.
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f000
  ) {
    return 1;
  }
  if (" .,:;|!'ilIjtf()[]·".includes(ch)) return 0.34;
  if ('mwMW@%'.includes(ch)) return 0.95;
  if (/[A-Z0-9]/.test(ch)) return 0.7;
  return 0.6;
}

function textWidth(text: string, fontSize: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize * (bold ? 1.13 : 1);
}

/** Cuts text to fit maxWidth, ending it with an ellipsis when it had to be cut. */
function fit(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const budget = maxWidth - fontSize;
  let shown = '';
  for (const ch of text) {
    if (textWidth(shown + ch, fontSize, bold) > budget) break;
    shown += ch;
  }
  return `${shown.trimEnd()}…`;
}

function fullText(node: HubDiagramNode): string {
  return [node.label, node.detail, node.statusLabel].filter((part) => part.length > 0).join(' — ');
}

function StatusGlyph({ status, cx, cy }: { status: HubNodeStatus | 'mixed'; cx: number; cy: number }) {
  const { stroke } = STYLES[status];
  switch (status) {
    case 'active':
      return (
        <g>
          <circle cx={cx} cy={cy} r={6} fill={stroke} />
          <path
            d={`M${cx - 3} ${cy + 0.2}l2 2.2l4.2-4.6`}
            fill="none"
            stroke="#ffffff"
            strokeWidth={1.7}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </g>
      );
    case 'applied':
    case 'accepted':
      return (
        <g>
          <circle cx={cx} cy={cy} r={5} fill="#ffffff" stroke={stroke} strokeWidth={1.8} />
          {status === 'accepted' && <circle cx={cx} cy={cy} r={2} fill={stroke} />}
        </g>
      );
    case 'ending':
      return (
        <g>
          <circle cx={cx} cy={cy} r={6.5} fill={stroke} />
          <line x1={cx} y1={cy - 3.6} x2={cx} y2={cy + 0.6} stroke="#ffffff" strokeWidth={1.9} strokeLinecap="round" />
          <circle cx={cx} cy={cy + 3.2} r={1.1} fill="#ffffff" />
        </g>
      );
    case 'ended':
      return (
        <g>
          <circle cx={cx} cy={cy} r={6} fill={stroke} />
          <line x1={cx - 3} y1={cy} x2={cx + 3} y2={cy} stroke="#ffffff" strokeWidth={1.8} strokeLinecap="round" />
        </g>
      );
    case 'mixed':
      return (
        <g fill={stroke}>
          <circle cx={cx - 4} cy={cy} r={1.6} />
          <circle cx={cx} cy={cy} r={1.6} />
          <circle cx={cx + 4} cy={cy} r={1.6} />
        </g>
      );
  }
}

function DataCentreIcon({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${x} ${y})`} fill="none" stroke="#334155" strokeWidth={1.5} strokeLinejoin="round">
      <rect x={2} y={1} width={16} height={18} rx={2} />
      <line x1={2} y1={7} x2={18} y2={7} />
      <line x1={2} y1={13} x2={18} y2={13} />
      <circle cx={5.5} cy={4} r={0.9} fill="#334155" stroke="none" />
      <circle cx={5.5} cy={10} r={0.9} fill="#334155" stroke="none" />
      <circle cx={5.5} cy={16} r={0.9} fill="#334155" stroke="none" />
    </g>
  );
}

function CloudIcon({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${x} ${y})`} fill="none" stroke="#334155" strokeWidth={1.5} strokeLinejoin="round">
      <path d="M5.5 16.5h10a3.6 3.6 0 0 0 .3-7.2a5.2 5.2 0 0 0-10-1.3a4.3 4.3 0 0 0-.3 8.5z" />
    </g>
  );
}

/** Behind a node standing for several options: a second outline, offset, so it reads as a stack. */
function Stack({ node, x, y, width, height, rx }: { node: HubDiagramNode; x: number; y: number; width: number; height: number; rx: number }) {
  if (!node.count || node.more) return null;
  const style = STYLES[node.status];
  return <rect x={x + 4} y={y + 4} width={width} height={height} rx={rx} fill="#ffffff" stroke={style.stroke} strokeWidth={1.25} strokeDasharray={style.dash} />;
}

/** The attributes that let a reader (and a test) tell what a node stands for. */
function nodeData(node: HubDiagramNode) {
  return {
    'data-testid': 'hub-node',
    'data-status': node.status,
    'data-kind': node.kind,
    ...(node.count ? { 'data-count': node.count } : {}),
  };
}

const portBoxHeight = (node: HubDiagramNode) => PORT_H + (node.naptTotal ? TOTAL_LINE_H : 0);

/** The height of each port's block: its box and the NAPT add-ons under it. */
function blockHeights(ports: HubDiagramNode[], subs: Map<string, HubDiagramNode[]>): number[] {
  return ports.map((p) => portBoxHeight(p) + (subs.get(p.id)?.length ?? 0) * (SUB_GAP + SUB_H));
}

function columnHeight(blocks: number[]): number {
  return blocks.length === 0 ? 0 : blocks.reduce((a, b) => a + b, 0) + (blocks.length - 1) * PORT_GAP;
}

/** The top of each block in a column starting at y. */
function blockTops(blocks: number[], y: number): number[] {
  const tops: number[] = [];
  let at = y;
  for (const h of blocks) {
    tops.push(at);
    at += h + PORT_GAP;
  }
  return tops;
}

/**
 * Where the links of one side meet the hub's edge, top to bottom so that they never cross. They keep the ports'
 * own spacing (straight lines) while the hub is tall enough, and fan in otherwise.
 */
function anchors(count: number, hubY: number, hubH: number): number[] {
  const mid = hubY + hubH / 2;
  if (count <= 1) return [mid];
  const spread = Math.min(hubH - 36, (count - 1) * (PORT_H + PORT_GAP));
  return Array.from({ length: count }, (_, i) => mid - spread / 2 + (i * spread) / (count - 1));
}

function PortNode({
  node,
  side,
  y,
  anchorY,
}: {
  node: HubDiagramNode;
  side: 'left' | 'right';
  y: number;
  anchorY: number;
}) {
  const style = STYLES[node.status];
  const x = side === 'left' ? LEFT_X : RIGHT_X;
  const boxH = portBoxHeight(node);
  const cy = y + boxH / 2;
  const fromX = side === 'left' ? x + PORT_W : x;
  const toX = side === 'left' ? HUB_X : HUB_X + HUB_W;
  const midX = (fromX + toX) / 2;
  const textWidthMax = PORT_W - TEXT_X - 8;
  return (
    <g {...nodeData(node)}>
      <title>{fullText(node)}</title>
      <path
        d={`M${fromX} ${cy}C${midX} ${cy} ${midX} ${anchorY} ${toX} ${anchorY}`}
        fill="none"
        stroke={style.stroke}
        strokeWidth={2.5}
        strokeDasharray={style.dash}
        strokeLinecap={node.status === 'ended' ? 'round' : 'butt'}
      />
      <Stack node={node} x={x} y={y} width={PORT_W} height={boxH} rx={8} />
      <rect
        x={x}
        y={y}
        width={PORT_W}
        height={boxH}
        rx={8}
        fill={style.fill}
        stroke={style.stroke}
        strokeWidth={node.status === 'ended' ? 2.2 : 1.75}
        strokeDasharray={style.dash}
        strokeLinecap={node.status === 'ended' ? 'round' : 'butt'}
      />
      {side === 'left' ? <DataCentreIcon x={x + 9} y={y + 9} /> : <CloudIcon x={x + 9} y={y + 9} />}
      <text x={x + TEXT_X} y={y + 22} fontSize={13} fontWeight={600} fill="#0f172a">
        {fit(node.label, textWidthMax, 13, true)}
      </text>
      <text x={x + TEXT_X} y={y + 40} fontSize={12} fill="#334155">
        {fit(node.detail, textWidthMax, 12)}
      </text>
      <StatusGlyph status={node.status} cx={x + TEXT_X + 6} cy={y + 55} />
      <text x={x + TEXT_X + 17} y={y + 59.5} fontSize={12} fontWeight={600} fill={style.text}>
        {fit(node.statusLabel, textWidthMax - 17, 12, true)}
      </text>
      {node.naptTotal && (
        <text x={x + TEXT_X} y={y + 78} fontSize={12} fontWeight={600} fill="#0f172a" data-testid="hub-napt-total">
          {fit(node.naptTotal, textWidthMax, 12, true)}
        </text>
      )}
    </g>
  );
}

/** A NAPT add-on under its port: a short connector from the port's left side, then a small box. */
function NaptNode({ node, portTop, portBoxH, y }: { node: HubDiagramNode; portTop: number; portBoxH: number; y: number }) {
  const style = STYLES[node.status];
  const x = RIGHT_X + SUB_INDENT;
  const textX = x + 28;
  const textWidthMax = SUB_W - 28 - 8;
  const railX = RIGHT_X + SUB_INDENT / 2;
  return (
    <g {...nodeData(node)} data-port={node.portId}>
      <title>{fullText(node)}</title>
      <path
        d={`M${railX} ${portTop + portBoxH}V${y + SUB_H / 2}H${x}`}
        fill="none"
        stroke={style.stroke}
        strokeWidth={1.75}
        strokeDasharray={style.dash}
      />
      <Stack node={node} x={x} y={y} width={SUB_W} height={SUB_H} rx={6} />
      <rect
        x={x}
        y={y}
        width={SUB_W}
        height={SUB_H}
        rx={6}
        fill={style.fill}
        stroke={style.stroke}
        strokeWidth={node.status === 'ended' ? 2.2 : 1.5}
        strokeDasharray={style.dash}
        strokeLinecap={node.status === 'ended' ? 'round' : 'butt'}
      />
      <StatusGlyph status={node.status} cx={x + 14} cy={y + SUB_H / 2} />
      <text x={textX} y={y + 16} fontSize={12} fontWeight={600} fill="#0f172a">
        {fit(node.detail, textWidthMax, 12, true)}
      </text>
      <text x={textX} y={y + 31} fontSize={12} fill={style.text}>
        {fit(node.statusLabel, textWidthMax, 12)}
      </text>
    </g>
  );
}

function AddOnNode({ node, y }: { node: HubDiagramNode; y: number }) {
  const style = STYLES[node.status];
  const x = HUB_X + (HUB_W - PILL_W) / 2;
  const textX = x + 30;
  const textWidthMax = PILL_W - 30 - 14;
  const label = fit(node.label, textWidthMax, 12, true);
  const room = textWidthMax - textWidth(label, 12, true);
  const detail = label === node.label && node.detail && room >= 40 ? fit(` · ${node.detail}`, room, 12) : '';
  return (
    <g {...nodeData(node)}>
      <title>{fullText(node)}</title>
      <Stack node={node} x={x} y={y} width={PILL_W} height={PILL_H} rx={PILL_H / 2} />
      <rect
        x={x}
        y={y}
        width={PILL_W}
        height={PILL_H}
        rx={PILL_H / 2}
        fill={style.fill}
        stroke={style.stroke}
        strokeWidth={node.status === 'ended' ? 2.2 : 1.75}
        strokeDasharray={style.dash}
        strokeLinecap={node.status === 'ended' ? 'round' : 'butt'}
      />
      <StatusGlyph status={node.status} cx={x + 16} cy={y + PILL_H / 2} />
      <text x={textX} y={y + 16} fontSize={12} fontWeight={600} fill="#0f172a">
        {label}
        {detail && <tspan fontWeight={400}>{detail}</tspan>}
      </text>
      <text x={textX} y={y + 31} fontSize={12} fill={style.text}>
        {fit(node.statusLabel, textWidthMax, 12)}
      </text>
    </g>
  );
}

function LegendSwatch({ status }: { status: HubNodeStatus }) {
  const style = STYLES[status];
  return (
    <svg width={44} height={16} viewBox="0 0 44 16" aria-hidden="true" focusable="false" className="shrink-0">
      <line
        x1={2}
        y1={8}
        x2={28}
        y2={8}
        stroke={style.stroke}
        strokeWidth={2.5}
        strokeDasharray={style.dash}
        strokeLinecap={status === 'ended' ? 'round' : 'butt'}
      />
      <StatusGlyph status={status} cx={36} cy={8} />
    </svg>
  );
}

/**
 * Picture of one Smart HUB contract: the private backbone above the hub, on-premises ports (data centres) on the
 * left, cloud ports on the right with their NAPT add-ons under each, and the other add-ons as pills inside the hub. Status is shown by colour, line style and a
 * glyph, and the visible status text. All text comes in translated through props.
 */
export function HubDiagram({
  title,
  description,
  hubLabel,
  hubSublabel,
  backboneLabel,
  nodes,
  legend,
  note,
}: HubDiagramProps): JSX.Element {
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;

  const left = nodes.filter((node) => node.kind === 'onprem_port');
  const right = nodes.filter((node) => node.kind === 'cloud_port');
  const rightIds = new Set(right.map((node) => node.id));
  // A NAPT add-on is drawn under its port; one whose port is not in the picture stays in the hub.
  const underPort = (node: HubDiagramNode) => node.kind === 'napt' && !!node.portId && rightIds.has(node.portId);
  const subs = new Map<string, HubDiagramNode[]>();
  for (const node of nodes) if (underPort(node)) subs.set(node.portId!, [...(subs.get(node.portId!) ?? []), node]);
  const addOns = nodes.filter((node) => node.kind !== 'onprem_port' && node.kind !== 'cloud_port' && !underPort(node));

  const leftBlocks = blockHeights(left, subs);
  const rightBlocks = blockHeights(right, subs);
  const pillsH = addOns.length === 0 ? 0 : addOns.length * PILL_H + (addOns.length - 1) * PILL_GAP + 12;
  const hubH = Math.max(HUB_MIN_H, HUB_HEADER_H + pillsH, Math.max(left.length, right.length) * 28 + 36);
  const contentH = Math.max(columnHeight(leftBlocks), columnHeight(rightBlocks), hubH);
  const height = CONTENT_Y + contentH + BOTTOM_PAD;
  const hubY = CONTENT_Y + (contentH - hubH) / 2;
  const leftTops = blockTops(leftBlocks, CONTENT_Y + (contentH - columnHeight(leftBlocks)) / 2);
  const rightTops = blockTops(rightBlocks, CONTENT_Y + (contentH - columnHeight(rightBlocks)) / 2);
  const leftAnchors = anchors(left.length, hubY, hubH);
  const rightAnchors = anchors(right.length, hubY, hubH);
  const centreX = WIDTH / 2;
  const backboneX = centreX - BACKBONE_W / 2;

  return (
    <div className="space-y-3">
      {/* Scrolls sideways on narrow screens rather than shrinking the text below a readable size. */}
      <div className="relative overflow-x-auto" tabIndex={0}>
        <svg
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          data-testid="hub-diagram"
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          // Classes, not a style attribute: the Content-Security-Policy refuses inline styles.
          className="mx-auto block h-auto min-w-[680px] max-w-[1000px] font-[inherit]"
          fontFamily="inherit"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>

          <g>
            <title>{backboneLabel}</title>
            <line x1={centreX} y1={BACKBONE_Y + BACKBONE_H} x2={centreX} y2={hubY} stroke="#4338ca" strokeWidth={4} />
            <rect
              x={backboneX}
              y={BACKBONE_Y}
              width={BACKBONE_W}
              height={BACKBONE_H}
              rx={BACKBONE_H / 2}
              fill="#eef2ff"
              stroke="#4338ca"
              strokeWidth={2}
            />
            <text
              x={centreX}
              y={BACKBONE_Y + BACKBONE_H / 2 + 5}
              textAnchor="middle"
              fontSize={14}
              fontWeight={600}
              fill="#312e81"
            >
              {fit(backboneLabel, BACKBONE_W - 40, 14, true)}
            </text>
          </g>

          <g>
            <title>{`${hubLabel} ${hubSublabel}`.trim()}</title>
            <rect
              x={HUB_X}
              y={hubY}
              width={HUB_W}
              height={hubH}
              rx={14}
              fill="#eef6ff"
              stroke="#174c99"
              strokeWidth={2.5}
            />
            <text x={centreX} y={hubY + 26} textAnchor="middle" fontSize={15} fontWeight={700} fill="#0f2f5c">
              {fit(hubLabel, HUB_W - 24, 15, true)}
            </text>
            <text x={centreX} y={hubY + 44} textAnchor="middle" fontSize={12} fill="#174c99">
              {fit(hubSublabel, HUB_W - 24, 12)}
            </text>
          </g>

          {left.map((node, i) => (
            <PortNode key={node.id} node={node} side="left" y={leftTops[i] ?? CONTENT_Y} anchorY={leftAnchors[i] ?? hubY + hubH / 2} />
          ))}
          {right.map((node, i) => {
            const top = rightTops[i] ?? CONTENT_Y;
            const boxH = portBoxHeight(node);
            return (
              <g key={node.id}>
                <PortNode node={node} side="right" y={top} anchorY={rightAnchors[i] ?? hubY + hubH / 2} />
                {(subs.get(node.id) ?? []).map((sub, j) => (
                  <NaptNode key={sub.id} node={sub} portTop={top} portBoxH={boxH} y={top + boxH + SUB_GAP + j * (SUB_GAP + SUB_H)} />
                ))}
              </g>
            );
          })}
          {addOns.map((node, i) => (
            <AddOnNode key={node.id} node={node} y={hubY + HUB_HEADER_H + i * (PILL_H + PILL_GAP)} />
          ))}
        </svg>
      </div>
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-700">
        {STATUS_ORDER.map((status) => (
          <li key={status} className="flex items-center gap-2">
            <LegendSwatch status={status} />
            <span>{legend[status]}</span>
          </li>
        ))}
      </ul>
      {note && (
        <p className="text-sm text-slate-600" data-testid="hub-note">
          {note}
        </p>
      )}
    </div>
  );
}
