import { getOpenDatabase } from '@/db/client';
import { logInfo, logWarning } from '@/lib/log';

const HOUR_MS = 60 * 60 * 1000;
/** The advisory lock key of the cancellation settlement (db/client.ts keeps 727001 for migrations). */
const SETTLE_LOCK_KEY = 727002;

/**
 * Opens the database when the server starts (instrumentation.ts), settles cancellations
 * whose effective date has passed (charges recorded, options ended) at start and every hour, and
 * starts the notification worker.
 * Status shown to users is derived from dates anyway; the settlement runs in one instance at a
 * time (advisory lock) and is idempotent, so restarts and several instances are harmless.
 * The embedded database is for trying the portal: its first start loads the demo data, so
 * `npm start` on a fresh machine shows the demo. A PostgreSQL server (DATABASE_URL) never gets
 * the demo from here, only from `npm run db:seed`, which refuses real data.
 * Next awaits this before serving any request, so no page sees the database half loaded.
 */
export async function openAtStartup(): Promise<void> {
  try {
    // Authenticator secrets are sealed with this key: refuse to serve without it (clear message).
    const { totpEncryptionKey } = await import('./auth/secret-box');
    totpEncryptionKey();
    const open = await getOpenDatabase();
    if (open.kind === 'pglite') {
      const { seedDemoDataOnce } = await import('./demo/seed');
      if (await seedDemoDataOnce(open.db)) logInfo('smarthub', 'demo data loaded into the embedded database');
    }
    logInfo('smarthub', `database ready (${open.kind})`);
    const { sealPlainTotpSecrets } = await import('./auth/seal-existing');
    const sealed = await sealPlainTotpSecrets(open.db);
    if (sealed) logInfo('smarthub', `sealed ${sealed} authenticator secret(s) stored in plain text before`);
    const { unplacedNapt } = await import('./contract/data-checks');
    const unplaced = await unplacedNapt(open.db);
    if (unplaced.length) {
      logWarning('smarthub', `NAPT add-ons with no public cloud port (I-2), to be resolved by an operator: ${unplaced.map((o) => o.code).join(', ')}`);
    }
    const { settleEndedCancellations } = await import('./backoffice/cancellations');
    // Once across instances: the instance that holds the advisory lock settles, the others skip
    // (each notice is also locked and re-read under its contract's lock, so a settled one stays settled).
    const settle = () =>
      open
        .runExclusive(SETTLE_LOCK_KEY, async () => {
          const settled = await settleEndedCancellations(open.db, new Date());
          if (settled.length) logInfo('smarthub', `settled ${settled.length} cancellation(s)`);
        })
        .catch((error: unknown) => logWarning('smarthub', `settling cancellations failed: ${error instanceof Error ? error.message : String(error)}`));
    await settle();
    setInterval(settle, HOUR_MS).unref();
    // The notification worker (lib/notify/loop.ts): in every server process, since any number
    // of them may run it at once. Off under the benchmark (SMARTHUB_BENCH), whose load would
    // otherwise share the CPU with it, and with NOTIFY_WORKER=0.
    if (process.env.NOTIFY_WORKER !== '0' && (process.env.SMARTHUB_BENCH !== '1' || process.env.NOTIFY_WORKER === '1')) {
      const { startNotificationWorker } = await import('./notify/loop');
      startNotificationWorker(async () => open.db);
    }
  } catch (error) {
    logWarning('smarthub', error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
