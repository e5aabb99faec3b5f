// Opens (and on the embedded database, migrates and seeds) the database when the server
// starts, so a second server on the same embedded directory is refused at once.
// Never during `next build`: the build must not open the database.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { openAtStartup } = await import('./lib/startup');
    await openAtStartup();
  }
}

/**
 * Every error Next catches in a page, route handler or server action. A database that cannot be
 * reached is noted on the request (scripts/server.mjs then answers 503 with Retry-After instead
 * of 500); every error is logged as one JSON line with the request id.
 */
export async function onRequestError(error: unknown, request: { path: string; method: string }) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { noteIfDatabaseUnavailable } = await import('./lib/request-context');
  const { logError, logWarning } = await import('./lib/log');
  if (noteIfDatabaseUnavailable(error)) logWarning('request', `database unavailable during ${request.method} ${request.path}`);
  else logError('request', error);
}
