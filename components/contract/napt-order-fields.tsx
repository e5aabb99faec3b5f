'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import type { FormState } from '@/lib/form-state';
import { NAPT_PER_PORT_LIMIT } from '@/lib/rules/catalog';
import { totalSessions } from '@/lib/rules/napt';
import { NaptSizeOptions } from './napt-size-options';
import { first, useOrderFieldKit } from './order-field-kit';

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
 * The fields of a NAPT add-on ordered on its own: it is assigned to one of `portChoices` (only
 * eligible ports); when there is none, `orderPortHref` leads to ordering a public port with its
 * NAPT add-ons.
 */
export function NaptOrderFields({ state, portChoices, orderPortHref }: { state: FormState; portChoices: NaptPortChoice[]; orderPortHref?: string }) {
  const { t, values, error } = useOrderFieldKit(state);
  // One eligible port is chosen for the customer; several are theirs to choose.
  const [portId, setPortId] = useState<string>(first(values.portId) || (portChoices.length === 1 ? portChoices[0]!.id : ''));
  const [naptSize, setNaptSize] = useState<string>(first(values.sessions));
  const chosenPort = portChoices.find((p) => p.id === portId);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="kind" value="napt" />
      {portChoices.length === 0 ? (
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
            <Field id="portId" label={t('form.naptPort')} help={t('form.naptPortHelp', { max: NAPT_PER_PORT_LIMIT })} error={error('portId')}>
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
      )}
    </div>
  );
}
