// What the server entry (scripts/server.mjs) knows about the request being served, reachable from
// any code that runs for it: its id (the `x-request-id` it set and echoes) and whether the
// database failed to answer while serving it (so the server answers 503, not 500).
//
// The storage lives on globalThis under a registered symbol: scripts/server.mjs is plain Node and
// creates it before Next loads, while this file is bundled into Next's server chunks (more than
// once); all of them must share the one instance.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  id: string;
  databaseUnavailable?: boolean;
}

const KEY = Symbol.for('smarthub.request-context');

export function requestStorage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
  return (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());
}

/** The id of the request being served, when there is one (not at startup, not in background jobs). */
export function currentRequestId(): string | undefined {
  return requestStorage().getStore()?.id;
}


// PostgreSQL SQLSTATEs meaning "the server is not there (now)": connection exceptions (08…),
// operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
const UNAVAILABLE_STATES = /^(08|57P0[1-3])/;
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i;

/** Whether an error (or any error it wraps, as drizzle's DrizzleQueryError does) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') return false;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

/** Notes on the current request that the database could not be reached; returns whether that was the error. */
export function noteIfDatabaseUnavailable(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const store = requestStorage().getStore();
  if (store) store.databaseUnavailable = true;
  return true;
}
