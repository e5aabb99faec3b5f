import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages, STAFF_MESSAGES } from '@/components/layout/client-messages';
import { CreateCustomerForm } from '@/components/staff/operations/customer-forms';
import { Badge } from '@/components/ui/badge';
import { inputClass } from '@/components/ui/field';
import { requireStaffPage } from '@/lib/auth/guard';
import { listCustomersForStaff } from '@/lib/backoffice/customers';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onboarding'))('title') };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireStaffPage('operator');
  const { q: raw } = await searchParams;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? '';
  const rows = await listCustomersForStaff(await getDb(), q);
  const t = await getTranslations('onboarding');
  const locale = (await getLocale()) as Locale;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      </div>

      <section aria-labelledby="new-customer-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="new-customer-title" className="mb-3 text-lg font-semibold">
          {t('newTitle')}
        </h2>
        <ClientMessages namespaces={[...STAFF_MESSAGES, 'onboarding']}>
          <CreateCustomerForm />
        </ClientMessages>
      </section>

      <section aria-labelledby="customers-title" className="space-y-3">
        <h2 id="customers-title" className="text-lg font-semibold">
          {t('listTitle')}
        </h2>
        <form method="get" role="search" className="max-w-xl space-y-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            {t('searchLabel')}
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <input id="q" name="q" type="search" defaultValue={q} aria-describedby="q-help" className={`${inputClass} max-w-sm flex-1`} />
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
              {t('search')}
            </button>
            {q && (
              <Link href="/staff/operations/customers" className="text-sm text-brand-700 underline">
                {t('clear')}
              </Link>
            )}
          </div>
          <p id="q-help" className="text-xs text-slate-600">
            {t('searchHelp')}
          </p>
        </form>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t('caption')}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t('code')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('name')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('nameEn')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('status')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('created')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.id} data-testid="customer-row" data-code={row.code}>
                    <th scope="row" className="px-4 py-2 text-left font-mono text-xs font-medium whitespace-nowrap">
                      <Link href={`/staff/operations/customers/${row.id}`} className="text-brand-700 underline" aria-label={t('open', { code: row.code })}>
                        {row.code}
                      </Link>
                    </th>
                    <td className="px-4 py-2">{row.name}</td>
                    <td className="px-4 py-2" lang="en">
                      {row.nameEn ?? t('none')}
                    </td>
                    <td className="px-4 py-2">
                      <Badge tone={row.deactivatedAt ? 'grey' : 'green'}>{t(row.deactivatedAt ? 'deactivated' : 'active')}</Badge>
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(locale, row.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
