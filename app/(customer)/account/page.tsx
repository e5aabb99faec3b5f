import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/password-forms';
import { RemoveSecondFactorForm } from '@/components/account/second-factor-forms';
import { ClientMessages } from '@/components/layout/client-messages';
import { ACCOUNT_MESSAGES } from '@/components/users/messages';
import { ButtonNotice } from '@/components/users/notices';
import { requireCustomer } from '@/lib/auth/guard';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { getAccount } from '@/lib/users/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

const DONE = ['password', 'secondFactorOn', 'secondFactorOff'] as const;

/** The signed-in user's own sign-in settings: password and two-factor authentication. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireCustomer();
  const { done } = await searchParams;
  const t = await getTranslations('account');
  const tAll = await getTranslations();
  const locale = (await getLocale()) as Locale;
  // Support staff see the customer's portal, not a user's account: nothing here is theirs to change.
  const account = actor.impersonation ? null : await getAccount(await getDb(), actor.customerId, actor.userId);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-700">{t('intro')}</p>
      </div>
      <ButtonNotice done={done} doneKeys={DONE} errorKeys={[]} t={t} tAll={tAll} />
      {!account ? (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t('notDuringSupport')}
        </p>
      ) : (
        <>
          <p className="text-sm" data-testid="account-details">
            {t('details', { name: account.name, email: account.email, role: tAll(`roles.${account.role}`) })}
            {account.passwordChangedAt && <span className="block text-slate-600">{t('passwordChangedAt', { at: formatDateTime(locale, account.passwordChangedAt) })}</span>}
          </p>
          <section aria-labelledby="password-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="password-heading" className="text-lg font-semibold">
              {t('passwordTitle')}
            </h2>
            <p className="text-sm text-slate-700">{t('passwordIntro')}</p>
            <ClientMessages namespaces={ACCOUNT_MESSAGES}>
              <ChangePasswordForm />
            </ClientMessages>
          </section>
          <section aria-labelledby="second-factor-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="second-factor-heading" className="text-lg font-semibold">
              {t('secondFactorTitle')}
            </h2>
            <p className="text-sm" data-testid="second-factor-status">
              {account.secondFactor ? t('secondFactorOn') : t('secondFactorOff')}
            </p>
            {account.requireSecondFactor && <p className="text-sm text-slate-700">{t('secondFactorRequired')}</p>}
            {account.secondFactor ? (
              !account.requireSecondFactor && (
                <ClientMessages namespaces={ACCOUNT_MESSAGES}>
                  <RemoveSecondFactorForm />
                </ClientMessages>
              )
            ) : (
              <Link href="/account/second-factor" className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                {t('setUpLink')}
              </Link>
            )}
          </section>
        </>
      )}
    </div>
  );
}
