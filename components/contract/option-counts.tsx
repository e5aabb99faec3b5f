import { getTranslations } from 'next-intl/server';
import type { OptionRow } from '@/lib/contracts/queries';
import { displayStatus } from '@/lib/contracts/state';
import { OPTION_KINDS } from '@/lib/rules';
import { STATUS_ORDER } from './hub-diagram';
import { countByKind } from './option-pages';

/** How many options a contract holds of each kind, and in which status: the overview of a large contract. */
export async function OptionCounts({ options, today }: { options: OptionRow[]; today: string }) {
  const t = await getTranslations();
  const counts = [...countByKind(options, (o) => displayStatus(o, today))].sort(
    ([a], [b]) => OPTION_KINDS.indexOf(a) - OPTION_KINDS.indexOf(b),
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
