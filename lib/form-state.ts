// The one form state of every form that writes (customer, support, operator, sign-in). The
// action pipeline (lib/action.ts) produces it; forms read it with useActionState. Pure: client
// components import it.
import type { z } from 'zod';
// From the module itself, not the lib/rules index: client forms import this file, and the index
// would bring the option catalog into the browser with it.
import { TERMS_RULE_IDS, type TermsRuleId } from './rules/articles';
import type { RuleViolation } from './result';

export type Fields = Record<string, string | string[]>;

export interface FormState<P = unknown> {
  /** 'review': the customer flows' second step (every consequence shown, nothing written). */
  step: 'edit' | 'review';
  /** What was sent, as sent: nothing the user typed is lost. */
  fields: Fields;
  preview?: P | null;
  /** Contract rules the change breaks, keyed by rule ID (translated by the form). */
  violations?: RuleViolation[];
  /** A refusal code, translated by the form's namespace (`…refusals.<code>` / `…errors.<code>`). */
  refusal?: string;
  /** Field → message key. */
  fieldErrors?: Record<string, string>;
  /** The reference of a logged unexpected error ("nothing was changed", with this reference). */
  errorRef?: string;
  /** Issued at review; the confirm form sends it back so a double submit lands once. */
  idempotencyKey?: string;
  /** Issued at review: the digest of the amounts shown; the confirm is refused if they changed since. */
  amountsShown?: string;
  /** New for every answer: forms remount their fields with what was sent (React resets forms after an action). */
  nonce?: string;
}

export const initialFormState: FormState = { step: 'edit', fields: {} };

/** The state before the first answer, for a form whose preview has type P. */
export function emptyFormState<P>(): FormState<P> {
  return { step: 'edit', fields: {} };
}

/** The first value of a field (a repeated field gives its first). */
export function firstField(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** An error reference from a URL (`&ref=`), only in the format lib/log.ts issues (a request id); anything else is dropped. */
export function errorRefFrom(value: string | undefined): string | undefined {
  return value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value) ? value : undefined;
}

/** The rule IDs a one-button form's refusal names (`&rules=`, comma-separated, possibly repeated), only IDs of the terms; anything else is dropped. */
export function rulesFrom(value: string | string[] | undefined): TermsRuleId[] {
  const known = TERMS_RULE_IDS as readonly string[];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(values.flatMap((v) => v.split(',')))].filter((rule): rule is TermsRuleId => known.includes(rule));
}

/** One value per field, for forms without repeated fields. */
export function singleFields(fields: Fields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) out[name] = firstField(value) ?? '';
  return out;
}

/** The one FormData reader: every text field as sent, repeated fields as lists (files and Next's own fields left out). */
export function readForm(formData: FormData): Fields {
  const out: Fields = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith('$ACTION') || typeof value !== 'string') continue;
    const existing = out[name];
    out[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

const FIELD_ERRORS = new Set(['required', 'tooLong', 'invalid', 'invalidDate', 'invalidDateTime', 'invalidMonth', 'yen', 'customerCode', 'contractNumber']);

/** The one field-error mapper: zod issues as field name → message key (a key each form translates). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[issue.path.length - 1] ?? 'form');
    out[field] ??= FIELD_ERRORS.has(issue.message) ? issue.message : 'invalid';
  }
  return out;
}

