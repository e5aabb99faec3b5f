// The one place that writes errors to the server log. Every unexpected error is logged once,
// with a short reference the user is shown, so a support call can find the log line.
import crypto from 'node:crypto';

/** Logs an unexpected error under `scope` and returns its reference (8 hex digits). */
export function logError(scope: string, error: unknown): string {
  const ref = crypto.randomBytes(4).toString('hex');
  console.error(`[${scope} ${ref}]`, error);
  return ref;
}

/** A line about the server's own life (database ready, demo loaded). */
export function logInfo(scope: string, message: string): void {
  console.log(`[${scope}] ${message}`);
}

/** A failure that is expected in operation (a closed connection, a background job) but worth a line. */
export function logWarning(scope: string, message: string): void {
  console.error(`[${scope}] ${message}`);
}
