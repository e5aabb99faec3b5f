import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { displayStatus } from '@/lib/contracts/state';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

const tone: Record<string, BadgeTone> = { applied: 'blue', accepted: 'blue', active: 'green', ended: 'grey', ending: 'amber' };

type Row = { status: 'applied' | 'accepted' | 'active' | 'ended'; endsOn: string | null };
type Translate = (key: string, values?: Record<string, string>) => string;

/** The badge of a row, for a caller that has the translations at hand already (e.g. once for a whole table). */
export function statusBadgeOf(t: Translate, locale: Locale, row: Row, today: string) {
  const status = displayStatus(row, today);
  return (
    <Badge tone={tone[status] ?? 'grey'}>
      {status === 'ending' && row.endsOn ? t('dashboard.endsOn', { date: formatDate(locale, row.endsOn) }) : t(`status.${status}`)}
    </Badge>
  );
}

/** applied / accepted / active / ending on D / ended, derived from the dates (correct after any restart). */
export async function StatusBadge({ row, today }: { row: Row; today: string }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  return statusBadgeOf(t, locale, row, today);
}
