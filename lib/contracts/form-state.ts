import type { Refusal, RuleViolation } from './services';

/** What a change form shows after the server has answered: nothing the customer typed is lost. */
export interface FormState<P = unknown> {
  step: 'edit' | 'review';
  fields: Record<string, string | string[]>;
  preview?: P | null;
  violations?: RuleViolation[];
  refusal?: Refusal | 'not_found' | 'failed';
  fieldErrors?: Record<string, string>;
  /** Issued at review; the confirm form sends it back so a double submit lands once. */
  idempotencyKey?: string;
  /** New for every answer: forms remount their fields with what was sent (React resets forms after an action). */
  nonce?: string;
}

export const initialFormState: FormState = { step: 'edit', fields: {} };
