import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { StartSupportForm } from '@/components/support/start-form';
import { getDb } from '@/lib/db';
import { requireStaffPage } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { isUuid } from '@/lib/ids';
import { activeGrant } from '@/lib/support/impersonation';
import { getCustomerForSupport } from '@/lib/support/search';

export default async function StartSupportPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffPage('support');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const customer = await getCustomerForSupport(db, id);
  if (!customer) notFound();
  const grant = await activeGrant(db, customer.id, new Date());
  const t = await getTranslations('support');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('startTitle', { name: customer.name, code: customer.code })}</h1>
      <p className="text-sm text-slate-700">{t('startIntro')}</p>
      <p className="text-sm" data-testid="grant-status">
        {grant
          ? t('mayAct', { name: customer.name, until: formatDateTime(locale, grant.expiresAt) })
          : t('mayNotAct', { name: customer.name })}
      </p>
      <StartSupportForm customerId={customer.id} />
    </div>
  );
}
