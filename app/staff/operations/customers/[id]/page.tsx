import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages, STAFF_MESSAGES } from '@/components/layout/client-messages';
import {
  AddNetworkForm,
  AddPbbForm,
  DeactivateCustomerForm,
  EditCustomerForm,
  InviteAdminForm,
  ReactivateCustomerForm,
} from '@/components/staff/operations/customer-forms';
import { DoneNotice } from '@/components/staff/operations/done-notice';
import { Badge } from '@/components/ui/badge';
import { requireStaffPage } from '@/lib/auth/guard';
import { customerForStaff, invitationState } from '@/lib/backoffice/customers';
import { getDb } from '@/lib/db';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { japanDate } from '@/lib/rules';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A generic title: metadata is computed before the page's guard runs, so it names no customer.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onboarding'))('title') };
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {intro && <p className="text-sm text-slate-700">{intro}</p>}
      {children}
    </section>
  );
}

const th = 'px-3 py-2 font-medium';
const td = 'px-3 py-2';

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  await requireStaffPage('operator');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const page = await customerForStaff(await getDb(), id);
  if (!page) notFound();
  const { done } = await searchParams;
  const { customer, pbbs, networks, invitations, users } = page;
  const t = await getTranslations('onboarding');
  const tRoles = await getTranslations('roles');
  const locale = (await getLocale()) as Locale;
  const now = new Date();
  const active = !customer.deactivatedAt;
  const activePbbs = pbbs.filter((p) => p.status === 'active');

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/operations/customers" className="text-sm text-brand-700 underline">
          ← {t('back')}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          <span className="mr-2 font-mono text-lg text-slate-600">{customer.code}</span>
          {customer.name}
        </h1>
        <Badge tone={active ? 'green' : 'grey'}>{t(active ? 'active' : 'deactivated')}</Badge>
      </div>
      <DoneNotice done={done} />
      {!active && (
        <p data-testid="deactivated-note" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm text-slate-800">
          {t('deactivatedOn', { date: formatDateTime(locale, customer.deactivatedAt!) })} {t('deactivatedNoChanges')}
        </p>
      )}

      <ClientMessages namespaces={[...STAFF_MESSAGES, 'onboarding']}>
        <Section id="company-title" title={t('companyTitle')}>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-700">{t('code')}</dt>
            <dd className="font-mono">{customer.code}</dd>
            <dt className="font-medium text-slate-700">{t('name')}</dt>
            <dd>{customer.name}</dd>
            <dt className="font-medium text-slate-700">{t('nameEn')}</dt>
            <dd lang="en">{customer.nameEn ?? t('none')}</dd>
            <dt className="font-medium text-slate-700">{t('postalAddress')}</dt>
            <dd>{customer.postalAddress ?? t('none')}</dd>
            <dt className="font-medium text-slate-700">{t('phone')}</dt>
            <dd>{customer.phone ?? t('none')}</dd>
          </dl>
          <EditCustomerForm
            customerId={customer.id}
            initial={{ name: customer.name, nameEn: customer.nameEn ?? '', postalAddress: customer.postalAddress ?? '', phone: customer.phone ?? '' }}
          />
        </Section>

        <Section id="pbb-title" title={t('pbbTitle')} intro={t('pbbIntro')}>
          {pbbs.length === 0 ? (
            <p className="text-sm text-slate-600">{t('pbbEmpty')}</p>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="min-w-full text-left text-sm" data-testid="pbb-table">
                <caption className="sr-only">{t('pbbTitle')}</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
                  <tr>
                    <th scope="col" className={th}>{t('contractNumber')}</th>
                    <th scope="col" className={th}>{t('startedOn')}</th>
                    <th scope="col" className={th}>{t('status')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {pbbs.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" className={`${td} font-mono text-xs font-medium`}>{p.contractNumber}</th>
                      <td className={`${td} whitespace-nowrap`}>{formatDate(locale, p.startedOn)}</td>
                      <td className={td}>
                        <Badge tone={p.status === 'active' ? 'green' : 'grey'}>{t(p.status === 'active' ? 'pbbActive' : 'pbbEnded')}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {active && <AddPbbForm customerId={customer.id} today={japanDate(now)} />}
        </Section>

        <Section id="networks-title" title={t('networksTitle')} intro={t('networksIntro')}>
          {networks.length === 0 ? (
            <p className="text-sm text-slate-600">{t('networksEmpty')}</p>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="min-w-full text-left text-sm" data-testid="networks-table">
                <caption className="sr-only">{t('networksTitle')}</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
                  <tr>
                    <th scope="col" className={th}>{t('networkCode')}</th>
                    <th scope="col" className={th}>{t('networkName')}</th>
                    <th scope="col" className={th}>{t('onPbb')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {networks.map((n) => (
                    <tr key={n.id}>
                      <th scope="row" className={`${td} font-mono text-xs font-medium`}>{n.networkCode}</th>
                      <td className={td}>{n.name}</td>
                      <td className={`${td} font-mono text-xs`}>{n.pbbContractNumber}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {active &&
            (activePbbs.length ? (
              <AddNetworkForm customerId={customer.id} pbbs={activePbbs.map((p) => ({ id: p.id, contractNumber: p.contractNumber }))} />
            ) : (
              <p className="text-sm text-slate-700">{t('needPbb')}</p>
            ))}
        </Section>

        <Section id="invitations-title" title={t('invitationsTitle')} intro={t('invitationsIntro')}>
          {invitations.length === 0 ? (
            <p className="text-sm text-slate-600">{t('invitationsEmpty')}</p>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="min-w-full text-left text-sm" data-testid="invitations-table">
                <caption className="sr-only">{t('invitationsTitle')}</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
                  <tr>
                    <th scope="col" className={th}>{t('email')}</th>
                    <th scope="col" className={th}>{t('inviteName')}</th>
                    <th scope="col" className={th}>{t('role')}</th>
                    <th scope="col" className={th}>{t('sent')}</th>
                    <th scope="col" className={th}>{t('expires')}</th>
                    <th scope="col" className={th}>{t('state')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {invitations.map((i) => {
                    const state = invitationState(i, now);
                    return (
                      <tr key={i.id} data-testid="invitation-row" data-email={i.email}>
                        <th scope="row" className={`${td} font-medium break-all`}>{i.email}</th>
                        <td className={td}>{i.name}</td>
                        <td className={td}>{tRoles.has(i.role) ? tRoles(i.role) : i.role}</td>
                        <td className={`${td} whitespace-nowrap`}>{formatDateTime(locale, i.createdAt)}</td>
                        <td className={`${td} whitespace-nowrap`}>{formatDateTime(locale, i.expiresAt)}</td>
                        <td className={td}>
                          <Badge tone={state === 'open' ? 'blue' : state === 'accepted' ? 'green' : 'grey'}>{t(`states.${state}`)}</Badge>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {active && <InviteAdminForm customerId={customer.id} />}
        </Section>

        <Section id="users-title" title={t('usersTitle')}>
          {users.length === 0 ? (
            <p className="text-sm text-slate-600">{t('usersEmpty')}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {users.map((u) => (
                <li key={u.id} className="flex flex-wrap gap-x-3 py-1.5">
                  <span className="font-medium">{u.name}</span>
                  <span className="break-all text-slate-700">{u.email}</span>
                  <span className="text-slate-600">{tRoles.has(u.role) ? tRoles(u.role) : u.role}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="deactivate-title" title={active ? t('deactivateTitle') : t('reactivate')} intro={active ? t('deactivateIntro') : undefined}>
          {active ? <DeactivateCustomerForm customerId={customer.id} name={customer.name} /> : <ReactivateCustomerForm customerId={customer.id} />}
        </Section>
      </ClientMessages>
    </div>
  );
}
