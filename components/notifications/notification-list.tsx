import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { markReadAction } from '@/lib/notify/actions';
import type { InboxItem } from '@/lib/notify/inbox';

/** The inbox, newest first: each notice with its facts and link; unread ones marked, with a form to mark them read (none for support staff). */
export function NotificationList({ items, locale, t, readOnly }: { items: InboxItem[]; locale: Locale; t: Translate; readOnly: boolean }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  const unread = items.some((i) => !i.readAt);
  return (
    <div className="space-y-3">
      {!readOnly && unread && (
        <form action={markReadAction}>
          <input type="hidden" name="all" value="1" />
          <Button type="submit" variant="secondary" data-testid="mark-all-read">
            {t('markAllRead')}
          </Button>
        </form>
      )}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {items.map((item) => {
          const isUnread = !readOnly && !item.readAt;
          return (
            <li key={item.id} data-testid="notification" data-unread={isUnread ? 'true' : 'false'} className={`flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between ${isUnread ? 'bg-sky-50' : ''}`}>
              <div className="min-w-0 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  {isUnread && <span className="badge badge-blue">{t('unread')}</span>}
                  <span className={isUnread ? 'font-semibold' : 'font-medium'}>{item.subject}</span>
                </p>
                <p className="text-sm break-words text-slate-700">{item.body}</p>
                <p className="flex flex-wrap gap-x-3 text-xs text-slate-600">
                  <time dateTime={item.at.toISOString()}>{formatDateTime(locale, item.at)}</time>
                  <span>{t(`categories.${item.category}`)}</span>
                  {item.link && (
                    <Link href={item.link} className="text-brand-700 underline">
                      {t('open')}
                    </Link>
                  )}
                </p>
              </div>
              {isUnread && (
                <form action={markReadAction} className="shrink-0">
                  <input type="hidden" name="deliveryId" value={item.id} />
                  <Button type="submit" variant="ghost" className="px-2 py-1 text-xs underline" aria-label={`${t('markRead')}: ${item.subject}`}>
                    {t('markRead')}
                  </Button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
