import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ResetFactorForm } from '@/components/staff/reset-factor-form';
import { Badge } from '@/components/ui/badge';
import { listStaffMembersForStaff } from '@/lib/auth/factor-reset';
import { requireStaffPage } from '@/lib/auth/guard';
import { getDb } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('backoffice.staffMembers'))('title') };
}

const TH = 'px-3 py-2 text-left text-xs font-medium text-slate-600';
const TD = 'px-3 py-2 align-top text-sm';

/** Operators: the staff accounts, and the reset of another member's second factor. */
export default async function StaffMembersPage() {
  const actor = await requireStaffPage('operator');
  const members = await listStaffMembersForStaff(await getDb());
  const t = await getTranslations('backoffice.staffMembers');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200" data-testid="staff-members">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={TH}>{t('name')}</th>
              <th scope="col" className={TH}>{t('email')}</th>
              <th scope="col" className={TH}>{t('role')}</th>
              <th scope="col" className={TH}>{t('secondFactor')}</th>
              <th scope="col" className={TH}>
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <tr key={m.id} data-testid={`staff-member-${m.email}`}>
                <td className={TD}>{m.name}</td>
                <td className={TD}>{m.email}</td>
                <td className={TD}>{t(`roles.${m.role}`)}</td>
                <td className={TD}>
                  <Badge tone={m.enrolled ? 'green' : 'amber'}>{m.enrolled ? t('enrolled') : t('notEnrolled')}</Badge>
                </td>
                <td className={TD}>{m.id === actor.userId ? <span className="text-xs text-slate-600">{t('self')}</span> : <ResetFactorForm staffUserId={m.id} name={m.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
