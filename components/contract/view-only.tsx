import { getTranslations } from 'next-intl/server';

export async function ViewOnly() {
  const t = await getTranslations('contract');
  return (
    <p data-testid="read-only-notice" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
      {t('viewOnly')}
    </p>
  );
}
