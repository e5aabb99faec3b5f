// The handle of this process's notification loop (lib/notify/loop.ts), and the one way to wake it:
// after a write that enqueued something (lib/notify/outbox.ts). Kept on globalThis: Next loads these
// modules in more than one bundle of one process.

export type Loop = { timer?: NodeJS.Timeout; stopped: boolean; busy: boolean; lastScan: number; lastSupportScan: number; tick?: () => void };

const loopHolder = globalThis as { __smarthubNotifyLoop?: Loop };

export function currentLoop(): Loop | undefined {
  return loopHolder.__smarthubNotifyLoop;
}

export function setCurrentLoop(loop: Loop): void {
  loopHolder.__smarthubNotifyLoop = loop;
}

/** Runs the loop's next pass soon (after a write that enqueued something has committed). Cheap; harmless when no loop runs. */
export function wakeNotificationWorker(delayMs = 100): void {
  const loop = loopHolder.__smarthubNotifyLoop;
  if (!loop || loop.stopped || !loop.tick) return;
  setTimeout(loop.tick, delayMs).unref();
}
