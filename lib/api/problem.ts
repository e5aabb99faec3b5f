// Errors of the public API as RFC 9457 problem details (`application/problem+json`): a stable
// `code`, the HTTP status, a title and a detail in the language of `Accept-Language`, the rule IDs
// and articles of the terms a change breaks, and the request id a user quotes to support.
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locale';
import { TERMS_RULE_IDS, ruleArticle, type TermsRuleId } from '@/lib/rules/articles';
import type { Failure, RuleViolation } from '@/lib/result';

export const PROBLEM_TYPE = 'application/problem+json';

/** Every problem code the API answers, with its HTTP status. */
export const PROBLEM_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  insufficient_scope: 403,
  read_only: 403,
  not_found: 404,
  method_not_allowed: 405,
  rule_violation: 422,
  refused: 422,
  idempotency_key_required: 400,
  idempotency_mismatch: 422,
  idempotency_in_progress: 409,
  prices_changed: 409,
  rate_limited: 429,
  failed: 500,
  unavailable: 503,
} as const;
export type ProblemCode = keyof typeof PROBLEM_STATUS;

export interface ProblemRule {
  rule: string;
  article: string | null;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  /** For `refused`: the portal's own reason (e.g. date_too_far), translated in `detail`. */
  reason?: string;
  rules?: ProblemRule[];
  /** Field → translated message, for `invalid_request`. */
  errors?: Record<string, string>;
  requestId?: string;
}

/** What the router turns into a problem: a code, and what the code alone does not say. */
export interface ProblemInput {
  code: ProblemCode;
  reason?: string;
  violations?: RuleViolation[];
  fieldErrors?: Record<string, string>;
  headers?: Record<string, string>;
  /** The reference of a logged error, when it is not the request's id. */
  requestId?: string;
}

/** The problem for a service's failure (lib/result.ts), the same failure a form shows. */
export function problemOfFailure(failure: Failure): ProblemInput {
  if (failure.kind === 'not_found') return { code: 'not_found' };
  if (failure.kind === 'violations') return { code: 'rule_violation', violations: failure.violations };
  const reason = failure.reason;
  if (reason === 'read_only' || reason === 'support_view_only') return { code: 'read_only' };
  if (reason === 'idempotency_mismatch' || reason === 'prices_changed' || reason === 'not_found' || reason === 'failed') return { code: reason };
  return { code: 'refused', reason };
}

const isTermsRule = (rule: string): rule is TermsRuleId => (TERMS_RULE_IDS as readonly string[]).includes(rule);

/** The problem's body, translated into `locale`. */
export async function problemBody(input: ProblemInput, locale: Locale, requestId?: string): Promise<Problem> {
  const api = await getTranslations({ locale, namespace: 'api.problems' });
  const form = await getTranslations({ locale, namespace: 'form' });
  const rulesT = await getTranslations({ locale, namespace: 'rules' });
  const status = PROBLEM_STATUS[input.code];
  const reasonKey = `refusals.${input.reason ?? input.code}`;
  const detail = input.reason && form.has(reasonKey) ? form(reasonKey) : api(`${input.code}.detail`);
  const problem: Problem = {
    type: `urn:smarthub:problem:${input.code}`,
    title: api(`${input.code}.title`),
    status,
    detail,
    code: input.code,
    ...(input.reason ? { reason: input.reason } : {}),
  };
  if (input.violations?.length) {
    problem.rules = input.violations.map((v) => ({
      rule: v.rule,
      article: isTermsRule(v.rule) ? ruleArticle(v.rule) : null,
      message: rulesT.has(v.rule) ? rulesT(v.rule) : v.message,
    }));
  }
  if (input.fieldErrors) {
    problem.errors = Object.fromEntries(
      Object.entries(input.fieldErrors).map(([field, key]) => [field, form.has(`fieldErrors.${key}`) ? form(`fieldErrors.${key}`) : form('fieldErrors.invalid')]),
    );
  }
  if (requestId) problem.requestId = requestId;
  return problem;
}
