import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import type { Impersonation } from '@/lib/auth/access';
import { endImpersonationAction } from '@/lib/support/actions';
import { getCustomerForSupport } from '@/lib/support/search';

/** On every page while support staff see a customer's portal: who, whom, why, time left, End. */
export async function ImpersonationBanner({ session }: { session: Impersonation & { customerId: string; minutesLeft: number } }) {
  const t = await getTranslations('support');
  const customer = await getCustomerForSupport(await getDb(), session.customerId);
  return (
    <div role="region" aria-label={t('activeTitle')} data-testid="impersonation-banner" className="bg-violet-900 px-4 py-2 text-sm text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3">
        <p>
          {t('banner', {
            staff: session.staffName,
            customer: customer ? `${customer.name} (${customer.code})` : '',
            reason: session.reason,
            ticket: session.ticket,
            minutes: session.minutesLeft,
          })}{' '}
          <strong>{session.mayAct ? t('bannerAct') : t('bannerView')}</strong>
        </p>
        <form action={endImpersonationAction}>
          <input type="hidden" name="sessionId" value={session.sessionId} />
          <button type="submit" className="rounded border border-white px-3 py-1 font-medium hover:bg-violet-800">
            {t('end')}
          </button>
        </form>
      </div>
    </div>
  );
}
