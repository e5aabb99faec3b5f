// The one result type of every write (customer, support, operator, sign-in). A service answers
// it; the action pipeline (lib/action.ts) turns it into the one form state. Pure types: client
// components may import them.

/** A rule the change breaks: a rule ID of lib/rules, or a portal rule (R-ONE-PER-NETWORK, R-CLOUD-CONDITIONS). */
export interface RuleViolation {
  rule: string;
  message: string;
}

/**
 * Why a write was not done. `violations`: contract rules, keyed by rule ID; `refused`: a portal
 * check with a translated message per reason code; `not_found`: the thing does not exist for this
 * actor (another customer's looks exactly the same). `preview` carries the consequences the
 * customer was shown, so the form can keep showing them beside the refusal.
 */
export type Failure<P = unknown> =
  | { ok: false; kind: 'violations'; violations: RuleViolation[]; preview?: P }
  | { ok: false; kind: 'refused'; reason: string; preview?: P }
  | { ok: false; kind: 'not_found' };

/** A service's answer: ok with its value's fields, or a failure. */
export type Result<T extends object = object, P = unknown> = ({ ok: true } & T) | Failure<P>;

export const notFound = { ok: false, kind: 'not_found' } as const;

export function refused<const R extends string, P = never>(reason: R, preview?: P) {
  return { ok: false as const, kind: 'refused' as const, reason, ...(preview === undefined ? {} : { preview }) };
}

export function violated<P = never>(violations: RuleViolation[], preview?: P) {
  return { ok: false as const, kind: 'violations' as const, violations, ...(preview === undefined ? {} : { preview }) };
}
