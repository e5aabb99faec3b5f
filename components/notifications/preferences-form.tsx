import { Button } from '@/components/ui/button';
import type { Translate } from '@/lib/i18n/translate';
import { savePreferencesAction } from '@/lib/notify/actions';
import type { PreferenceRow } from '@/lib/notify/inbox';

/** E-mail on or off per category (the inbox always gets everything); security is locked on. A plain form. */
export function PreferencesForm({ rows, t }: { rows: PreferenceRow[]; t: Translate }) {
  return (
    <form action={savePreferencesAction} className="space-y-3">
      <fieldset>
        <legend className="sr-only">{t('preferencesTitle')}</legend>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {rows.map((row) => (
            <li key={row.category} className="flex items-center justify-between gap-3 px-4 py-2.5">
              <label htmlFor={`pref-${row.category}`} className="text-sm">
                {t(`categories.${row.category}`)}
                {row.locked && <span className="ml-2 text-xs text-slate-600">({t('alwaysOn')})</span>}
              </label>
              <input
                id={`pref-${row.category}`}
                type="checkbox"
                name="emailOn"
                value={row.category}
                defaultChecked={row.email}
                disabled={row.locked}
                aria-describedby="pref-email-column"
                className="h-5 w-5 accent-brand-600"
              />
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" data-testid="save-preferences">
        {t('save')}
      </Button>
    </form>
  );
}
