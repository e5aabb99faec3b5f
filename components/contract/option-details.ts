import type { OptionAttributes } from '@/lib/contract/types';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** One line describing an option's choices, in the chosen language. */
export function describeOption(t: Translate, kind: string, a: OptionAttributes): string {
  switch (kind) {
    case 'onprem_port':
      return [
        a.line ? t(`lines.${a.line}`) : null,
        a.speed ? t('details.interface', { speed: a.speed }) : null,
        a.dataCentre ? t('details.location', { dataCentre: a.dataCentre, rack: a.rack ?? '—' }) : null,
      ]
        .filter(Boolean)
        .join(' / ');
    case 'cloud_port':
      return [
        a.cloudType ? t(`clouds.${a.cloudType}`) : null,
        a.speed ? t('details.interface', { speed: a.speed }) : null,
        a.cloudType?.endsWith('_PUBLIC') ? t('dashboard.firewallIncluded') : null,
      ]
        .filter(Boolean)
        .join(' / ');
    case 'napt':
    case 'firewall':
      return a.sessions ? t('details.sessions', { count: a.sessions }) : t('details.none');
    case 'pbb_expansion':
      return a.speed ? t('details.item', { item: a.speed }) : t('details.none');
    default:
      return t('details.none');
  }
}
