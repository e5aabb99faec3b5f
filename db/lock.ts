import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own, and two processes on one data directory lose data.
 * We keep a lock file beside the directory holding the owner's PID, and refuse a second
 * opener while that process lives. A lock left by a dead process is taken over.
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

/** The PID holding the lock, or null when the directory is free. */
export function lockOwner(dataDir: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPathFor(dataDir), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : null;
}

/** Takes the lock for this process; returns a function that releases it. */
export function acquireLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = lockOwner(dataDir);
      if (owner === process.pid) return () => {};
      if (owner !== null) throw new DatabaseLockedError(dataDir, owner);
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new DatabaseLockedError(dataDir, lockOwner(dataDir) ?? -1);
}
