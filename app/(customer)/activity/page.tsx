import { readAuditDetail } from '@/lib/audit';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { auditedApiKey } from '@/lib/api-keys/queries';
import { getDb } from '@/lib/db';
import { requireCustomer } from '@/lib/auth/guard';
import { listActivity } from '@/lib/contracts/queries';
import { listSupportAccess } from '@/lib/support/impersonation';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activity'))('title') };
}


/** When support access ended: End or revocation, else expiry once passed; null while it runs. */
function supportAccessEnd(session: { endedAt: Date | null; expiresAt: Date }): Date | null {
  return session.endedAt ?? (session.expiresAt < new Date() ? session.expiresAt : null);
}

/** Message keys cannot hold dots: 'option.cancel' → 'option_cancel'. */
const actionKey = (action: string) => action.replaceAll('.', '_');

export default async function ActivityPage() {
  const actor = await requireCustomer();
  const db = await getDb();
  const rows = await listActivity(db, actor.customerId);
  const support = await listSupportAccess(db, actor.customerId);
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const describe = (action: string, detail: unknown) => {
    const d = readAuditDetail(detail);
    const parts: string[] = [];
    for (const value of [d.contractNumber, d.code]) if (value) parts.push(value);
    if (d.effectiveDate) parts.push(`${t('cancel.effectiveDate')}: ${formatDate(locale, d.effectiveDate)}`);
    if (d.from !== undefined && d.to !== undefined) parts.push(`${d.from} → ${d.to}`);
    if (action === 'option.cloud_info') parts.push(t('contract.cloudInfo'));
    const apiKey = auditedApiKey(action, detail);
    if (apiKey) parts.push(`${apiKey.name} (${apiKey.prefix})`);
    if (d.reason && action.endsWith('.reject')) parts.push(t('activity.reason', { reason: d.reason }));
    return parts.join(' · ');
  };
  /** A write made with an API key: "via API key <name>" under who made it. */
  const viaApiKey = (detail: unknown) => {
    const name = readAuditDetail(detail).apiKeyName;
    return name ? (
      <span data-testid="via-api-key" className="block text-xs text-slate-600">
        {t('apiKeys.activity.via', { name })}
      </span>
    ) : null;
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('activity.title')}</h1>
      <p className="text-sm text-slate-700">{t('activity.intro')}</p>
      <section aria-labelledby="support-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="support-title" className="mb-2 font-semibold">
          {t('activity.supportTitle')}
        </h2>
        {support.length === 0 ? (
          <p className="text-sm text-slate-600">{t('activity.supportNone')}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {support.map(({ session, staffName }) => (
              <li key={session.id} data-testid="support-access-row">
                {t('activity.supportRow', {
                  staff: staffName,
                  reason: session.reason,
                  ticket: session.ticket,
                  from: formatDateTime(locale, session.startedAt),
                  to: supportAccessEnd(session) ? formatDateTime(locale, supportAccessEnd(session)!) : t('activity.stillOpen'),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {rows.length === 0 ? (
        <p>{t('activity.empty')}</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t('activity.when')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('activity.who')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('activity.what')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('activity.details')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map(({ entry, customerUserName, staffUserName }) => (
                <tr key={entry.id} data-testid="activity-row">
                  <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(locale, entry.at)}</td>
                  <td className="px-4 py-2">
                    {entry.actorType === 'system'
                      ? t('activity.bySystem')
                      : entry.actorType === 'staff_user'
                        ? entry.impersonationSessionId
                          ? t('activity.forYou', { staff: staffUserName ?? '' })
                          : t('activity.byIij', { staff: staffUserName ?? '' })
                        : (customerUserName ?? '—')}
                    {viaApiKey(entry.detail)}
                  </td>
                  <td className="px-4 py-2">
                    {t.has(`activity.actions.${actionKey(entry.action)}`)
                      ? t(`activity.actions.${actionKey(entry.action)}`)
                      : t.has(`apiKeys.activity.actions.${actionKey(entry.action)}`)
                        ? t(`apiKeys.activity.actions.${actionKey(entry.action)}`)
                        : entry.action}
                  </td>
                  <td className="px-4 py-2 text-slate-700">{describe(entry.action, entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
