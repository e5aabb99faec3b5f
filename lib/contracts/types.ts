// The customer flows' types: pure, no server imports — client components import them from here.
import type { RuleViolation, Result } from '@/lib/result';
import type { NewOption } from '@/lib/rules';
import type { CancellationPreview, ChangePreview, EndingOption, FeeLine, OrderPreview } from '@/lib/contract/types';

export type { CancellationPreview, ChangePreview, EndingOption, FeeLine, OrderPreview, RuleViolation };

/** The customer change flows (each has a form, a review step and a live preview). */
export const FLOW_NAMES = ['apply', 'add', 'change', 'cancelOption', 'cancelContract'] as const;
export type FlowName = (typeof FLOW_NAMES)[number];

export type Mode = 'review' | 'confirm';
export interface Ctx {
  now: Date;
  mode: Mode;
}

/** Refusals that are not contract rules: the portal's own checks, each with a translated message. */
export type Refusal =
  | 'read_only'
  | 'support_view_only'
  | 'date_too_far'
  | 'date_in_past'
  | 'pending_change'
  | 'withdraw_instead'
  | 'contract_ending'
  | 'not_withdrawable'
  | 'not_cloud_port'
  /** The idempotency key was sent before with other inputs (an API answers HTTP 422). */
  | 'idempotency_mismatch'
  /** The amounts recomputed at confirm differ from those the review showed: review again. */
  | 'prices_changed';

/** What a customer flow answers: the review (nothing written) or the confirmed write; or why not. */
export type Outcome<P> = Result<
  | { mode: 'review'; preview: P }
  | { mode: 'confirm'; preview: P | null; id: string; contractId: string; duplicate: boolean },
  P
>;

/** What a customer may order: a catalog option plus what the portal keeps about it. */
export interface OptionOrder {
  option: NewOption;
  dataCentre?: string;
  rack?: string;
  cloudAccountId?: string;
  cloudConnectionKey?: string;
  /** R-CLOUD-CONDITIONS: the condition codes the customer confirmed. */
  cloudConditions?: string[];
}
