import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { GrantForm } from '@/components/support/grant-form';
import { ClientMessages, GRANT_MESSAGES } from '@/components/layout/client-messages';
import { Refusal } from '@/components/ui/refusal';
import { errorRefFrom } from '@/lib/form-state';
import { ViewOnly } from '@/components/contract/view-only';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { revokeSupportAccessAction } from '@/lib/support/actions';
import { activeGrant } from '@/lib/support/impersonation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grant'))('title') };
}

const ERRORS = ['invalid', 'read_only', 'not_during_support', 'not_found', 'failed'];

export default async function SupportAccessPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string; ref?: string }> }) {
  const actor = await requireCustomer();
  const grant = await activeGrant(await getDb(), actor.customerId, new Date());
  const { done, error, ref } = await searchParams;
  const t = await getTranslations('grant');
  const tAll = await getTranslations();
  const locale = (await getLocale()) as Locale;
  // The grant is the customer's own decision: never changed by support, nor by viewers.
  const mayManage = actor.canWrite && !actor.impersonation;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      {done === 'granted' || done === 'revoked' ? (
        <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t(done)}
        </p>
      ) : null}
      {error && ERRORS.includes(error) && <Refusal message={t(`errors.${error}`)} errorRef={errorRefFrom(ref)} t={tAll} />}
      <p data-testid="grant-status" className="rounded-md border border-slate-200 bg-white p-3 text-sm">
        {grant ? t('current', { until: formatDateTime(locale, grant.expiresAt) }) : t('none')}
      </p>
      {mayManage ? (
        <div className="space-y-4">
          <ClientMessages namespaces={GRANT_MESSAGES}>
            <GrantForm />
          </ClientMessages>
          {grant && (
            <form action={revokeSupportAccessAction}>
              <button type="submit" className="rounded-md border border-red-700 px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50">
                {t('revoke')}
              </button>
            </form>
          )}
        </div>
      ) : actor.impersonation ? (
        <p className="text-sm text-slate-700">{t('errors.not_during_support')}</p>
      ) : (
        <ViewOnly />
      )}
    </div>
  );
}
