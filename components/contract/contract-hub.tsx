import { getLocale, getTranslations } from 'next-intl/server';
import type { OptionAttributes } from '@/lib/contract/types';
import type { OptionRow } from '@/lib/contracts/queries';
import { displayStatus } from '@/lib/contracts/state';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { isPublicCloud } from '@/lib/rules';
import { HubDiagram, type HubDiagramNode } from './hub-diagram';
import { summariseHub, type HubSummaryText } from './hub-summary';
import { naptTotalsByPort } from './napt-placement';
import { describeOption } from './option-details';

/** The hub picture of one contract, its options translated and, when there are many, gathered (hub-summary.ts). */
export async function ContractHub({ contractNumber, options, today }: { contractNumber: string; options: OptionRow[]; today: string }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;

  // Short enough for the picture; the table below has the full description.
  const diagramDetail = (kind: string, a: OptionAttributes) =>
    kind === 'onprem_port'
      ? [a.dataCentre, a.speed].filter(Boolean).join(' · ')
      : kind === 'cloud_port'
        ? [a.cloudType ? t(`cloudsShort.${a.cloudType}`) : null, a.speed].filter(Boolean).join(' · ')
        : describeOption(t, kind, a);
  // Each NAPT add-on is drawn under its public cloud port, which shows the total of those still running.
  const napt = naptTotalsByPort(options, (o) => displayStatus(o, today) !== 'ended');
  const nodes: HubDiagramNode[] = options.map((o) => {
    const status = displayStatus(o, today);
    const held = napt.get(o.id);
    const publicPort = o.kind === 'cloud_port' && isPublicCloud(o.attributes.cloudType) && status !== 'ended';
    const place = o.kind === 'onprem_port' ? o.attributes.dataCentre : o.kind === 'cloud_port' && o.attributes.cloudType ? t(`cloudsShort.${o.attributes.cloudType}`) : undefined;
    return {
      id: o.id,
      kind: o.kind,
      label: t(`kinds.${o.kind}`),
      detail:
        o.kind === 'napt' && o.portId && o.attributes.sessions
          ? t('contract.naptDiagram', { sessions: o.attributes.sessions })
          : diagramDetail(o.kind, o.attributes),
      status,
      statusLabel:
        status === 'ending' && o.endsOn ? t('dashboard.endsOn', { date: formatDate(locale, o.endsOn) }) : t(`status.${status}`),
      ...(o.kind === 'napt' && o.portId ? { portId: o.portId } : {}),
      ...(publicPort ? { naptTotal: held ? t('contract.naptTotalShort', { total: held.totalSessions }) : t('dashboard.naptNone') } : {}),
      ...(place ? { place } : {}),
    };
  });

  const text: HubSummaryText = {
    count: (kind, count) => t(`contract.hubCount.${kind}`, { count }),
    addOns: (count, statusLabel) => t('contract.hubAddOns', { count, status: statusLabel }),
    status: (status) => t(`status.${status}`),
    statusCount: (status, count) => t('contract.hubStatusCount', { count, status: t(`status.${status}`) }),
    more: (count) => t('contract.hubMore', { count }),
    moreDetail: t('contract.hubMoreDetail'),
  };
  const drawn = summariseHub(nodes, text);
  const gathered = drawn.some((n) => n.count);

  return (
    <HubDiagram
      title={t('contract.diagramTitle', { number: contractNumber })}
      description={`${t('contract.diagramDesc', { count: nodes.length })}${gathered ? ` ${t('contract.diagramGathered')}` : ''}`}
      hubLabel={t('contract.hub')}
      hubSublabel={contractNumber}
      backboneLabel={t('contract.backbone')}
      nodes={drawn}
      legend={{
        applied: t('legend.applied'),
        accepted: t('legend.accepted'),
        active: t('legend.active'),
        ending: t('legend.ending'),
        ended: t('legend.ended'),
      }}
      {...(gathered ? { note: t('contract.diagramGathered') } : {})}
    />
  );
}
