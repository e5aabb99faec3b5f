import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireStaff } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff'))('title') };
}

export default async function StaffHomePage({ searchParams }: { searchParams: Promise<{ enrolled?: string }> }) {
  const actor = await requireStaff();
  const t = await getTranslations();
  const { enrolled } = await searchParams;
  return (
    <div className="space-y-3">
      {enrolled && (
        <p data-testid="done-notice" role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('staff.enrolled')}
        </p>
      )}
      <h1 className="text-2xl font-semibold">{t('staff.title')}</h1>
      <p className="text-slate-700">{t('staff.intro')}</p>
      <p data-testid="staff-role" className="text-slate-700">
        {t('staff.signedInRole', { role: t(`roles.${actor.role}`) })}
      </p>
    </div>
  );
}
