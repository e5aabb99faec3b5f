import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { revokeApiKeyAction } from '@/lib/api-keys/actions';
import type { ApiKeyRow } from '@/lib/api-keys/queries';
import type { ApiKeyStatus } from '@/lib/api-keys/types';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';

const TH = 'px-3 py-2 text-left font-medium whitespace-nowrap';
const TD = 'px-3 py-2 align-top';
const TONES: Record<ApiKeyStatus, BadgeTone> = { active: 'green', expired: 'grey', revoked: 'grey', creator_deactivated: 'amber' };

/**
 * The customer's keys: name, prefix, scope, who created it and when, expiry, last use, status,
 * and for admins a plain one-button Revoke (works without JavaScript). An expired or revoked key
 * has no button: it can never work again.
 */
export function ApiKeysTable({ keys, manage, locale, t }: { keys: ApiKeyRow[]; manage: boolean; locale: Locale; t: Translate }) {
  if (keys.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[60rem] text-sm" data-testid="api-keys-table">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={TH}>{t('name')}</th>
            <th scope="col" className={TH}>{t('prefix')}</th>
            <th scope="col" className={TH}>{t('scope')}</th>
            <th scope="col" className={TH}>{t('created')}</th>
            <th scope="col" className={TH}>{t('expires')}</th>
            <th scope="col" className={TH}>{t('lastUsed')}</th>
            <th scope="col" className={TH}>{t('status')}</th>
            {manage && <th scope="col" className={TH}>{t('actions')}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row" data-prefix={key.prefix} data-status={key.status}>
              <td className={`${TD} min-w-40 font-medium break-words`}>{key.name}</td>
              <td className={`${TD} font-mono text-xs whitespace-nowrap`}>{key.prefix}</td>
              <td className={`${TD} whitespace-nowrap`}>{t(`scopes.${key.scope}`)}</td>
              <td className={`${TD} min-w-40`}>
                <span className="block whitespace-nowrap">{formatDateTime(locale, key.createdAt)}</span>
                <span className="block text-xs text-slate-600">{t('createdBy', { name: key.createdByName })}</span>
              </td>
              <td className={`${TD} whitespace-nowrap`}>{formatDateTime(locale, key.expiresAt)}</td>
              <td className={`${TD} whitespace-nowrap`}>{key.lastUsedAt ? formatDateTime(locale, key.lastUsedAt) : t('never')}</td>
              <td className={`${TD} whitespace-nowrap`}>
                <Badge tone={TONES[key.status]}>{t(`statuses.${key.status}`)}</Badge>
              </td>
              {manage && (
                <td className={`${TD} whitespace-nowrap`}>
                  {(key.status === 'active' || key.status === 'creator_deactivated') && (
                    <form action={revokeApiKeyAction}>
                      <input type="hidden" name="apiKeyId" value={key.id} />
                      <Button type="submit" variant="secondary" className="border-red-700! px-3! py-1.5! text-red-800!" aria-label={t('revokeLabel', { name: key.name })}>
                        {t('revoke')}
                      </Button>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
