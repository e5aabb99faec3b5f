import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { NotificationList } from '@/components/notifications/notification-list';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { requireCustomer } from '@/lib/auth/guard';
import { getDb } from '@/lib/db';
import { errorRefFrom } from '@/lib/form-state';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { listCustomerNotices, listInbox, listPreferences } from '@/lib/notify/inbox';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

const DONE = ['read', 'saved'] as const;
const ERRORS = ['support_view_only', 'not_found', 'failed'] as const;

/** The user's notices, newest first, and their e-mail choices per category. Support staff see the customer's notices, read only. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string; ref?: string }> }) {
  const actor = await requireCustomer();
  const db = await getDb();
  const locale = (await getLocale()) as Locale;
  const t = (await getTranslations('notifications')) as unknown as Translate;
  const support = Boolean(actor.impersonation);
  const [items, preferences] = await Promise.all([
    support ? listCustomerNotices(db, actor.customerId, locale) : listInbox(db, actor, locale),
    support ? Promise.resolve([]) : listPreferences(db, actor),
  ]);
  const { done, error, ref } = await searchParams;
  const errorRef = errorRefFrom(ref);
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      {done && (DONE as readonly string[]).includes(done) && (
        <p role="status" data-testid="done-notice" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t(done === 'read' ? 'markedRead' : 'saved')}
        </p>
      )}
      {error && (ERRORS as readonly string[]).includes(error) && (
        <p role="alert" data-testid="refusal" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t(`errors.${error}`)}
          {errorRef ? ` (${errorRef})` : ''}
        </p>
      )}
      {support && (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('readOnlySupport')}
        </p>
      )}
      <section aria-labelledby="inbox-title" className="space-y-3">
        <h2 id="inbox-title" className="text-lg font-semibold">
          {t('listTitle')}
        </h2>
        <NotificationList items={items} locale={locale} t={t} readOnly={support} />
      </section>
      {!support && (
        <section id="preferences" aria-labelledby="preferences-title" className="space-y-3">
          <h2 id="preferences-title" className="text-lg font-semibold">
            {t('preferencesTitle')}
          </h2>
          <p id="pref-email-column" className="text-sm text-slate-700">
            {t('preferencesIntro', { email: actor.email })}
          </p>
          <PreferencesForm rows={preferences} t={t} />
        </section>
      )}
    </div>
  );
}
