import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/account/password-forms';
import { ClientMessages } from '@/components/layout/client-messages';
import { ACCOUNT_MESSAGES } from '@/components/users/messages';
import { getDb } from '@/lib/db';
import { resetLinkStatus } from '@/lib/users/passwords';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('reset.newTitle'), referrer: 'no-referrer' };
}

/** The link of a password-reset e-mail: a new password, or why the link cannot be used. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await resetLinkStatus(await getDb(), decodeURIComponent(token));
  const t = await getTranslations('account.reset');
  if (status !== 'open') {
    return (
      <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="reset-unusable">
        <h1 className="text-xl font-semibold">{t('invalidTitle')}</h1>
        <p className="text-sm text-slate-700">{t(status)}</p>
        <Link href="/reset-password" className="inline-block text-sm text-brand-700 underline">
          {t('again')}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">{t('newTitle')}</h1>
      <p className="text-sm text-slate-700">{t('newIntro')}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ClientMessages namespaces={ACCOUNT_MESSAGES}>
          <ResetPasswordForm token={token} />
        </ClientMessages>
      </div>
    </div>
  );
}
