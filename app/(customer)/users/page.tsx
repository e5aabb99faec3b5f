import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { Button } from '@/components/ui/button';
import { InviteForm } from '@/components/users/invite-form';
import { USERS_MESSAGES } from '@/components/users/messages';
import { ButtonNotice } from '@/components/users/notices';
import { requireCustomer } from '@/lib/auth/guard';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import {
  changeRoleAction,
  deactivateUserAction,
  reactivateUserAction,
  resendInvitationAction,
  revokeInvitationAction,
  setRequireSecondFactorAction,
} from '@/lib/users/actions';
import { usersRefusal } from '@/lib/users/manage';
import { getUsersPage } from '@/lib/users/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

const DONE = ['invited', 'resent', 'revoked', 'roleChanged', 'deactivated', 'reactivated', 'secondFactorSwitch'] as const;
const ERRORS = [
  'not_during_support',
  'read_only',
  'already_user',
  'already_invited',
  'not_open',
  'last_admin',
  'same_role',
  'not_yourself',
  'already_deactivated',
  'not_deactivated',
  'own_second_factor_first',
  'not_found',
  'failed',
] as const;
const ROLES = ['admin', 'billing', 'viewer'] as const;
const TH = 'px-3 py-2 text-left font-medium whitespace-nowrap';
const TD = 'px-3 py-2 align-top';

/**
 * The company's users and open invitations. Everyone of the company may read the list (viewers read
 * everything); only its admins see the controls, and support staff never do (the server refuses too).
 */
