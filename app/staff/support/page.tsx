import { getLocale, getTranslations } from 'next-intl/server';
import { CustomerSearch } from '@/components/support/customer-search';
import { Refusal } from '@/components/ui/refusal';
import { errorRefFrom } from '@/lib/form-state';
import { getDb } from '@/lib/db';
import { requireStaffPage } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { endImpersonationAction } from '@/lib/support/actions';
import { listActiveImpersonations } from '@/lib/support/impersonation';
import { searchCustomers } from '@/lib/support/search';

/** Why ending support access did not work (the End button answers with `?error=`). */
const ERRORS = ['not_support', 'not_found', 'not_active', 'customer_deactivated', 'failed'];

export default async function SupportPage({ searchParams }: { searchParams: Promise<{ q?: string; ended?: string; error?: string; ref?: string }> }) {
  await requireStaffPage('support');
  const { q = '', ended, error, ref } = await searchParams;
  const db = await getDb();
  const hits = q ? await searchCustomers(db, q.slice(0, 100)) : [];
  const active = await listActiveImpersonations(db, new Date());
  const t = await getTranslations('support');
  const tAll = await getTranslations();
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      {error && ERRORS.includes(error) && <Refusal message={t(`errors.${error}`)} errorRef={errorRefFrom(ref)} t={tAll} />}
      {ended && !error && (
        <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('ended')}
        </p>
      )}
      <CustomerSearch initialQuery={q} initialHits={hits} />
      <section aria-labelledby="active-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="active-title" className="mb-2 font-semibold">
          {t('activeTitle')}
        </h2>
        {active.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noActive')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {active.map(({ session, staffName, customerName, customerCode }) => (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="active-session">
                <span>
                  {staffName} → {customerName} ({customerCode}) · {session.reason} · {session.ticket} · {formatDateTime(locale, session.startedAt)}–
                  {formatDateTime(locale, session.expiresAt)}
                </span>
                <form action={endImpersonationAction}>
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">
                    {t('revoke')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
