import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { ACCOUNT_MESSAGES } from '@/components/users/messages';
import { totpOffer } from '@/lib/users/second-factor';
import { EnableSecondFactorForm } from './second-factor-forms';

/** A new key as a QR code, as text and as an otpauth:// link, and the form that confirms it with a code. */
export async function SecondFactorSetup({ email }: { email: string }) {
  const t = await getTranslations('account');
  const offer = await totpOffer(email);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t('setUpIntro')}</p>
      <div className="flex flex-wrap items-start gap-6">
        <div
          role="img"
          aria-label={t('qr')}
          className="size-48 shrink-0 rounded-md border border-slate-200 bg-white [&>svg]:size-full"
          // The SVG is made on the server by the qrcode library from our own otpauth:// link.
          dangerouslySetInnerHTML={{ __html: offer.qrSvg }}
        />
        <div className="min-w-0 space-y-2">
          <p className="text-sm text-slate-600">{t('key')}</p>
          <p data-testid="totp-secret" className="font-mono text-lg tracking-wider break-all">
            {offer.secret.match(/.{1,4}/g)?.join(' ')}
          </p>
          <a href={offer.uri} className="text-sm text-brand-700 underline">
            {t('link')}
          </a>
        </div>
      </div>
      <ClientMessages namespaces={ACCOUNT_MESSAGES}>
        <EnableSecondFactorForm secret={offer.secret} />
      </ClientMessages>
    </div>
  );
}