export default async function UsersPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string; ref?: string }> }) {
  const actor = await requireCustomer();
  const now = new Date();
  const page = await getUsersPage(await getDb(), actor.customerId);
  const { done, error, ref } = await searchParams;
  const t = await getTranslations('users');
  const tAll = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (!page) return null;
  const refusal = usersRefusal(actor);
  const manage = refusal === null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      </div>
      <ButtonNotice done={done} error={error} errorRef={ref} doneKeys={DONE} errorKeys={ERRORS} t={t} tAll={tAll} />
      {!manage && (
        <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {refusal === 'not_during_support' ? t('notDuringSupport') : t('readOnly')}
        </p>
      )}

      <section aria-labelledby="users-heading" className="space-y-2">
        <h2 id="users-heading" className="text-lg font-semibold">
          {t('usersTitle')}
        </h2>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[52rem] text-sm" data-testid="users-table">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className={TH}>{t('name')}</th>
                <th scope="col" className={TH}>{t('email')}</th>
                <th scope="col" className={TH}>{t('role')}</th>
                <th scope="col" className={TH}>{t('status')}</th>
                <th scope="col" className={TH}>{t('secondFactor')}</th>
                <th scope="col" className={TH}>{t('lastSignIn')}</th>
                {manage && <th scope="col" className={TH}>{t('actions')}</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {page.users.map((user) => (
                <tr key={user.id} data-email={user.email}>
                  <td className={TD}>
                    {user.name} {user.id === actor.userId && <span className="text-slate-500">{t('you')}</span>}
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>{user.email}</td>
                  <td className={TD}>{tAll(`roles.${user.role}`)}</td>
                  <td className={TD}>{user.deactivatedAt ? t('deactivated') : t('active')}</td>
                  <td className={TD}>{user.secondFactor ? t('on') : t('off')}</td>
                  <td className={`${TD} whitespace-nowrap`}>{user.lastSignInAt ? formatDateTime(locale, user.lastSignInAt) : t('never')}</td>
                  {manage && (
                    <td className={TD}>
                      <div className="flex flex-wrap items-end gap-2">
                        <form action={changeRoleAction} className="flex items-end gap-2">
                          <input type="hidden" name="userId" value={user.id} />
                          <label className="sr-only" htmlFor={`role-${user.id}`}>
                            {t('newRole', { name: user.name })}
                          </label>
                          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
                            {ROLES.map((role) => (
                              <option key={role} value={role}>
                                {tAll(`roles.${role}`)}
                              </option>
                            ))}
                          </select>
                          <Button type="submit" variant="secondary" className="px-3! py-1.5!">
                            {t('changeRole')}
                          </Button>
                        </form>
                        {user.id !== actor.userId && (
                          <form action={user.deactivatedAt ? reactivateUserAction : deactivateUserAction}>
                            <input type="hidden" name="userId" value={user.id} />
                            <Button
                              type="submit"
                              variant="secondary"
                              className={`px-3! py-1.5! ${user.deactivatedAt ? '' : 'border-red-700! text-red-800!'}`}
                              title={user.deactivatedAt ? undefined : t('deactivateHelp')}
                            >
                              {user.deactivatedAt ? t('reactivate') : t('deactivate')}
                            </Button>
                          </form>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {manage && <p className="text-xs text-slate-600">{t('deactivateHelp')}</p>}
      </section>

      <section aria-labelledby="invitations-heading" className="space-y-2">
        <h2 id="invitations-heading" className="text-lg font-semibold">
          {t('invitationsTitle')}
        </h2>
        {page.invitations.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noInvitations')}</p>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[44rem] text-sm" data-testid="invitations-table">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className={TH}>{t('name')}</th>
                  <th scope="col" className={TH}>{t('email')}</th>
                  <th scope="col" className={TH}>{t('role')}</th>
                  <th scope="col" className={TH}>{t('expires')}</th>
                  <th scope="col" className={TH}>{t('sent')}</th>
                  {manage && <th scope="col" className={TH}>{t('actions')}</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {page.invitations.map((invitation) => (
                  <tr key={invitation.id} data-email={invitation.email}>
                    <td className={TD}>{invitation.name}</td>
                    <td className={`${TD} whitespace-nowrap`}>{invitation.email}</td>
                    <td className={TD}>{tAll(`roles.${invitation.role}`)}</td>
                    <td className={`${TD} whitespace-nowrap`}>
                      {invitation.expiresAt.getTime() <= now.getTime() ? t('expired') : formatDateTime(locale, invitation.expiresAt)}
                    </td>
                    <td className={TD}>{t('sentTimes', { count: invitation.sentCount })}</td>
                    {manage && (
                      <td className={TD}>
                        <div className="flex flex-wrap gap-2">
                          <form action={resendInvitationAction}>
                            <input type="hidden" name="invitationId" value={invitation.id} />
                            <Button type="submit" variant="secondary" className="px-3! py-1.5!">
                              {t('resend')}
                            </Button>
                          </form>
                          <form action={revokeInvitationAction}>
                            <input type="hidden" name="invitationId" value={invitation.id} />
                            <Button type="submit" variant="secondary" className="border-red-700! px-3! py-1.5! text-red-800!">
                              {t('revoke')}
                            </Button>
                          </form>
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {manage && (
        <section aria-labelledby="invite-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="invite-heading" className="text-lg font-semibold">
            {t('inviteTitle')}
          </h2>
          <p className="text-sm text-slate-700">{t('inviteIntro')}</p>
          <ClientMessages namespaces={USERS_MESSAGES}>
            <InviteForm defaultLocale={locale} />
          </ClientMessages>
        </section>
      )}

      <section aria-labelledby="switch-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="switch-heading" className="text-lg font-semibold">
          {t('switchTitle')}
        </h2>
        <p className="text-sm text-slate-700" data-testid="second-factor-switch">
          {page.requireSecondFactor ? t('switchOn') : t('switchOff')}
        </p>
        {manage && (
          <form action={setRequireSecondFactorAction}>
            <input type="hidden" name="required" value={page.requireSecondFactor ? 'off' : 'on'} />
            <Button type="submit" variant="secondary">
              {page.requireSecondFactor ? t('requireOff') : t('requireOn')}
            </Button>
          </form>
        )}
      </section>
    </div>
  );
}
