// The option catalog of Art. 4.2 (R-CATALOG), the add-on limits of I-2 (R-ADDON-QUANTITY)
// and the interface upgrade paths of Art. 4.4 (R-M2-UPGRADE-ONLY).
import type { CloudType, NewOption, OptionKind, PremisesLine, Speed } from './types';

export const OPTION_KINDS: readonly OptionKind[] = [
  'onprem_port',
  'cloud_port',
  'napt',
  'pbb_expansion',
  'firewall',
  'static_nat',
];
export const CLOUD_TYPES: readonly CloudType[] = ['A_PRIVATE', 'A_PUBLIC', 'M_PRIVATE', 'M_PUBLIC', 'M2_PUBLIC'];
/** Cloud types whose port carries the built-in firewall function and qualifies napt / static_nat. */
export const PUBLIC_CLOUD_TYPES: readonly CloudType[] = ['A_PUBLIC', 'M_PUBLIC', 'M2_PUBLIC'];
/** Cloud types whose port qualifies the firewall option. */
export const PRIVATE_CLOUD_TYPES: readonly CloudType[] = ['A_PRIVATE', 'M_PRIVATE'];
export const SPEEDS: readonly Speed[] = ['100M', '300M', '500M', '1G', '2G', '5G', '10G'];
export const PREMISES_LINES: readonly PremisesLine[] = ['optical', 'individual'];
export const ONPREM_SPEEDS: readonly Speed[] = ['1G', '10G'];
export const NAPT_SESSIONS: readonly number[] = [30_000, 60_000, 120_000, 240_000, 480_000];
export const FIREWALL_SESSIONS: readonly number[] = [500_000, 1_000_000, 2_000_000, 3_000_000, 4_000_000];
export const PBB_EXPANSION_ITEMS: readonly Speed[] = ['5G', '10G'];

/** How many options of a kind one contract may hold at a time (I-2); absent kinds are unlimited. */
export const ADDON_LIMITS: Readonly<Partial<Record<OptionKind, number>>> = {
  pbb_expansion: 1,
  firewall: 1,
  static_nat: 8,
};

/** I-2: NAPT add-ons are counted per public cloud port, not per contract: 1 to 8 on each. */
export const NAPT_PER_PORT_LIMIT = 8;

/**
 * R-CLOUD-CONDITIONS (Art. 4.3): the four conditions a customer confirms when ordering a cloud
 * port — the cloud operator's terms, the cloud-side setup, disclosure of the cloud information
 * (account or subscription ID and connection key or ID) with prompt notice of changes, and
 * support for the cloud itself being between the customer and the cloud operator.
 */
export const CLOUD_CONDITIONS = ['operator_terms', 'cloud_side_setup', 'disclose_cloud_info', 'cloud_support_elsewhere'] as const;
export type CloudCondition = (typeof CLOUD_CONDITIONS)[number];

/** R-CLOUD-CONDITIONS: the conditions not yet confirmed; [] when a cloud port may be ordered. */
export function missingCloudConditions(confirmed: readonly string[]): CloudCondition[] {
  return CLOUD_CONDITIONS.filter((c) => !confirmed.includes(c));
}

const STANDARD_CLOUD_SPEEDS: readonly Speed[] = ['1G', '2G', '5G', '10G'];
const M2_UPGRADE_RANGE: readonly Speed[] = ['100M', '300M', '500M', '1G'];

function includes<T>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

export function isOptionKind(value: unknown): value is OptionKind {
  return includes(OPTION_KINDS, value);
}

/** Ports are the options Art. 4.1 requires one of: on-premises and cloud connection ports. */
export function isPort(kind: unknown): boolean {
  return kind === 'onprem_port' || kind === 'cloud_port';
}

export function isPublicCloud(type: unknown): boolean {
  return includes(PUBLIC_CLOUD_TYPES, type);
}

export function isPrivateCloud(type: unknown): boolean {
  return includes(PRIVATE_CLOUD_TYPES, type);
}

/** The interfaces a cloud port of this type may have (Art. 4.2(2)). */
export function cloudPortSpeeds(type: CloudType): Speed[] {
  if (type === 'M2_PUBLIC') return [...SPEEDS];
  return includes(CLOUD_TYPES, type) ? [...STANDARD_CLOUD_SPEEDS] : [];
}

/** R-M2-UPGRADE-ONLY: the interfaces an M2_PUBLIC port at `current` may move up to; [] where none. */
export function m2UpgradeTargets(current: Speed): Speed[] {
  const at = M2_UPGRADE_RANGE.indexOf(current);
  return at < 0 ? [] : M2_UPGRADE_RANGE.slice(at + 1);
}

/** R-CATALOG: what is wrong with an option's fields, in plain English; [] when it is in the catalog. */
export function catalogProblems(option: NewOption): string[] {
  const { kind } = option;
  if (!isOptionKind(kind)) return [`${JSON.stringify(kind)} is not an option kind`];
  const problems: string[] = [];
  const allowed = new Set<keyof NewOption>(['kind', ...fieldsOf(kind)]);
  for (const field of ['cloudType', 'speed', 'line', 'sessions'] as const) {
    if (option[field] !== undefined && !allowed.has(field)) problems.push(`${kind} has no ${field}`);
  }
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${kind} needs ${what}`);
  };
  switch (kind) {
    case 'onprem_port':
      need(includes(PREMISES_LINES, option.line), `line in ${PREMISES_LINES.join('/')}`);
      need(includes(ONPREM_SPEEDS, option.speed), `interface in ${ONPREM_SPEEDS.join('/')}`);
      break;
    case 'cloud_port': {
      const typeOk = includes(CLOUD_TYPES, option.cloudType);
      need(typeOk, `cloudType in ${CLOUD_TYPES.join('/')}`);
      if (typeOk) {
        const speeds = cloudPortSpeeds(option.cloudType as CloudType);
        need(includes(speeds, option.speed), `interface in ${speeds.join('/')} for ${option.cloudType}`);
      }
      break;
    }
    case 'napt':
      need(includes(NAPT_SESSIONS, option.sessions), `sessions in ${NAPT_SESSIONS.join('/')}`);
      break;
    case 'firewall':
      need(includes(FIREWALL_SESSIONS, option.sessions), `sessions in ${FIREWALL_SESSIONS.join('/')}`);
      break;
    case 'pbb_expansion':
      need(includes(PBB_EXPANSION_ITEMS, option.speed), `item in ${PBB_EXPANSION_ITEMS.join('/')}`);
      break;
    case 'static_nat':
      break;
  }
  return problems;
}

function fieldsOf(kind: OptionKind): (keyof NewOption)[] {
  switch (kind) {
    case 'onprem_port':
      return ['line', 'speed'];
    case 'cloud_port':
      return ['cloudType', 'speed'];
    case 'napt':
    case 'firewall':
      return ['sessions'];
    case 'pbb_expansion':
      return ['speed'];
    case 'static_nat':
      return [];
  }
}
