import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NotificationBell } from '@/components/notifications/bell';
import type { Actor } from '@/lib/auth/guard';
import { getDb } from '@/lib/db';
import { unreadCount } from '@/lib/notify/inbox';
import { LanguageSwitch } from './language-switch';

export async function SiteHeader({ actor, supporting = false }: { actor: Actor | null; supporting?: boolean }) {
  const t = await getTranslations();
  // The bell: a customer user's own unread notices (one prepared, indexed count per page).
  const unread = actor?.kind === 'customer' && !actor.impersonation ? await unreadCount(await getDb(), actor) : null;
  const customerLinks = [
    { href: '/', label: t('nav.dashboard') },
    { href: '/statements', label: t('nav.statements') },
    { href: '/prices', label: t('nav.prices') },
    { href: '/activity', label: t('nav.activity') },
    { href: '/contacts', label: t('contacts.nav') },
  ];
  const links =
    actor?.kind === 'customer'
      ? [
          ...customerLinks,
          { href: '/users', label: t('users.nav') },
          ...(actor.role === 'admin' ? [{ href: '/support-access', label: t('nav.supportAccess') }] : []),
          // API keys: the customer's own admins only (the page refuses everyone else).
          ...(actor.role === 'admin' ? [{ href: '/api-keys', label: t('apiKeys.nav') }] : []),
          { href: '/account', label: t('account.nav') },
        ]
      : actor?.kind === 'staff'
        ? [...(supporting ? customerLinks : []), { href: '/staff', label: t('nav.staffHome') }]
        : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <Link href={actor?.kind === 'staff' && !supporting ? '/staff' : '/'} className="flex flex-col leading-tight">
            <span className="text-lg font-semibold text-brand-900">{t('app.name')}</span>
            <span className="text-xs text-slate-600">{t('app.service')}</span>
          </Link>
          {links.length > 0 && (
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-1 text-sm">
                {links.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="block rounded px-3 py-2 whitespace-nowrap text-slate-700 hover:bg-slate-100">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <LanguageSwitch />
          {unread !== null && <NotificationBell count={unread} label={t('notifications.bell', { count: unread })} />}
          {actor && (
            <div className="flex items-center gap-3 text-sm">
              <span className="text-slate-700">
                {t('app.signedInAs', { name: actor.name })}
                <span className="ml-1 text-slate-500">({t(`roles.${actor.role}`)})</span>
              </span>
              <Link href="/logout" className="whitespace-nowrap rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
                {t('app.signOut')}
              </Link>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
