import { getTranslations } from 'next-intl/server';

const DONE = [
  'accepted',
  'rejected',
  'completed',
  'pbb_recorded',
  'pbb_ended',
  'pbb_ended_hubs',
  'price_added',
  'outage_recorded',
  'outage_ended',
  'outage_corrected',
  'claim_approved',
  'claim_rejected',
  'statements_issued',
  'customer_created',
  'customer_edited',
  'customer_deactivated',
  'customer_reactivated',
  'customer_pbb_added',
  'network_added',
  'admin_invited',
] as const;

/** The answer after an operator action redirected back to its page. */
export async function DoneNotice({ done }: { done?: string | string[] }) {
  const key = Array.isArray(done) ? done[0] : done;
  if (!key || !(DONE as readonly string[]).includes(key)) return null;
  const t = await getTranslations('backoffice');
  return (
    <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
      {t(`done.${key as (typeof DONE)[number]}`)}
    </p>
  );
}
