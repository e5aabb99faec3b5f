// What an operator service answers: the one result type (lib/result.ts). The services follow
// the customer flows' shape: the caller has run the guard and parsed the input; here one
// transaction locks the contract row, checks the status transition (and lib/rules where a
// contract rule applies), and writes the change with its audit row.
import type { Actor, StaffActor } from '@/lib/auth/access';
import { notFound, refused as refusedWith, type Result, type RuleViolation } from '@/lib/result';

export type { RuleViolation };
export { notFound };

export interface OpCtx {
  now: Date;
}

/** Refusals of the back office: each has a translated message (backoffice.refusals.*). */
export const OP_REFUSALS = [
  'forbidden',
  'not_submitted',
  'not_accepted',
  'contract_ended',
  'contract_not_accepted',
  'option_ended',
  'billing_before_acceptance',
  'unknown_customer',
  'unknown_contract',
  'duplicate_contract_number',
  'pbb_not_active',
  'end_before_start',
  'confirm_last_pbb',
  'unknown_price_item',
  'invalid_amount',
  'applies_from_past',
  'duplicate_price',
  'outage_ends_before_start',
  'detected_before_start',
  'notified_before_detected',
  'in_future',
  'duplicate_outage',
  'already_decided',
  'month_in_past',
  'claim_excluded',
  'claim_not_earned',
  'outage_already_ended',
  'outage_unchanged',
  'month_not_over',
  'nothing_to_issue',
  // onboarding (lib/backoffice/customers.ts)
  'customer_code_taken',
  'customer_unchanged',
  'customer_deactivated',
  'customer_active',
  'duplicate_network_code',
  'email_taken',
  'already_invited',
  'customer_has_admin',
] as const;
export type OpRefusal = (typeof OP_REFUSALS)[number];

export type OpOutcome<T extends object = { id: string }> = Result<T, never>;

/** A refusal of the back office, by one of its codes. */
export const refused = (reason: OpRefusal) => refusedWith(reason);

/**
 * Operator services check the role themselves, beside the page and action guard
 * (`requireStaff('operator')`): a support member or a customer is refused whatever calls them.
 */
export function isOperator(actor: Actor): actor is StaffActor & { role: 'operator' } {
  return actor.kind === 'staff' && actor.role === 'operator';
}

/** One fee that became owed, as recorded in `charges`. */
export interface OwedCharge {
  kind: 'initial' | 'one_time';
  /** 'basic' or the option's kind. */
  priceKind: string;
  item: string;
  optionId: string | null;
  amountYen: number;
}
