import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

const tone: Record<string, BadgeTone> = { applied: 'blue', accepted: 'blue', active: 'green', ended: 'grey' };

export async function StatusBadge({ status, endsOn }: { status: string; endsOn?: string | null }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (endsOn && status !== 'ended') {
    return <Badge tone="amber">{t('dashboard.endsOn', { date: formatDate(locale, endsOn) })}</Badge>;
  }
  return <Badge tone={tone[status] ?? 'grey'}>{t(`status.${status}`)}</Badge>;
}
