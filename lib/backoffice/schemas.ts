import { z } from 'zod';
import { SLA_EXCLUSION_REASONS, isCalendarDate, isMonth, type SlaExclusionReason } from '@/lib/rules';

// The back office's forms, parsed from FormData strings (coerced here, explicitly). Each issue's
// message is a key of backoffice.fieldErrors, so every bad input gets a translated message.

export const FIELD_ERRORS = [
  'required',
  'tooLong',
  'invalid',
  'invalidDate',
  'invalidDateTime',
  'yen',
  'customerCode',
  'contractNumber',
] as const;
export type FieldError = (typeof FIELD_ERRORS)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const id = z.string({ message: 'invalid' }).uuid({ message: 'invalid' });

const calendarDate = z
  .string({ message: 'required' })
  .trim()
  .min(1, { message: 'required' })
  .refine((v) => isCalendarDate(v), { message: 'invalidDate' });

/** A `datetime-local` value (YYYY-MM-DDTHH:mm[:ss]) read as Japan time. */
export function japanDateTime(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, date, hh, mm, ss = '00'] = match;
  if (!isCalendarDate(date) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
  return new Date(`${date}T${hh}:${mm}:${ss}+09:00`);
}

/** The other way: an instant as a `datetime-local` value in Japan time (seconds only when not zero), for prefilled forms. */
export function japanDateTimeInput(at: Date): string {
  const local = new Date(at.getTime() + 9 * 60 * 60_000).toISOString();
  return local.slice(0, local.slice(17, 19) === '00' ? 16 : 19);
}

const requiredInstant = z
  .string({ message: 'required' })
  .trim()
  .min(1, { message: 'required' })
  .transform((v, ctx) => {
    const at = japanDateTime(v);
    if (!at) {
      ctx.addIssue({ code: 'custom', message: 'invalidDateTime' });
      return z.NEVER;
    }
    return at;
  });

const optionalInstant = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return null;
      const at = japanDateTime(v);
      if (!at) {
        ctx.addIssue({ code: 'custom', message: 'invalidDateTime' });
        return z.NEVER;
      }
      return at;
    }),
);

/** Whole yen, 0 or more: digits only (thousands separators allowed); "-1" or "1.5" is refused. */
const yen = z
  .string({ message: 'required' })
  .trim()
  .min(1, { message: 'required' })
  .transform((v) => v.replaceAll(',', ''))
  .refine((v) => /^\d{1,9}$/.test(v), { message: 'yen' })
  .transform(Number);

const customerCode = z
  .string({ message: 'required' })
  .trim()
  .min(1, { message: 'required' })
  .transform((v) => v.toUpperCase())
  .refine((v) => /^C-[A-Z0-9]{1,20}$/.test(v), { message: 'customerCode' });

const reason = z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(500, { message: 'tooLong' });

// ── applications queue ───────────────────────────────────────────────────────────────────────

export const decisionSchema = z.object({ source: z.enum(['application', 'change'], { message: 'invalid' }), id });
export const rejectSchema = decisionSchema.extend({ reason });
export const completeSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('application'), id, billingStartDate: calendarDate }),
  z.object({ source: z.literal('change'), id }),
]);

// ── designated-service contracts ─────────────────────────────────────────────────────────────

export const recordPbbSchema = z.object({
  customerCode,
  contractNumber: z
    .string({ message: 'required' })
    .trim()
    .min(1, { message: 'required' })
    .max(40, { message: 'tooLong' })
    .refine((v) => /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(v), { message: 'contractNumber' }),
  startedOn: calendarDate,
});

export const endPbbSchema = z.object({
  pbbContractId: id,
  endedOn: calendarDate,
  confirmLast: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});

// ── price list ───────────────────────────────────────────────────────────────────────────────

export const addPriceSchema = z
  .object({
    /** `kind|item` from the price item list (item may be empty). */
    priceItem: z
      .string({ message: 'required' })
      .min(1, { message: 'required' })
      .refine((v) => v.includes('|'), { message: 'invalid' }),
    customerCode: z.preprocess(blankToUndefined, customerCode.optional()),
    initialYen: yen,
    monthlyYen: yen,
    oneTimeYen: z.preprocess((v) => blankToUndefined(v) ?? '0', yen),
    appliesFrom: calendarDate,
  })
  .transform(({ priceItem, ...rest }) => {
    const at = priceItem.indexOf('|');
    return { ...rest, kind: priceItem.slice(0, at), item: priceItem.slice(at + 1) };
  });

