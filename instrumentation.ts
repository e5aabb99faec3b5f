// Opens (and on the embedded database, migrates and seeds) the database when the server
// starts, so a second server on the same embedded directory is refused at once.
// Never during `next build`: the build must not open the database.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { openAtStartup } = await import('./lib/startup');
    await openAtStartup();
  }
}
