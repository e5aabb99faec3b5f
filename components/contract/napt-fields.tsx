'use client';

import { useTranslations } from '@/components/layout/translations';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { inputClass } from '@/components/ui/field';
import { NAPT_PER_PORT_LIMIT } from '@/lib/rules/catalog';
import { totalSessions } from '@/lib/rules/napt';
import { NaptSizeOptions } from './napt-size-options';

// Keys only tell React which row is which; they never reach the page (ids are by position).
let nextRowKey = 0;
const row = (value: string) => ({ key: nextRowKey++, value });
const noSubscription = () => () => {};

/**
 * The NAPT session add-ons ordered with a public cloud port (R-NAPT-PER-PORT): one select named
 * `naptSessions` per add-on, sizes from the catalog, the port's total shown as the customer
 * chooses. Without JavaScript one select is shown (and the server keeps what was sent); with it,
 * "add another" and "remove" keep between 1 and NAPT_PER_PORT_LIMIT selects.
 */
export function NaptSessionsFields({ initial, error }: { initial: string[]; error?: string }) {
  const t = useTranslations();
  const [rows, setRows] = useState(() => (initial.length ? initial : ['']).slice(0, NAPT_PER_PORT_LIMIT).map(row));
  // False in the server's HTML (no buttons without JavaScript), true once the browser runs this.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const listRef = useRef<HTMLOListElement>(null);
  const focusLast = useRef(false);

  // A select added or removed is a change of the form too: tell the live preview (FlowForm listens to
  // `change` events), and move the focus to the new select so a keyboard user can choose at once.
  const count = rows.length;
  const prevCount = useRef(count);
  useEffect(() => {
    if (prevCount.current === count) return;
    prevCount.current = count;
    const selects = listRef.current?.querySelectorAll('select');
    const last = selects?.[selects.length - 1];
    if (!last) return;
    if (focusLast.current) last.focus();
    focusLast.current = false;
    last.dispatchEvent(new Event('change', { bubbles: true }));
  }, [count]);

  const sessions = rows.map((r) => Number(r.value)).filter((n) => Number.isInteger(n) && n > 0);
  const total = totalSessions(sessions);
  const full = rows.length >= NAPT_PER_PORT_LIMIT;

  return (
    <fieldset className="space-y-3 rounded-md border border-slate-300 p-3 sm:col-span-2" data-testid="napt-fields" aria-describedby="napt-help">
      <legend className="px-1 text-sm font-medium text-slate-800">{t('form.naptLegend')}</legend>
      <p id="napt-help" className="text-xs text-slate-600">
        {t('form.naptHelp', { max: NAPT_PER_PORT_LIMIT })}
      </p>
      <ol ref={listRef} className="space-y-2">
        {rows.map((r, i) => {
          const id = i === 0 ? 'naptSessions' : `naptSessions-${i + 1}`;
          return (
            <li key={r.key} className="flex flex-wrap items-end gap-2" data-testid="napt-row">
              <div className="min-w-48 flex-1 space-y-1">
                <label htmlFor={id} className="block text-sm text-slate-800">
                  {t('form.naptSessionsLabel', { n: i + 1 })}
                </label>
                <select
                  id={id}
                  name="naptSessions"
                  value={r.value}
                  aria-invalid={error && !r.value ? true : undefined}
                  aria-describedby={error ? 'naptSessions-error' : undefined}
                  onChange={(e) => {
                    const value = e.target.value;
                    setRows((all) => all.map((x) => (x.key === r.key ? { ...x, value } : x)));
                  }}
                  className={inputClass}
                >
                  <NaptSizeOptions />
                </select>
              </div>
              {scripted && rows.length > 1 && (
                <button
                  type="button"
                  onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                  aria-label={t('form.naptRemoveLabel', { n: i + 1 })}
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100"
                >
                  {t('form.naptRemove')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {error && (
        <p id="naptSessions-error" className="text-sm text-red-700" data-testid="error-naptSessions">
          {error}
        </p>
      )}
      {scripted && (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={full}
            onClick={() => {
              focusLast.current = true;
              setRows((all) => [...all, row('')]);
            }}
            className="rounded-md border border-brand-600 bg-white px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-100 disabled:border-slate-300 disabled:text-slate-500"
          >
            {t('form.naptAdd')}
          </button>
          {full && <span className="text-xs text-slate-600">{t('form.naptMax', { max: NAPT_PER_PORT_LIMIT })}</span>}
        </div>
      )}
      <p aria-live="polite" className="text-sm font-medium text-slate-900" data-testid="napt-total">
        {t('form.naptTotal', { total })}
      </p>
    </fieldset>
  );
}
