// The one place that writes to the server log: one JSON object a line (pino), each carrying the
// id of the request it was written for (`reqId`, the `x-request-id` the server echoes to the
// browser). An unexpected error is logged once, and the reference the user is shown is that same
// request id, so a support call finds the line.
import crypto from 'node:crypto';
import pino from 'pino';
import { currentRequestId } from './request-context';

/** Where the lines go: stdout by default; tests pass a stream of their own. */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every line says which request it belongs to, when it belongs to one.
      mixin: () => {
        const reqId = currentRequestId();
        return reqId ? { reqId } : {};
      },
    },
    destination,
  );
}

const HOLDER = Symbol.for('smarthub.logger');
function logger(): pino.Logger {
  const holder = globalThis as unknown as Record<symbol, pino.Logger | undefined>;
  return (holder[HOLDER] ??= createLogger());
}

/** Replaces the logger (tests). */
export function replaceLogger(next: pino.Logger): void {
  (globalThis as unknown as Record<symbol, pino.Logger>)[HOLDER] = next;
}

/** Logs an unexpected error under `scope` and returns its reference: the request id (a fresh id outside a request). */
export function logError(scope: string, error: unknown): string {
  const ref = currentRequestId() ?? crypto.randomUUID();
  const err = error instanceof Error ? error : new Error(String(error));
  logger().error({ scope, ref, err }, `${scope}: ${err.message}`);
  return ref;
}

/** A line about the server's own life (database ready, demo loaded). */
export function logInfo(scope: string, message: string): void {
  logger().info({ scope }, message);
}

/** A failure that is expected in operation (a closed connection, a background job) but worth a line. */
export function logWarning(scope: string, message: string): void {
  logger().warn({ scope }, message);
}
