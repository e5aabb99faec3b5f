import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ResetRequestForm } from '@/components/account/password-forms';
import { ClientMessages } from '@/components/layout/client-messages';
import { ACCOUNT_MESSAGES } from '@/components/users/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('reset.title') };
}

/** "Forgot your password?": one answer for every address, whether it is a user's or not. */
export default async function ResetRequestPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const { sent } = await searchParams;
  const t = await getTranslations('account.reset');
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {sent ? (
        <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('sent')}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t('intro')}</p>
          <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <ClientMessages namespaces={ACCOUNT_MESSAGES}>
              <ResetRequestForm />
            </ClientMessages>
          </div>
        </>
      )}
      <Link href="/login" className="inline-block text-sm text-brand-700 underline">
        {t('backToSignIn')}
      </Link>
    </div>
  );
}
