import { useTranslations } from 'next-intl';
import { RefusalBox } from './refusal-box';

/**
 * Why nothing changed, as one alert: the translated message, and for an unexpected error the
 * reference under which it was logged (so a support call can find it).
 */
export function Refusal({ message, errorRef, testId, className }: { message: string; errorRef?: string; testId?: string; className?: string }) {
  const t = useTranslations('errors');
  return <RefusalBox message={message} reference={errorRef ? t('reference', { ref: errorRef }) : undefined} testId={testId} className={className} />;
}
