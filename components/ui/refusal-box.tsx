/**
 * Why nothing changed, as one alert: the translated message, and for an unexpected error the
 * reference under which it was logged (so a support call can find it). Takes its text already
 * translated, so a client form can use it without the translation runtime (the login form).
 */
export function RefusalBox({
  message,
  reference,
  testId = 'refusal',
  className = '',
}: {
  message: string;
  /** "Error reference: …", translated, when there is a reference. */
  reference?: string;
  testId?: string;
  className?: string;
}) {
  return (
    <p data-testid={testId} role="alert" className={`rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 ${className}`}>
      {message}
      {reference && (
        <span data-testid="error-ref" className="mt-1 block text-xs text-red-800">
          {reference}
        </span>
      )}
    </p>
  );
}
