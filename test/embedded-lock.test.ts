import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, DatabaseLockedError, lockPathFor } from '@/db/lock';

const dirs: string[] = [];
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smarthub-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pglite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded database lock', () => {
  it('refuses a second process with a message naming the directory and the owner', async () => {
    const dataDir = tempDataDir();
    // Another process holds the lock: write its PID as the lock would.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      fs.writeFileSync(lockPathFor(dataDir), String(holder.pid));
      let error: unknown;
      try {
        acquireLock(dataDir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as Error).message).toContain(dataDir);
      expect((error as Error).message).toContain(`PID ${holder.pid}`);
      expect((error as Error).message).toContain('DATABASE_URL');
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that is gone, and releases it', async () => {
    const dataDir = tempDataDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(lockPathFor(dataDir), String(gone.pid));
    const release = acquireLock(dataDir);
    expect(fs.readFileSync(lockPathFor(dataDir), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it('lets the owning process open it again (one server, several bundles)', () => {
    const dataDir = tempDataDir();
    const release = acquireLock(dataDir);
    expect(() => acquireLock(dataDir)).not.toThrow();
    release();
  });
});
