import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onboarding.enrolLink'))('doneTitle') };
}

/** Where a used enrolment link leads: the account is ready, sign in. */
export default async function StaffEnrolDonePage() {
  const t = await getTranslations('onboarding.enrolLink');
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t('doneTitle')}</h1>
      <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
        {t('done')}
      </p>
      <Link href="/login" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t('signIn')}
      </Link>
    </div>
  );
}
