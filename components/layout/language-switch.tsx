import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/lib/i18n/actions';

/** Two plain submit buttons: the switch works without JavaScript. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const choices = [
    { value: 'ja', label: '日本語' },
    { value: 'en', label: 'English' },
  ] as const;
  return (
    <form action={setLocale} aria-label={t('language')} className="flex items-center gap-1 text-sm">
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="submit"
          name="locale"
          value={choice.value}
          lang={choice.value}
          aria-pressed={locale === choice.value}
          className={`rounded px-2 py-1 ${
            locale === choice.value ? 'bg-brand-100 font-semibold text-brand-900' : 'text-slate-700 hover:bg-slate-100'
          }`}
        >
          {choice.label}
        </button>
      ))}
    </form>
  );
}
