import { z } from 'zod';
import { firstField } from '@/lib/form-state';
import { CLOUD_TYPES, OPTION_KINDS, PREMISES_LINES, isCalendarDate, type NewOption } from '@/lib/rules';
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

const speed = z.enum(['100M', '300M', '500M', '1G', '2G', '5G', '10G'], { message: 'invalid' });
const sessions = z
  .string()
  .regex(/^\d{1,9}$/, { message: 'invalid' })
  .transform(Number);

export const orderSchema = z
  .object({
    kind: z.enum(OPTION_KINDS as [string, ...string[]], { message: 'required' }),
    line: z.enum(PREMISES_LINES as [string, ...string[]], { message: 'required' }).optional(),
    cloudType: z.enum(CLOUD_TYPES as [string, ...string[]], { message: 'required' }).optional(),
    speed: speed.optional(),
    sessions: sessions.optional(),
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
  .transform((v): OptionOrder => {
    const option = {
      kind: v.kind,
      ...(v.kind === 'onprem_port' ? { line: v.line, speed: v.speed } : {}),
      ...(v.kind === 'cloud_port' ? { cloudType: v.cloudType, speed: v.speed } : {}),
      ...(v.kind === 'napt' || v.kind === 'firewall' ? { sessions: v.sessions } : {}),
      ...(v.kind === 'pbb_expansion' ? { speed: v.speed } : {}),
    } as NewOption;
    return {
      option,
      ...(v.kind === 'onprem_port' ? { dataCentre: v.dataCentre, rack: v.rack } : {}),
      ...(v.kind === 'cloud_port'
        ? { cloudAccountId: v.cloudAccountId, cloudConnectionKey: v.cloudConnectionKey, cloudConditions: v.conditions }
        : {}),
    };
  });

export const applySchema = z.object({ closedNetworkId: id, order: orderSchema });
export const addOptionSchema = z.object({ contractId: id, order: orderSchema });
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
    dataCentre: firstField(fields.dataCentre),
    rack: firstField(fields.rack),
    cloudAccountId: firstField(fields.cloudAccountId),
    cloudConnectionKey: firstField(fields.cloudConnectionKey),
    conditions: many(fields.conditions),
  };
}
