import { useTranslations } from '@/components/layout/translations';
import { NAPT_SESSIONS } from '@/lib/rules/catalog';

/** The choices of one NAPT session add-on's size, from the catalog, after an empty "Choose…". */
export function NaptSizeOptions() {
  const t = useTranslations();
  return (
    <>
      <option value="">{t('form.choose')}</option>
      {NAPT_SESSIONS.map((n) => (
        <option key={n} value={String(n)}>
          {t('details.sessions', { count: n })}
        </option>
      ))}
    </>
  );
}
