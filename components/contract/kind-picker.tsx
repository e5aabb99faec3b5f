import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { OptionKind } from '@/lib/rules';

/** Links, not a script: choosing the kind works without JavaScript. */
export async function KindPicker({ base, kinds, current }: { base: string; kinds: readonly OptionKind[]; current: OptionKind }) {
  const t = await getTranslations();
  return (
    <nav aria-label={t('form.chooseKind')}>
      <p className="mb-2 text-sm font-medium text-slate-800">{t('form.chooseKind')}</p>
      <ul className="flex flex-wrap gap-2">
        {kinds.map((kind) => (
          <li key={kind}>
            <Link
              href={`${base}?kind=${kind}`}
              aria-current={kind === current ? 'page' : undefined}
              className={`inline-block rounded-full border px-3 py-1.5 text-sm ${
                kind === current ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
              }`}
            >
              {t(`kinds.${kind}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
