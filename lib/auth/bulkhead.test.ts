import { describe, expect, it } from 'vitest';
import { Bulkhead } from './bulkhead';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Bulkhead: bounded concurrent sign-ins', () => {
  it('runs at most `concurrency` at once, queues up to the limit and answers busy beyond it', async () => {
    const limiter = new Bulkhead(2, 3);
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      return 'done';
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => limiter.run(task)));
    expect(most).toBe(2);
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toHaveLength(3);
    // Free again afterwards.
    expect(await limiter.run(task)).toEqual({ ok: true, value: 'done' });
  });
  it('frees the slot when a task throws', async () => {
    const limiter = new Bulkhead(1, 0);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 1)).toEqual({ ok: true, value: 1 });
  });
});
