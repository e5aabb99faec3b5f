import type { Translate } from '@/lib/i18n/translate';
import { RefusalBox } from './refusal-box';

/**
 * Why nothing changed, as one alert: the translated message, and for an unexpected error the
 * reference under which it was logged (so a support call can find it). `t` is a translator of
 * every namespace (the server's `getTranslations()`, or the client's `useTranslations()`).
 */
export function Refusal({
  message,
  errorRef,
  t,
  testId,
  className,
}: {
  message: string;
  errorRef?: string;
  t: Translate;
  testId?: string;
  className?: string;
}) {
  return (
    <RefusalBox message={message} reference={errorRef ? t('errors.reference', { ref: errorRef }) : undefined} testId={testId} className={className} />
  );
}
