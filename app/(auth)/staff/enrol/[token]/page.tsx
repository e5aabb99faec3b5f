import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { EnrolLinkForm } from '@/components/staff/enrol-link-form';
import { RefusalBox } from '@/components/ui/refusal-box';
import { beginLinkEnrolment, enrolmentByToken } from '@/lib/auth/enrolment';
import { getDb } from '@/lib/db';

// A new staff member's one-time enrolment link (`npm run staff:create`): no session needed, the
// token is the credential. The page never sends the token on as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onboarding.enrolLink'))('title'), referrer: 'no-referrer', robots: { index: false } };
}

export default async function StaffEnrolLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('onboarding.enrolLink');
  const db = await getDb();
  const now = new Date();
  const link = await enrolmentByToken(db, token, now);
  const offer = link.ok ? await beginLinkEnrolment(db, token, now) : null;
  if (!link.ok || !offer) {
    const reason = link.ok ? 'unknown' : link.reason;
    return (
      <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t('invalidTitle')}</h1>
        <RefusalBox testId="enrol-link-invalid" message={t(`errors.link_${reason}`)} />
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro', { name: offer.name, email: offer.email })}</p>
      <div className="space-y-2 rounded-md bg-slate-50 p-3">
        <p className="text-sm text-slate-600">{t('key')}</p>
        <p data-testid="totp-secret" className="font-mono text-lg tracking-wider break-all">
          {offer.secret.match(/.{1,4}/g)?.join(' ')}
        </p>
        <a href={offer.uri} className="text-sm text-brand-700 underline">
          {t('link')}
        </a>
      </div>
      <ClientMessages namespaces={['onboarding.enrolLink', 'errors']}>
        <EnrolLinkForm token={token} />
      </ClientMessages>
    </div>
  );
}
