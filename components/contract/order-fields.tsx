'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import type { FormState } from '@/lib/form-state';
import {
  CLOUD_CONDITIONS,
  CLOUD_TYPES,
  FIREWALL_SESSIONS,
  NAPT_SESSIONS,
  ONPREM_SPEEDS,
  PBB_EXPANSION_ITEMS,
  PREMISES_LINES,
  cloudPortSpeeds,
  type CloudType,
  type OptionKind,
} from '@/lib/rules';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The fields of one option kind; every choice comes from the catalog in lib/rules. */
export function OrderFields({ kind, state }: { kind: OptionKind; state: FormState }) {
  const t = useTranslations();
  const values = state.fields;
  const errors = state.fieldErrors ?? {};
  const error = (name: string) => (errors[name] ? t(`form.fieldErrors.${errors[name]}`) : undefined);
  const [cloudType, setCloudType] = useState<string>(first(values.cloudType));

  const select = (name: string, label: string, choices: { value: string; label: string }[], onChange?: (v: string) => void) => (
    <Field id={name} label={label} error={error(name)}>
      {(props) => (
        <select
          {...props}
          name={name}
          defaultValue={first(values[name])}
          className={inputClass}
          onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        >
          <option value="">{t('form.choose')}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const textInput = (name: string, label: string, maxLength: number) => (
    <Field id={name} label={label} error={error(name)}>
      {(props) => <input {...props} name={name} type="text" maxLength={maxLength} defaultValue={first(values[name])} className={inputClass} />}
    </Field>
  );

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="kind" value={kind} />
      {kind === 'onprem_port' && (
        <>
          {select('line', t('form.line'), PREMISES_LINES.map((l) => ({ value: l, label: t(`lines.${l}`) })))}
          {select('speed', t('form.speed'), ONPREM_SPEEDS.map((s) => ({ value: s, label: s })))}
          {textInput('dataCentre', t('form.dataCentre'), 100)}
          {textInput('rack', t('form.rack'), 50)}
        </>
      )}
      {kind === 'cloud_port' && (
        <>
          {select('cloudType', t('form.cloudType'), CLOUD_TYPES.map((c) => ({ value: c, label: t(`clouds.${c}`) })), setCloudType)}
          {select(
            'speed',
            t('form.speed'),
            // Without JavaScript every interface is listed; the server refuses a wrong pair (R-CATALOG).
            (cloudType ? cloudPortSpeeds(cloudType as CloudType) : cloudPortSpeeds('M2_PUBLIC')).map((s) => ({ value: s, label: s })),
          )}
          {textInput('cloudAccountId', t('form.cloudAccountId'), 100)}
          {textInput('cloudConnectionKey', t('form.cloudConnectionKey'), 200)}
          <fieldset className="space-y-2 sm:col-span-2">
            <legend className="text-sm font-medium text-slate-800">{t('form.conditionsLegend')}</legend>
            {CLOUD_CONDITIONS.map((c) => (
              <label key={c} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="conditions"
                  value={c}
                  defaultChecked={all(values.conditions).includes(c)}
                  className="mt-0.5 h-4 w-4"
                />
                <span>{t(`form.conditions.${c}`)}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      {kind === 'napt' &&
        select('sessions', t('form.sessions'), NAPT_SESSIONS.map((n) => ({ value: String(n), label: t('details.sessions', { count: n }) })))}
      {kind === 'firewall' &&
        select('sessions', t('form.sessions'), FIREWALL_SESSIONS.map((n) => ({ value: String(n), label: t('details.sessions', { count: n }) })))}
      {kind === 'pbb_expansion' && select('speed', t('form.item'), PBB_EXPANSION_ITEMS.map((s) => ({ value: s, label: s })))}
      {kind === 'static_nat' && <p className="text-sm text-slate-600 sm:col-span-2">{t('kinds.static_nat')}</p>}
    </div>
  );
}
