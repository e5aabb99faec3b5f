import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { logout } from '@/lib/auth/actions';
import { currentActor } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('logout'))('title') };
}

export default async function LogoutPage() {
  if (!(await currentActor())) redirect('/login');
  const t = await getTranslations('logout');
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('confirm')}</p>
      <form action={logout} className="mt-4">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t('submit')}
        </button>
      </form>
    </div>
  );
}
