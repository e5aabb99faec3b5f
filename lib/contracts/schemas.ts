import { z } from 'zod';
import { firstField } from '@/lib/form-state';
import { CLOUD_TYPES, OPTION_KINDS, PREMISES_LINES, isCalendarDate, isPublicCloud, type NewOption } from '@/lib/rules';
import type { OptionOrder } from './types';

// Shapes only: which values the catalog allows is lib/rules' judgement (R-CATALOG), so a
// tampered value gets the same rule-ID refusal as any other. FormData strings are coerced here.

const text = (max: number) => z.string().trim().max(max, { message: 'tooLong' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'tooLong' })
    .optional()
    .transform((v) => (v ? v : undefined));
const id = z.string().uuid({ message: 'invalid' });
export const idempotencyKey = z.string().uuid({ message: 'invalid' });
/** The digest of the amounts a review showed (lib/contract/amounts.ts), sent back by the confirm. */
export const amountsDigestField = z.string().regex(/^[0-9a-f]{64}$/, { message: 'invalid' });

const speed = z.enum(['100M', '300M', '500M', '1G', '2G', '5G', '10G'], { message: 'invalid' });
const sessions = z
  .string()
  .regex(/^\d{1,9}$/, { message: 'invalid' })
  .transform(Number);

/** The ref a public cloud port carries in its own order, named by the portId of the NAPT ordered with it. */
export const PORT_REF = 'port';

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.string().uuid({ message: 'invalid' }).optional());

/**
 * One order form → the options it applies for, as one application: a public cloud port is
 * followed by one NAPT add-on per `naptSessions` value (each assigned to it through its ref);
 * a NAPT add-on names the port it goes to (`portId`). Which sizes and ports are allowed, and
 * how many, is lib/rules' judgement (R-CATALOG, R-NAPT-NEEDS-PUBLIC, R-NAPT-PER-PORT).
 */
export const orderSchema = z
  .object({
    kind: z.enum(OPTION_KINDS as [string, ...string[]], { message: 'required' }),
    line: z.enum(PREMISES_LINES as [string, ...string[]], { message: 'required' }).optional(),
    cloudType: z.enum(CLOUD_TYPES as [string, ...string[]], { message: 'required' }).optional(),
    speed: speed.optional(),
    sessions: sessions.optional(),
    // A public cloud port's NAPT add-ons, one value per add-on (empty values are left out).
    naptSessions: z
      .array(z.string().trim().max(12))
      .max(20)
      .default([])
      .transform((values) => values.filter((v) => v !== ''))
      .pipe(z.array(sessions)),
    portId: optionalId,
    dataCentre: optionalText(100),
    rack: optionalText(50),
    cloudAccountId: optionalText(100),
    cloudConnectionKey: optionalText(200),
    conditions: z.array(z.string().max(40)).max(10).default([]),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v) => {
      if (v[field] === undefined || v[field] === '') ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    };
    if (v.kind === 'onprem_port') ['line', 'speed', 'dataCentre', 'rack'].forEach((f) => need(f as keyof typeof v));
    if (v.kind === 'cloud_port') ['cloudType', 'speed', 'cloudAccountId', 'cloudConnectionKey'].forEach((f) => need(f as keyof typeof v));
    if (v.kind === 'napt' || v.kind === 'firewall') need('sessions');
    if (v.kind === 'pbb_expansion') need('speed');
  })
  .transform((v): OptionOrder[] => {
    const publicPort = v.kind === 'cloud_port' && v.cloudType !== undefined && isPublicCloud(v.cloudType);
    const option = {
      kind: v.kind,
      ...(v.kind === 'onprem_port' ? { line: v.line, speed: v.speed } : {}),
      ...(v.kind === 'cloud_port' ? { cloudType: v.cloudType, speed: v.speed } : {}),
      ...(publicPort ? { ref: PORT_REF } : {}),
      ...(v.kind === 'napt' || v.kind === 'firewall' ? { sessions: v.sessions } : {}),
      ...(v.kind === 'napt' && v.portId ? { portId: v.portId } : {}),
      ...(v.kind === 'pbb_expansion' ? { speed: v.speed } : {}),
    } as NewOption;
    const first: OptionOrder = {
      option,
      ...(v.kind === 'onprem_port' ? { dataCentre: v.dataCentre, rack: v.rack } : {}),
      ...(v.kind === 'cloud_port'
        ? { cloudAccountId: v.cloudAccountId, cloudConnectionKey: v.cloudConnectionKey, cloudConditions: v.conditions }
        : {}),
    };
    const napt: OptionOrder[] = publicPort
      ? v.naptSessions.map((s) => ({ option: { kind: 'napt', sessions: s, portId: PORT_REF } }))
      : [];
    return [first, ...napt];
  });

export const applySchema = z.object({ closedNetworkId: id, orders: orderSchema });
export const addOptionSchema = z.object({ contractId: id, orders: orderSchema });
export const changeSchema = z.object({ optionId: id, to: z.string().trim().min(1, { message: 'required' }).max(10) });

const requestedDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isCalendarDate(v), { message: 'invalidDate' });
export const cancelOptionSchema = z.object({ optionId: id, requestedDate });
export const cancelContractSchema = z.object({ contractId: id, requestedDate });

export const cloudInfoSchema = z.object({
  optionId: id,
  cloudAccountId: text(100).min(1, { message: 'required' }),
  cloudConnectionKey: text(200).min(1, { message: 'required' }),
});

export const withdrawSchema = z.object({ kind: z.enum(['application', 'change']), id });
export const withdrawCancellationSchema = z.object({ noticeId: id });

const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The order fields of a form, in the shape orderSchema parses. */
export function orderFields(fields: Record<string, string | string[]>) {
  return {
    kind: firstField(fields.kind),
    line: firstField(fields.line) || undefined,
    cloudType: firstField(fields.cloudType) || undefined,
    speed: firstField(fields.speed) || undefined,
    sessions: firstField(fields.sessions) || undefined,
    naptSessions: many(fields.naptSessions),
    portId: firstField(fields.portId) || undefined,
    dataCentre: firstField(fields.dataCentre),
    rack: firstField(fields.rack),
    cloudAccountId: firstField(fields.cloudAccountId),
    cloudConnectionKey: firstField(fields.cloudConnectionKey),
    conditions: many(fields.conditions),
  };
}
