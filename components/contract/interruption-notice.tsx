import type { Translate } from '@/lib/i18n/translate';
import type { PortInterruption } from '@/lib/contract/types';

/**
 * §2 "NAPT session changes may interrupt the port": a notice, not a refusal. Shown in every review
 * whose preview names interrupted ports, and to the operator who accepts the application.
 */
export function InterruptionNotice({ interruptions, t }: { interruptions?: readonly PortInterruption[]; t: Translate }) {
  if (!interruptions?.length) return null;
  return (
    <div role="note" data-testid="interruption-notice" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">{t('interruption.title')}</p>
      <ul className="mt-1 space-y-1">
        {interruptions.map((i) => (
          <li key={i.portId} data-testid="interruption" data-port={i.portCode}>
            <span className="block">
              {t('interruption.port', { code: i.portCode, speed: i.speed, before: i.sessionsBefore, after: i.sessionsAfter })}
            </span>
            <span className="block font-medium">{t('interruption.text')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
