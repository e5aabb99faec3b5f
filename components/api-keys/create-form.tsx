'use client';

import { useActionState } from 'react';
import { useTranslations } from '@/components/layout/translations';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Refusal } from '@/components/ui/refusal';
import { createApiKeyAction } from '@/lib/api-keys/actions';
import { API_KEY_DEFAULT_EXPIRY_DAYS, API_KEY_EXPIRY_DAYS, API_KEY_NAME_MAX, API_KEY_SCOPES, type NewApiKeyShown } from '@/lib/api-keys/types';
import { emptyFormState, firstField } from '@/lib/form-state';
import { CopyKey } from './copy-key';

/**
 * Create a key: name, scope, lifetime. The answer carries the whole key once, shown here above the
 * form; it is in no URL and in no later page (a reload shows the list only). Keeps what was typed
 * on a refusal. Works without JavaScript.
 */
export function CreateApiKeyForm() {
  const t = useTranslations('apiKeys');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(createApiKeyAction, emptyFormState<NewApiKeyShown>());
  const value = (name: string) => firstField(state.fields[name]);
  const error = (name: string) => (state.fieldErrors?.[name] ? t(`fieldErrors.${state.fieldErrors[name]}`) : undefined);
  const created = state.preview;
  return (
    <div className="space-y-4">
      {created && (
        <div data-testid="new-api-key-panel" className="space-y-3 rounded-md border-2 border-amber-500 bg-amber-50 p-4">
          <h3 className="font-semibold text-amber-950">{t('newKeyTitle', { name: created.name })}</h3>
          <p className="text-sm font-medium text-amber-950">{t('newKeyWarning')}</p>
          <code data-testid="new-api-key" className="block rounded border border-amber-300 bg-white p-3 font-mono text-sm break-all select-all">
            {created.key}
          </code>
          <CopyKey value={created.key} />
          <p className="text-xs text-slate-700">{t('newKeyUse')}</p>
        </div>
      )}
      <form key={state.nonce ?? 'initial'} action={action} className="grid gap-4 sm:grid-cols-2" noValidate data-testid="create-api-key-form">
        {state.refusal && <Refusal className="sm:col-span-2" message={t(`refusals.${state.refusal}`)} errorRef={state.errorRef} t={tAll} />}
        <Field id="api-key-name" label={t('name')} error={error('name')}>
          {(p) => <input {...p} name="name" type="text" autoComplete="off" maxLength={API_KEY_NAME_MAX} defaultValue={value('name')} className={inputClass} />}
        </Field>
        <Field id="api-key-expiry" label={t('expiry')} help={t('expiryHelp')} error={error('expiryDays')}>
          {(p) => (
            <select {...p} name="expiryDays" defaultValue={value('expiryDays') ?? String(API_KEY_DEFAULT_EXPIRY_DAYS)} className={inputClass}>
              {API_KEY_EXPIRY_DAYS.map((days) => (
                <option key={days} value={String(days)}>
                  {t('expiryDays', { days })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="sm:col-span-2" aria-describedby={error('scope') ? 'api-key-scope-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('scope')}</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex gap-2 rounded-md border border-slate-300 bg-white p-2 text-sm">
                <input type="radio" name="scope" value={scope} defaultChecked={(value('scope') ?? 'read') === scope} />
                <span>
                  <span className="block font-medium">{t(`scopes.${scope}`)}</span>
                  <span className="block text-xs text-slate-600">{t(`scopeHelp.${scope}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {error('scope') && (
            <p id="api-key-scope-error" className="mt-1 text-sm text-red-700">
              {error('scope')}
            </p>
          )}
        </fieldset>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t('creating') : t('create')}
          </Button>
        </div>
      </form>
    </div>
  );
}
