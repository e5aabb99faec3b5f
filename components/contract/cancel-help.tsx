import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Translate } from '@/lib/i18n/translate';

/** What the customer may do instead when a cancellation of an option breaks a rule. */
export interface CancelOptionAlternatives {
  contractId: string;
  /** Add-ons that would outlive this port, by the rule they rely on. */
  blockers: Record<string, string[]>;
  /** For a NAPT add-on: its port, offered instead when this is the port's last NAPT (R-NAPT-PER-PORT). */
  port?: { id: string; code: string };
}

/**
 * The help under a violated rule of an option's cancellation: cancel the contract, or the port,
 * instead, or which add-ons stand in the way. Pure: the page renders it in its first preview,
 * the form in the live one; `t` translates every namespace.
 */
export function cancelOptionHelp({ contractId, blockers, port }: CancelOptionAlternatives, t: Translate) {
  return function helpFor(rule: string): ReactNode {
    return rule === 'R-PORT-REQUIRED' ? (
      <p className="mt-1">
        <Link href={`/contracts/${contractId}/cancel`} className="font-medium underline">
          {t('form.cancelContractInstead')}
        </Link>
      </p>
    ) : rule === 'R-NAPT-PER-PORT' && port ? (
      <p className="mt-1">
        <Link href={`/options/${port.id}/cancel`} className="font-medium underline" data-testid="cancel-port-instead">
          {t('form.cancelPortInstead', { code: port.code })}
        </Link>
      </p>
    ) : blockers[rule]?.length ? (
      <p className="mt-1" data-testid="blocking-addons">
        {t('form.blockingAddons', { list: blockers[rule]!.join(', ') })}
      </p>
    ) : null;
  };
}
