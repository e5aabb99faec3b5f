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

  it('a stale lock taken over by another process between our look and our take-over stays theirs', async () => {
    const dataDir = tempDataDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(lockPathFor(dataDir), String(gone.pid));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      // The other process takes the stale lock over just after we saw it stale.
      const afterStaleSeen = () => {
        fs.rmSync(lockPathFor(dataDir));
        fs.writeFileSync(lockPathFor(dataDir), String(other.pid), { flag: 'wx' });
      };
      expect(() => acquireLock(dataDir, { afterStaleSeen })).toThrow(DatabaseLockedError);
      expect(fs.readFileSync(lockPathFor(dataDir), 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
    }
  });

  it('a stale lock raced for by several processes at once goes to exactly one of them', async () => {
    const tsxCli = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const contender = path.join(process.cwd(), 'test', 'fixtures', 'lock-contender.ts');
    for (let round = 0; round < 2; round++) {
      const dataDir = tempDataDir();
      const gone = spawn(process.execPath, ['-e', '0']);
      await new Promise((resolve) => gone.on('exit', resolve));
      fs.writeFileSync(lockPathFor(dataDir), String(gone.pid));
      const startAt = Date.now() + 2500;
      const outputs = await Promise.all(
        Array.from({ length: 6 }, () => {
          const child = spawn(process.execPath, [tsxCli, contender, dataDir, String(startAt)], { cwd: process.cwd() });
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          return new Promise<string>((resolve) => child.on('exit', () => resolve(out.trim())));
        }),
      );
      expect(outputs.filter((o) => o === 'owner')).toHaveLength(1);
      expect(outputs.filter((o) => o === 'refused DatabaseLockedError')).toHaveLength(5);
      // Nothing is left behind but the lock, which its owner removed on exit.
      expect(fs.readdirSync(path.dirname(dataDir))).toEqual([]);
    }
  }, 60_000);

  it('lets the owning process open it again (one server, several bundles)', () => {
    const dataDir = tempDataDir();
    const release = acquireLock(dataDir);
    expect(() => acquireLock(dataDir)).not.toThrow();
    release();
  });
});
