import { getOpenDatabase } from './client';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Opens the database when the server starts, and settles cancellations whose effective date has
 * passed (charges recorded, options ended) at start and every hour. Status shown to users is
 * derived from dates anyway; the settlement is idempotent, so restarts and several instances
 * are harmless.
 */
export async function openAtStartup(): Promise<void> {
  try {
    const open = await getOpenDatabase();
    console.log(`[smarthub] database ready (${open.kind})`);
    const { settleEndedCancellations } = await import('../lib/backoffice/cancellations');
    const settle = () =>
      settleEndedCancellations(open.db, new Date()).catch((error: unknown) =>
        console.error('[smarthub] settling cancellations failed:', error instanceof Error ? error.message : error),
      );
    await settle();
    setInterval(settle, HOUR_MS).unref();
  } catch (error) {
    console.error(`[smarthub] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
