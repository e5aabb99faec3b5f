import { useTranslations } from 'next-intl';

/**
 * Why nothing changed, as one alert: the translated message, and for an unexpected error the
 * reference under which it was logged (so a support call can find it).
 */
export function Refusal({ message, errorRef, testId = 'refusal', className = '' }: { message: string; errorRef?: string; testId?: string; className?: string }) {
  const t = useTranslations('errors');
  return (
    <p data-testid={testId} role="alert" className={`rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 ${className}`}>
      {message}
      {errorRef && (
        <span data-testid="error-ref" className="mt-1 block text-xs text-red-800">
          {t('reference', { ref: errorRef })}
        </span>
      )}
    </p>
  );
}
