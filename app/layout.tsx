import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ErrorTextProvider } from '@/components/layout/error-text';
import { SiteHeader } from '@/components/layout/site-header';
import { ImpersonationBanner } from '@/components/support/impersonation-banner';
import { currentActor, currentSupportSession } from '@/lib/auth/guard';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s | ${t('name')}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const tErrors = await getTranslations('errors');
  const actor = await currentActor();
  const supportSession = await currentSupportSession();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t('skipToContent')}
        </a>
        {supportSession && <ImpersonationBanner session={supportSession} />}
        <SiteHeader actor={actor} supporting={Boolean(supportSession)} />
        <div className="bg-amber-50 px-4 py-1.5 text-center text-xs text-amber-900" role="note">
          {t('demoNotice')}
        </div>
        {/* No NextIntlClientProvider or QueryClientProvider here: each client subtree gets only
            the messages it uses (components/layout/client-messages.tsx), and the query client
            lives where something queries. */}
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <ErrorTextProvider generic={tErrors('generic')}>{children}</ErrorTextProvider>
        </main>
      </body>
    </html>
  );
}