// ── outages ──────────────────────────────────────────────────────────────────────────────────

const exclusionReason = z.preprocess(
  blankToUndefined,
  z
    .enum(SLA_EXCLUSION_REASONS as unknown as [SlaExclusionReason, ...SlaExclusionReason[]], { message: 'invalid' })
    .optional()
    .transform((v) => v ?? null),
);

/** The instants and the exclusion reason of one outage, as recorded or corrected. */
const outageFields = {
  startedAt: requiredInstant,
  endedAt: optionalInstant,
  detectedAt: requiredInstant,
  notifiedAt: optionalInstant,
  exclusionReason,
};

export const recordOutageSchema = z.object({
  contractNumber: z
    .string({ message: 'required' })
    .trim()
    .min(1, { message: 'required' })
    .max(40, { message: 'tooLong' })
    .transform((v) => v.toUpperCase()),
  ...outageFields,
});

/** Ends an outage still in progress. */
export const endOutageSchema = z.object({ outageId: id, endedAt: requiredInstant });

/** Corrects every field of one outage at once (the form is prefilled with what is recorded). */
export const correctOutageSchema = z.object({ outageId: id, ...outageFields });

// ── SLA credit claims ────────────────────────────────────────────────────────────────────────

/** A billing month, YYYY-MM, as `<input type="month">` sends it. */
const billingMonth = z
  .string({ message: 'required' })
  .trim()
  .refine((v) => isMonth(v), { message: 'invalidMonth' });

export const approveClaimSchema = z.object({ claimId: id, billingMonth });
export const rejectClaimSchema = z.object({ claimId: id, reason });

// ── issued statements ────────────────────────────────────────────────────────────────────────

export const issueStatementsSchema = z.object({ month: billingMonth });

// ── customers (onboarding) ───────────────────────────────────────────────────────────────────

const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { message: 'tooLong' })
      .optional()
      .transform((v) => v ?? null),
  );

const companyName = z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(200, { message: 'tooLong' });

/** Digits, spaces, +, -, ( and ): a telephone number as people write it. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{4,28}[0-9]$/;
const optionalPhone = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(30, { message: 'tooLong' })
    .refine((v) => PHONE_PATTERN.test(v), { message: 'invalid' })
    .optional()
    .transform((v) => v ?? null),
);

/** What an operator keeps of a customer: the names (Japanese and English), and the company details. */
const customerDetails = {
  name: companyName,
  nameEn: companyName,
  postalAddress: optionalText(300),
  phone: optionalPhone,
};

export const createCustomerSchema = z.object({ code: customerCode, ...customerDetails });
export const editCustomerSchema = z.object({ customerId: id, ...customerDetails });
export const customerIdSchema = z.object({ customerId: id });
/** Deactivation asks for a ticked confirmation ('on', as a checkbox sends it). */
export const deactivateCustomerSchema = customerIdSchema.extend({
  confirm: z.literal('on', { message: 'required' }),
});

export const addCustomerPbbSchema = z.object({
  customerId: id,
  contractNumber: recordPbbSchema.shape.contractNumber,
  startedOn: calendarDate,
});

/** A closed network's code as IIJ writes it (CN-0202-01): letters, digits and hyphens after "CN-". */
export const NETWORK_CODE_PATTERN = /^CN-[A-Z0-9][A-Z0-9-]{0,30}$/;
export const addNetworkSchema = z.object({
  customerId: id,
  pbbContractId: id,
  networkCode: z
    .string({ message: 'required' })
    .trim()
    .min(1, { message: 'required' })
    .transform((v) => v.toUpperCase())
    .refine((v) => NETWORK_CODE_PATTERN.test(v), { message: 'invalid' }),
  name: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' }),
});

export const inviteAdminSchema = z.object({
  customerId: id,
  name: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' }),
  email: z
    .string({ message: 'required' })
    .trim()
    .min(1, { message: 'required' })
    .max(254, { message: 'tooLong' })
    .pipe(z.email({ message: 'invalid' }))
    .transform((v) => v.toLowerCase()),
  locale: z.enum(['ja', 'en'], { message: 'invalid' }),
});
