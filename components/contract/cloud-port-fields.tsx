'use client';

import { useState } from 'react';
import type { FormState } from '@/lib/form-state';
import { CLOUD_CONDITIONS, CLOUD_TYPES, cloudPortSpeeds, isPrivateCloud } from '@/lib/rules/catalog';
import type { CloudType } from '@/lib/rules/types';
import { NaptSessionsFields } from './napt-fields';
import { all, first, useOrderFieldKit } from './order-field-kit';

/** The fields of a public or private cloud port, with the NAPT add-ons ordered with a public one. */
export function CloudPortFields({ state }: { state: FormState }) {
  const { t, values, error, select, textInput } = useOrderFieldKit(state);
  const [cloudType, setCloudType] = useState<string>(first(values.cloudType));
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="kind" value="cloud_port" />
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
    </div>
  );
}
