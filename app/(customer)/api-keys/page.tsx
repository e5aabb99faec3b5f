import Link from 'next/link';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreateApiKeyForm } from '@/components/api-keys/create-form';
import { ApiKeysTable } from '@/components/api-keys/keys-table';
import { API_KEYS_MESSAGES } from '@/components/api-keys/messages';
import { ClientMessages } from '@/components/layout/client-messages';
import { ButtonNotice } from '@/components/users/notices';
import { apiKeysRefusal } from '@/lib/api-keys/manage';
import { listApiKeys } from '@/lib/api-keys/queries';
import { requireCustomer } from '@/lib/auth/guard';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiKeys'))('title') };
}

const DONE = ['revoked'] as const;
const ERRORS = ['not_during_support', 'read_only', 'already_revoked', 'not_found', 'failed'] as const;

/**
 * The company's API keys (issue 15). Its admins create and revoke them; viewers and billing users
 * are refused the page. Support staff in a support session see the list, never the controls: keys
 * never belong to staff (the server refuses them too).
 */
export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string; ref?: string }> }) {
  const actor = await requireCustomer();
  const t = await getTranslations('apiKeys');
  // Viewers and billing users see neither the keys nor the form, only why. (Next's forbidden()
  // rendered an empty page for a route right under the root layout, so the refusal is the page's own.)
  if (actor.role !== 'admin' && !actor.impersonation) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p data-testid="api-keys-refused" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('adminsOnly')}
        </p>
      </div>
    );
  }
  const keys = await listApiKeys(await getDb(), actor.customerId, new Date());
  const { done, error, ref } = await searchParams;
  const tAll = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const manage = apiKeysRefusal(actor) === null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('intro')}</p>
        {/* The reference is a page of its own (Swagger UI, app/api/v1/docs), not one of the portal's. */}
        <Link href="/api/v1/docs" prefetch={false} data-testid="api-reference-link" className="mt-1 inline-block text-sm text-brand-700 underline">
          {t('reference')}
        </Link>
      </div>
      <ButtonNotice done={done} error={error} errorRef={ref} doneKeys={DONE} errorKeys={ERRORS} t={t} tAll={tAll} />
      {!manage && (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {actor.impersonation ? t('notDuringSupport') : t('refusals.read_only')}
        </p>
      )}
      {manage && (
        <section aria-labelledby="create-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="create-heading" className="text-lg font-semibold">
            {t('createTitle')}
          </h2>
          <p className="text-sm text-slate-700">{t('createIntro')}</p>
          <ClientMessages namespaces={API_KEYS_MESSAGES}>
            <CreateApiKeyForm />
          </ClientMessages>
        </section>
      )}
      <section aria-labelledby="keys-heading" className="space-y-2">
        <h2 id="keys-heading" className="text-lg font-semibold">
          {t('listTitle')}
        </h2>
        <ApiKeysTable keys={keys} manage={manage} locale={locale} t={t} />
        {manage && keys.length > 0 && <p className="text-xs text-slate-600">{t('revokeHelp')}</p>}
      </section>
    </div>
  );
}
