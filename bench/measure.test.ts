import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpuMsOfTree, percentile, rssOfTree } from './measure';

describe('the benchmark measures', () => {
  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('adds the resident memory of a process and its children', async () => {
    const own = rssOfTree(process.pid);
    expect(own).toBeGreaterThan(10 * 2 ** 20);
    // A child holding 64 MiB makes the tree at least that much larger.
    const child = spawn(process.execPath, ['-e', "const b = Buffer.alloc(64 * 2 ** 20, 1); console.log('ready'); setInterval(() => b[0]++, 1000);"]);
    try {
      await new Promise((resolve) => child.stdout.once('data', resolve));
      expect(rssOfTree(process.pid) - own).toBeGreaterThan(60 * 2 ** 20);
    } finally {
      child.kill();
    }
  });

  it("counts a busy child's CPU time in its parent's tree", async () => {
    const before = cpuMsOfTree(process.pid);
    // The child spins for 400 ms of wall time, then waits to be killed: its CPU stays in the tree.
    const child = spawn(process.execPath, ['-e', "const end = Date.now() + 400; while (Date.now() < end); console.log('done'); setInterval(() => {}, 1000);"]);
    try {
      await new Promise((resolve) => child.stdout.once('data', resolve));
      const childOnly = cpuMsOfTree(child.pid!);
      expect(childOnly).toBeGreaterThanOrEqual(200);
      expect(cpuMsOfTree(process.pid) - before).toBeGreaterThanOrEqual(childOnly);
    } finally {
      child.kill();
    }
  });
});
