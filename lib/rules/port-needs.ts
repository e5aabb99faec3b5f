// Which cloud port an add-on needs (spec/rules.md §2): NAPT and static NAT a public one, a firewall a
// private one. checkChange judges these needs; the forms name the add-ons a cancellation would strand.
import { isPrivateCloud, isPublicCloud } from './catalog';
import type { OptionKind, RuleId } from './types';

const PUBLIC = 'public (A_PUBLIC, M_PUBLIC or M2_PUBLIC)';

export interface PortNeed {
  rule: RuleId;
  qualifies: (t: unknown) => boolean;
  what: string;
}

const NEEDS: Partial<Record<OptionKind, PortNeed>> = {
  napt: { rule: 'R-NAPT-NEEDS-PUBLIC', qualifies: isPublicCloud, what: PUBLIC },
  static_nat: { rule: 'R-SNAT-NEEDS-PUBLIC', qualifies: isPublicCloud, what: PUBLIC },
  firewall: { rule: 'R-FW-NEEDS-PRIVATE', qualifies: isPrivateCloud, what: 'private (A_PRIVATE or M_PRIVATE)' },
};

/** The port an add-on of this kind needs; undefined for ports and add-ons that need none. */
export function portNeedOf(kind: unknown): PortNeed | undefined {
  return Object.hasOwn(NEEDS, kind as PropertyKey) ? NEEDS[kind as OptionKind] : undefined;
}

/** Every rule by which an add-on needs a qualifying cloud port: what a withdrawal breaks when another application's add-on needs a port it takes away. */
export const PORT_NEED_RULES: readonly string[] = Object.values(NEEDS).map((need) => need.rule);

/** The rule by which an add-on needs a qualifying cloud port (R-NAPT/SNAT-NEEDS-PUBLIC, R-FW-NEEDS-PRIVATE); null for ports and other add-ons. */
export function portRuleOf(kind: OptionKind): RuleId | null {
  return portNeedOf(kind)?.rule ?? null;
}

/**
 * The add-ons that may hold back cancelling a cloud port, by the rule they rely on, for the
 * cancel form to name beside a refusal: held ones with no last day (one already ending blocks
 * nothing) that need a qualifying port. Never a NAPT: it ends with its own port (R-NAPT-PER-PORT).
 */
export function portCancellationBlockers<T extends { kind: OptionKind; endsOn: string | null }>(options: readonly T[]): Partial<Record<RuleId, T[]>> {
  const blockers: Partial<Record<RuleId, T[]>> = {};
  for (const o of options) {
    const rule = o.kind === 'napt' || o.endsOn !== null ? null : portRuleOf(o.kind);
    if (rule) (blockers[rule] ??= []).push(o);
  }
  return blockers;
}
