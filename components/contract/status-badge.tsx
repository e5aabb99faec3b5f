import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { displayStatus } from '@/lib/contracts/state';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

const tone: Record<string, BadgeTone> = { applied: 'blue', accepted: 'blue', active: 'green', ended: 'grey', ending: 'amber' };

/** applied / accepted / active / ending on D / ended, derived from the dates (correct after any restart). */
export async function StatusBadge({
  row,
  today,
}: {
  row: { status: 'applied' | 'accepted' | 'active' | 'ended'; endsOn: string | null };
  today: string;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const status = displayStatus(row, today);
  return (
    <Badge tone={tone[status] ?? 'grey'}>
      {status === 'ending' && row.endsOn ? t('dashboard.endsOn', { date: formatDate(locale, row.endsOn) }) : t(`status.${status}`)}
    </Badge>
  );
}
