import { getTranslations } from 'next-intl/server';
import type { OptionRow } from '@/lib/contracts/queries';
import { displayStatus, type DisplayStatus } from '@/lib/contracts/state';
import { countByKind } from './option-pages';

const KIND_ORDER = ['onprem_port', 'cloud_port', 'napt', 'pbb_expansion', 'firewall', 'static_nat'];
const STATUS_ORDER: DisplayStatus[] = ['applied', 'accepted', 'active', 'ending', 'ended'];

/** How many options a contract holds of each kind, and in which status: the overview of a large contract. */
export async function OptionCounts({ options, today }: { options: OptionRow[]; today: string }) {
  const t = await getTranslations();
  const counts = [...countByKind(options, (o) => displayStatus(o, today))].sort(
    ([a], [b]) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b),
  );
  return (
    <dl data-testid="option-counts" className="grid gap-x-8 text-sm sm:grid-cols-2">
      {counts.map(([kind, { total, byStatus }]) => (
        <div key={kind} data-testid="option-count" data-kind={kind} data-count={total} className="flex justify-between gap-3 border-b border-slate-100 py-1.5">
          <dt className="min-w-0 text-slate-900">{t(`kinds.${kind}`)}</dt>
          <dd className="shrink-0 text-right">
            <span className="font-medium tabular-nums text-slate-900">{total}</span>
            <span className="block text-xs text-slate-600">
              {STATUS_ORDER.filter((s) => byStatus.has(s)).map((s, i) => (
                <span key={s} className="whitespace-nowrap">
                  {i > 0 && t('dashboard.listSeparator')}
                  {t('dashboard.statusCount', { status: t(`status.${s}`), count: byStatus.get(s)! })}
                </span>
              ))}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
