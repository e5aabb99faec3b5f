// The JSON columns read back: each parsed with zod into its full type, never cast. A row that
// does not parse (written by an older version, or damaged) reads as the least it can safely
// mean: no options, no summary. Pure (zod only), so pages and client code may use it too.
import { z } from 'zod';
import { consumptionTaxYen, NAPT_SESSIONS, FIREWALL_SESSIONS, type Speed } from '@/lib/rules';
import type { ApplicationPayload, CancellationSummary, ChangePayload, ChangeTarget, OptionAttributes, OrderPreview } from './types';

const yen = z.number().int().nonnegative();
const speed = z.enum(['100M', '300M', '500M', '1G', '2G', '5G', '10G']) satisfies z.ZodType<Speed>;
const attributes = z.custom<OptionAttributes>((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
const count = z.number().int().nonnegative();

/** A running port a change interrupts (kept since NAPT per port; older rows have none). */
const portInterruption = z.object({
  portId: z.string(),
  portCode: z.string(),
  speed: z.string(),
  sessionsBefore: count,
  sessionsAfter: count,
});
const interruptions = z.array(portInterruption).optional().catch(undefined);

const feeLine = z.object({
  kind: z.string(),
  item: z.string(),
  initialYen: yen,
  monthlyYen: yen,
  oneTimeYen: yen,
  taxOnInitialYen: yen,
  taxOnMonthlyYen: yen,
  minimumTermMonths: z.number().int().nullable(),
  priced: z.boolean(),
});

const orderPreview: z.ZodType<OrderPreview> = z
  .object({
    fees: z.array(feeLine),
    totalInitialYen: yen,
    totalMonthlyYen: yen,
    // Kept since issue 9; older rows have only the totals.
    taxOnTotalInitialYen: yen.optional(),
    taxOnTotalMonthlyYen: yen.optional(),
    interruptions,
  })
  .transform(({ interruptions: shown, ...p }) => ({
    ...p,
    ...(shown ? { interruptions: shown } : {}),
    taxOnTotalInitialYen: p.taxOnTotalInitialYen ?? consumptionTaxYen(p.totalInitialYen),
    taxOnTotalMonthlyYen: p.taxOnTotalMonthlyYen ?? consumptionTaxYen(p.totalMonthlyYen),
  }));

const applicationPayload = z.object({
  // Keeps every id that is a string, as the pre-typed reader did, even if one entry is not.
  optionIds: z.array(z.unknown()).transform((ids) => ids.filter((id): id is string => typeof id === 'string')).catch([]),
  fees: orderPreview.optional().catch(undefined),
});

/** The options an application was for and the fees shown (null when none were kept). */
export function readApplicationPayload(payload: unknown): { optionIds: string[]; fees: OrderPreview | null } {
  const parsed = applicationPayload.safeParse(payload);
  return parsed.success ? { optionIds: parsed.data.optionIds, fees: parsed.data.fees ?? null } : { optionIds: [], fees: null };
}

export function applicationPayloadOf(optionIds: string[], fees: OrderPreview): ApplicationPayload {
  return { optionIds, fees };
}

const changeTarget: z.ZodType<ChangeTarget> = z.union([z.object({ speed }), z.object({ sessions: z.number().int().positive() })]);

const changePayload = z
  .object({
    type: z.enum(['change_speed', 'change_item']),
    from: z.coerce.string(),
    to: z.coerce.string(),
    monthlyBeforeYen: yen.catch(0),
    taxOnMonthlyBeforeYen: yen.optional(),
    monthlyAfterYen: yen.catch(0),
    taxOnMonthlyAfterYen: yen.optional(),
    oneTimeYen: yen.catch(0),
    taxOnOneTimeYen: yen.catch(0),
    target: changeTarget.optional(),
  })
  .transform((p): ChangePayload | null => {
    const target = p.target ?? legacyTarget(p.to);
    if (!target) return null;
    return {
      ...p,
      taxOnMonthlyBeforeYen: p.taxOnMonthlyBeforeYen ?? consumptionTaxYen(p.monthlyBeforeYen),
      taxOnMonthlyAfterYen: p.taxOnMonthlyAfterYen ?? consumptionTaxYen(p.monthlyAfterYen),
      target,
    };
  });

/**
 * Requests made before the target was kept as attributes hold it only as shown (`to`): read
 * here, once, against the catalog. New requests always carry `target`.
 */
function legacyTarget(to: string): ChangeTarget | null {
  const asSpeed = speed.safeParse(to);
  if (asSpeed.success) return { speed: asSpeed.data };
  const sessions = Number(to);
  return [...NAPT_SESSIONS, ...FIREWALL_SESSIONS].includes(sessions) ? { sessions } : null;
}

/** A change request's payload, or null when it cannot be read (such a request cannot be judged). */
export function readChangePayload(payload: unknown): ChangePayload | null {
  const parsed = changePayload.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

const earlyTermination = z.object({
  lastDay: z.string().nullable(),
  months: z.array(z.object({ month: z.string(), days: z.number().int(), daysInMonth: z.number().int() })),
  totalYen: yen,
});

const cancellationSummary: z.ZodType<CancellationSummary> = z.object({
  noticeDate: z.string(),
  earliestDate: z.string(),
  requestedDate: z.string().nullable(),
  effectiveDate: z.string(),
  latestRequestableDate: z.string(),
  withdrawableUntil: z.string().optional(),
  ending: z.array(
    z.object({
      optionId: z.string(),
      code: z.string(),
      kind: z.string(),
      attributes,
      billingStartDate: z.string().nullable(),
      endsOn: z.string().optional(),
      minimumTermLastDay: z.string().nullable(),
      monthlyFeeYen: yen,
      earlyTermination: earlyTermination.nullable(),
      endsWithPort: z.string().optional(),
      endsEarlier: z.boolean().optional(),
    }),
  ),
  totalEarlyTerminationYen: yen,
  taxOnEarlyTerminationYen: yen,
  interruptions,
});

/** What the customer saw and confirmed on a notice, or null when nothing readable was kept. */
export function readCancellationSummary(summary: unknown): CancellationSummary | null {
  const parsed = cancellationSummary.safeParse(summary);
  return parsed.success ? parsed.data : null;
}
