'use client';

import Link from 'next/link';
import { useTranslations } from '@/components/layout/translations';
import { useState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import type { FormState } from '@/lib/form-state';
// From the modules themselves: the lib/rules index would bring every rule into the browser.
import {
  CLOUD_CONDITIONS,
  CLOUD_TYPES,
  FIREWALL_SESSIONS,
  NAPT_PER_PORT_LIMIT,
  ONPREM_SPEEDS,
  PBB_EXPANSION_ITEMS,
  PREMISES_LINES,
  cloudPortSpeeds,
  isPrivateCloud,
} from '@/lib/rules/catalog';
import { totalSessions } from '@/lib/rules/napt';
import type { CloudType, OptionKind } from '@/lib/rules/types';
import { NaptSessionsFields, NaptSizeOptions } from './napt-fields';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A public cloud port a new NAPT add-on may be assigned to (lib/contracts naptPortChoices). */
export interface NaptPortChoice {
  id: string;
  code: string;
  cloudType: string;
  speed: string;
  naptCount: number;
  totalSessions: number;
}

/**
 * The fields of one option kind; every choice comes from the catalog in lib/rules. A NAPT add-on
 * is assigned to one of `portChoices` (only eligible ports); when there is none, `orderPortHref`
 * leads to ordering a public port with its NAPT add-ons.
 */
export function OrderFields({
  kind,
  state,
  portChoices = [],
  orderPortHref,
}: {
  kind: OptionKind;
  state: FormState;
  portChoices?: NaptPortChoice[];
  orderPortHref?: string;
}) {
  const t = useTranslations();
  const values = state.fields;
  const errors = state.fieldErrors ?? {};
  const error = (name: string) => (errors[name] ? t(`form.fieldErrors.${errors[name]}`) : undefined);
  const [cloudType, setCloudType] = useState<string>(first(values.cloudType));
  // One eligible port is chosen for the customer; several are theirs to choose.
  const [portId, setPortId] = useState<string>(first(values.portId) || (portChoices.length === 1 ? portChoices[0]!.id : ''));
  const [naptSize, setNaptSize] = useState<string>(first(values.sessions));
  const chosenPort = portChoices.find((p) => p.id === portId);

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
          {/* A private port takes no NAPT; until the type is known (always, without JavaScript) the list is shown. */}
          {!(cloudType && isPrivateCloud(cloudType as CloudType)) && (
            <NaptSessionsFields initial={all(values.naptSessions)} error={error('naptSessions')} />
          )}
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
        (portChoices.length === 0 ? (
          <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 sm:col-span-2" data-testid="napt-no-port">
            <p>{t('form.naptNoPort', { max: NAPT_PER_PORT_LIMIT })}</p>
            {orderPortHref && (
              <Link href={orderPortHref} className="font-medium underline">
                {t('form.naptOrderPort')}
              </Link>
            )}
          </div>
        ) : (
          <>
            {/* The choice names the port, its cloud, interface and NAPT so far: the full width keeps it readable. */}
            <div className="sm:col-span-2">
            <Field
              id="portId"
              label={t('form.naptPort')}
              help={t('form.naptPortHelp', { max: NAPT_PER_PORT_LIMIT })}
              error={error('portId')}
            >
              {(props) => (
                <select {...props} name="portId" value={portId} onChange={(e) => setPortId(e.target.value)} className={inputClass}>
                  {portChoices.length > 1 && <option value="">{t('form.choose')}</option>}
                  {portChoices.map((p) => (
                    <option key={p.id} value={p.id}>
                      {t('form.naptPortChoice', {
                        code: p.code,
                        cloud: t.has(`cloudsShort.${p.cloudType}`) ? t(`cloudsShort.${p.cloudType}`) : p.cloudType,
                        speed: p.speed,
                        count: p.naptCount,
                        total: p.totalSessions,
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            </div>
            <Field id="sessions" label={t('form.sessions')} error={error('sessions')}>
              {(props) => (
                <select {...props} name="sessions" value={naptSize} onChange={(e) => setNaptSize(e.target.value)} className={inputClass}>
                  <NaptSizeOptions />
                </select>
              )}
            </Field>
            <p aria-live="polite" className="text-sm font-medium text-slate-900 empty:hidden sm:col-span-2" data-testid="napt-total">
              {chosenPort && naptSize
                ? t('form.naptPortTotalAfter', { code: chosenPort.code, total: totalSessions([chosenPort.totalSessions, Number(naptSize)]) })
                : null}
            </p>
          </>
        ))}
      {kind === 'firewall' &&
        select('sessions', t('form.sessions'), FIREWALL_SESSIONS.map((n) => ({ value: String(n), label: t('details.sessions', { count: n }) })))}
      {kind === 'pbb_expansion' && select('speed', t('form.item'), PBB_EXPANSION_ITEMS.map((s) => ({ value: s, label: s })))}
      {kind === 'static_nat' && <p className="text-sm text-slate-600 sm:col-span-2">{t('kinds.static_nat')}</p>}
    </div>
  );
}
