// The notification worker's loop, one per server process (started by lib/startup.ts): polls for
// work (lib/notify/worker.ts) and runs the scans that write notices by themselves (scans.ts).
import type { Db } from '@/db/client';
import { logWarning } from '@/lib/log';
import { describeError } from './mailer';
import { scanClaimDeadlines, scanExpiredSupportAccess } from './scans';
import { currentLoop, setCurrentLoop, type Loop } from './wake';
import { hasWork, runNotificationsOnce } from './worker';


/**
 * Starts the worker loop in this process (once; a second call returns the same handle). Every
 * `pollMs` (default 2 s, NOTIFY_POLL_MS) it asks whether there is work (one indexed statement)
 * and runs a pass when there is; the claim-deadline scan runs at start and hourly.
 */
export function startNotificationWorker(getDb: () => Promise<Db>, options: { pollMs?: number } = {}): { stop(): void } {
  const existing = currentLoop();
  if (existing && !existing.stopped) return { stop: () => stopLoop(existing) };
  const pollMs = options.pollMs ?? (Number(process.env.NOTIFY_POLL_MS) || 2000);
  const loop: Loop = { stopped: false, busy: false, lastScan: 0, lastSupportScan: 0 };
  setCurrentLoop(loop);
  let lastError = '';
  const schedule = (ms: number) => {
    if (loop.stopped) return;
    clearTimeout(loop.timer);
    loop.timer = setTimeout(tick, ms);
    loop.timer.unref();
  };
  const tick = async () => {
    if (loop.busy || loop.stopped) return;
    loop.busy = true;
    try {
      const db = await getDb();
      const now = new Date();
      if (now.getTime() - loop.lastScan >= 60 * 60 * 1000) {
        loop.lastScan = now.getTime();
        await scanClaimDeadlines(db, now);
      }
      if (now.getTime() - loop.lastSupportScan >= 60 * 1000) {
        loop.lastSupportScan = now.getTime();
        await scanExpiredSupportAccess(db, now);
      }
      if (await hasWork(db, now)) await runNotificationsOnce(db, now);
      lastError = '';
    } catch (error) {
      const message = describeError(error);
      if (message !== lastError) logWarning('notify', `notification worker: ${message}`);
      lastError = message;
    } finally {
      loop.busy = false;
      schedule(pollMs);
    }
  };
  loop.tick = () => schedule(0);
  schedule(0);
  return { stop: () => stopLoop(loop) };
}

function stopLoop(loop: Loop) {
  loop.stopped = true;
  clearTimeout(loop.timer);
}
