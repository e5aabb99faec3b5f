import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { AcceptForm } from '@/components/users/accept-form';
import { USERS_MESSAGES } from '@/components/users/messages';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { invitationByToken } from '@/lib/users/accept';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('invitationsTitle'), referrer: 'no-referrer' };
}

/** The link of an invitation e-mail: the company and role, and the form that sets the password; or why the link cannot be used. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await invitationByToken(await getDb(), decodeURIComponent(token));
  const t = await getTranslations('users.invitation');
  const tAll = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (invitation.status !== 'open') {
    return (
      <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="invitation-unusable">
        <h1 className="text-xl font-semibold">{t('invalidTitle')}</h1>
        <p className="text-sm text-slate-700">{t(invitation.status)}</p>
        <Link href="/login" className="inline-block text-sm text-brand-700 underline">
          {t('signIn')}
        </Link>
      </div>
    );
  }
  const company = locale === 'en' && invitation.companyNameEn ? invitation.companyNameEn : invitation.companyName;
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold">{t('title', { company })}</h1>
      <p className="text-sm text-slate-700">
        {t('intro', { role: tAll(`roles.${invitation.role}`), email: invitation.email, until: formatDateTime(locale, invitation.expiresAt) })}
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ClientMessages namespaces={[...USERS_MESSAGES, 'account']}>
          <AcceptForm token={token} name={invitation.name} locale={invitation.locale} />
        </ClientMessages>
      </div>
    </div>
  );
}
