import type { Outcome } from '@/lib/contracts/types';
import type { RuleViolation } from '@/lib/result';

// What a flow's outcome (live preview, review, or the page's initial preview) has to show. Pure,
// so FlowForm and the pages that render the initial preview read an outcome the same way.

/** The consequences to show: of a reviewable change, or kept beside a refusal or violations. */
export function previewOf<P>(outcome: Outcome<P> | undefined): P | undefined {
  if (!outcome) return undefined;
  return outcome.ok ? (outcome.preview ?? undefined) : 'preview' in outcome ? outcome.preview : undefined;
}

/** The rules the change breaks, if that is why it cannot be done. */
export function violationsOf<P>(outcome: Outcome<P> | undefined): RuleViolation[] | null {
  return outcome && !outcome.ok && outcome.kind === 'violations' ? outcome.violations : null;
}
