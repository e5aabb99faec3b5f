import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requireStaff } from '@/lib/auth/guard';
import { ClientMessages, STAFF_MESSAGES } from '@/components/layout/client-messages';

/** Staff pages have their own guard: customers reaching them get "not found". */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  const t = await getTranslations('staff');
  const tOnboarding = await getTranslations('onboarding');
  const tStaffMembers = await getTranslations('backoffice.staffMembers');
  const links =
    actor.role === 'support'
      ? [{ href: '/staff/support', label: t('navSearch') }]
      : [
          { href: '/staff/operations/applications', label: t('navApplications') },
          { href: '/staff/operations/cancellations', label: t('navCancellations') },
          { href: '/staff/operations/pbb', label: t('navPbb') },
          { href: '/staff/operations/prices', label: t('navPrices') },
          { href: '/staff/operations/outages', label: t('navOutages') },
          { href: '/staff/operations/claims', label: t('navClaims') },
          { href: '/staff/operations/statements', label: t('navStatements') },
          { href: '/staff/operations/customers', label: tOnboarding('nav') },
          { href: '/staff/operations/staff', label: tStaffMembers('nav') },
        ];
  return (
    <div data-area="staff" className="space-y-6">
      <nav aria-label={t('navLabel')} className="border-b border-slate-200 pb-3">
        <ul className="flex flex-wrap gap-2 text-sm">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ClientMessages namespaces={STAFF_MESSAGES}>{children}</ClientMessages>
    </div>
  );
}
