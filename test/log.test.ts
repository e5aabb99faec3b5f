import { describe, expect, it } from 'vitest';
import { createLogger, logError, logInfo, replaceLogger } from '@/lib/log';
import { isDatabaseUnavailable, noteIfDatabaseUnavailable, requestStorage } from '@/lib/request-context';

function capture() {
  const lines: string[] = [];
  replaceLogger(createLogger({ write: (line: string) => void lines.push(line) }));
  return () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('log', () => {
  it('a logged error is one JSON line with the request id, and the reference the user sees is that id', () => {
    const parsed = capture();
    const id = crypto.randomUUID();
    const ref = requestStorage().run({ id }, () => {
      logInfo('test', 'before');
      return logError('contracts.cancel', new Error('deadlock detected (internal)'));
    });
    expect(ref).toBe(id);
    const [info, error] = parsed();
    expect(info).toMatchObject({ level: 30, reqId: id, scope: 'test', msg: 'before' });
    expect(error).toMatchObject({ level: 50, reqId: id, ref: id, scope: 'contracts.cancel' });
    expect((error?.err as { message: string }).message).toBe('deadlock detected (internal)');
    expect(typeof error?.time).toBe('string');
  });

  it('outside a request an error still gets a reference of the same form, on its line', () => {
    const parsed = capture();
    const ref = logError('startup', 'plain string');
    expect(ref).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(parsed()[0]).toMatchObject({ ref, scope: 'startup' });
    expect(parsed()[0]).not.toHaveProperty('reqId');
  });
});

describe('database unavailable', () => {
  it('recognises a refused connection, a server shutting down and a dropped connection, also wrapped; not an ordinary error', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

  it('notes it on the request being served', () => {
    const store = { id: crypto.randomUUID() } as { id: string; databaseUnavailable?: boolean };
    requestStorage().run(store, () => noteIfDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' })));
    expect(store.databaseUnavailable).toBe(true);
  });
});
