import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/layout/login-form';
import { currentActor } from '@/lib/auth/guard';

// The login form gets its wording from here: the browser loads no translation runtime for it.
const LOGIN_REFUSALS = ['invalid', 'throttled', 'missing', 'failed'] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; signedOut?: string; reset?: string; accepted?: string }>;
}) {
  const actor = await currentActor();
  if (actor) redirect(actor.kind === 'staff' ? '/staff' : '/');
  const { callbackUrl, signedOut, reset, accepted } = await searchParams;
  const t = await getTranslations();
  // Keep only the path of a callback URL; the action checks it again.
  let callbackPath: string | undefined;
  try {
    const url = callbackUrl ? new URL(callbackUrl, 'http://local') : undefined;
    callbackPath = url && url.pathname !== '/login' ? url.pathname + url.search : undefined;
  } catch {
    callbackPath = undefined;
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">{t('login.title')}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-700">{t('login.intro')}</p>
      {signedOut && (
        <p className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('logout.done')}
        </p>
      )}
      {(reset || accepted) && (
        <p data-testid="done-notice" role="status" className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t(reset ? 'account.reset.done' : 'account.reset.accepted')}
        </p>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <LoginForm
          callbackUrl={callbackPath}
          text={{
            email: t('login.email'),
            password: t('login.password'),
            totp: t('login.totp'),
            totpHelp: t('login.totpHelp'),
            submit: t('login.submit'),
            submitting: t('login.submitting'),
            refusals: Object.fromEntries(LOGIN_REFUSALS.map((r) => [r, t(`login.${r}`)])),
            reference: t('errors.reference', { ref: '{ref}' }),
          }}
        />
        <p className="mt-4 text-center text-sm">
          <Link href="/reset-password" className="text-brand-700 underline">
            {t('account.reset.forgot')}
          </Link>
        </p>
      </div>
    </div>
  );
}
