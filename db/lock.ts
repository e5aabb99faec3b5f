import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own, and two processes on one data directory lose data.
 * We keep a lock file beside the directory holding the owner's PID, and refuse a second
 * opener while that process lives. A lock left by a dead process is taken over.
 *
 * Every step that can race is atomic:
 * - the lock file appears with its content already in it (a temp file holding our PID is
 *   hard-linked into place; `link` fails if the name exists), so nobody reads a half-written PID;
 * - a stale lock is removed only under a short take-over guard (also created by `link`), after
 *   reading the lock again inside it: two processes that both saw the same stale lock cannot
 *   both remove it and then each believe they own a fresh one.
 */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database at ${dataDir} is already in use by another process (PID ${ownerPid}). ` +
        'Stop that process first (for example the other `npm start`), or set DATABASE_URL to use a PostgreSQL server.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The PID written in a lock file; 0 for a file with no valid PID; null when there is no file. */
function pidIn(file: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}

/** The PID holding the lock, or null when the directory is free. */
export function lockOwner(dataDir: string): number | null {
  const pid = pidIn(lockPathFor(dataDir));
  return pid && processAlive(pid) ? pid : null;
}

/** Creates `target` as a hard link of `source` (atomic: false when `target` exists). */
function linkInto(source: string, target: string): boolean {
  try {
    fs.linkSync(source, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes the lock if it is still stale, holding the take-over guard while it reads and removes.
 * Returns without doing anything when another process holds the guard (the caller tries again).
 */
function removeStaleLock(lockPath: string, ownFile: string): void {
  const guard = `${lockPath}.takeover`;
  if (!linkInto(ownFile, guard)) {
    const holder = pidIn(guard);
    if (holder && processAlive(holder)) {
      pause(5);
      return;
    }
    // A guard left by a process that died inside the few lines below: move it aside under a
    // unique name, and keep it removed only if it is still the dead one we saw.
    const aside = `${guard}.${crypto.randomBytes(6).toString('hex')}`;
    try {
      fs.renameSync(guard, aside);
    } catch {
      return; // someone else moved it
    }
    if (pidIn(aside) !== holder) linkInto(aside, guard);
    fs.rmSync(aside, { force: true });
    return;
  }
  try {
    const owner = pidIn(lockPath);
    if (owner !== null && !(owner && processAlive(owner))) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/** Test seam: runs after a stale lock was seen and before it is taken over (another process may act here). */
export interface LockHooks {
  afterStaleSeen?: () => void;
}

/** Takes the lock for this process; returns a function that releases it. */
export function acquireLock(dataDir: string, hooks: LockHooks = {}): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const ownFile = `${lockPath}.${process.pid}.${crypto.randomBytes(6).toString('hex')}`;
  fs.writeFileSync(ownFile, String(process.pid), { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (linkInto(ownFile, lockPath)) {
        const release = () => {
          try {
            if (pidIn(lockPath) === process.pid) fs.unlinkSync(lockPath);
          } catch {
            // already gone
          }
        };
        process.once('exit', release);
        return release;
      }
      const owner = pidIn(lockPath);
      if (owner === process.pid) return () => {};
      if (owner && processAlive(owner)) throw new DatabaseLockedError(dataDir, owner);
      if (owner !== null) {
        // Its process is gone.
        hooks.afterStaleSeen?.();
        removeStaleLock(lockPath, ownFile);
      }
    }
    throw new DatabaseLockedError(dataDir, lockOwner(dataDir) ?? -1);
  } finally {
    fs.rmSync(ownFile, { force: true });
  }
}
