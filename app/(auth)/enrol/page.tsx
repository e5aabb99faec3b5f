import { getTranslations } from 'next-intl/server';
import { EnrolForm } from '@/components/support/enrol-form';
import { ClientMessages, ENROL_MESSAGES } from '@/components/layout/client-messages';
import { getDb } from '@/lib/db';
import { beginEnrolment } from '@/lib/auth/enrolment';
import { requireStaffForEnrolment } from '@/lib/auth/guard';

export default async function EnrolPage() {
  const actor = await requireStaffForEnrolment();
  const offer = await beginEnrolment(await getDb(), actor.userId);
  const t = await getTranslations('enrol');
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      {offer && (
        <div className="space-y-2 rounded-md bg-slate-50 p-3">
          <p className="text-sm text-slate-600">{t('key')}</p>
          <p data-testid="totp-secret" className="font-mono text-lg tracking-wider break-all">
            {offer.secret.match(/.{1,4}/g)?.join(' ')}
          </p>
          <a href={offer.uri} className="text-sm text-brand-700 underline">
            {t('link')}
          </a>
        </div>
      )}
      <ClientMessages namespaces={ENROL_MESSAGES}>
        <EnrolForm />
      </ClientMessages>
    </div>
  );
}
