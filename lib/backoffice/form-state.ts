import type { RuleViolation } from '@/lib/contracts/services';
import type { OpRefusal } from './outcome';
import type { FieldError } from './schemas';

/**
 * What an operator form shows after a refusal: the message, and what was typed (kept).
 * Success answers with a redirect to the page and a notice instead (works without JavaScript).
 */
export interface OpFormState {
  fields: Record<string, string>;
  fieldErrors?: Record<string, FieldError>;
  refusal?: OpRefusal | 'not_found' | 'failed';
  violations?: RuleViolation[];
  /** New for every answer: the form remounts its fields with what was sent. */
  nonce?: string;
}

export const initialOpFormState: OpFormState = { fields: {} };
