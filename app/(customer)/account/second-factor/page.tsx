import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SecondFactorSetup } from '@/components/account/second-factor-setup';
import { requireCustomer } from '@/lib/auth/guard';
import { getDb } from '@/lib/db';
import { getAccount } from '@/lib/users/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('setUpTitle') };
}

/**
 * Setting up two-factor authentication: the one page open to a user whose company requires it
 * before they have it (the guard sends them here after sign-in).
 */
export default async function SecondFactorPage() {
  const actor = await requireCustomer({ secondFactorSetup: true });
  const t = await getTranslations('account');
  const account = actor.impersonation ? null : await getAccount(await getDb(), actor.customerId, actor.userId);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('setUpTitle')}</h1>
      {actor.mustSetUpSecondFactor && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t('setUpRequired')}
        </p>
      )}
      {!account ? (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('notDuringSupport')}
        </p>
      ) : account.secondFactor ? (
        <p className="text-sm">{t('alreadyOn')}</p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <SecondFactorSetup email={account.email} />
        </div>
      )}
      {!actor.mustSetUpSecondFactor && (
        <Link href="/account" className="text-sm text-brand-700 underline">
          {t('back')}
        </Link>
      )}
    </div>
  );
}
