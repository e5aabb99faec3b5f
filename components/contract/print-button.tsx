'use client';

import { useTranslations } from 'next-intl';

export function PrintButton() {
  const t = useTranslations('receipt');
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
    >
      {t('print')}
    </button>
  );
}
