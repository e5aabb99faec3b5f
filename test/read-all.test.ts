import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/db/client';
import { readAll } from '@/db/read-all';
import { customers, prices } from '@/db/schema';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

describe.each(targets)('independent reads on $name', (target) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await target.open();
  });
  afterAll(async () => {
    await open.close();
  });

  const traced = <R,>(log: string[], name: string, run: () => Promise<R>) => async (): Promise<R> => {
    log.push(`start ${name}`);
    const result = await run();
    log.push(`end ${name}`);
    return result;
  };

  it('run at once on the database and one after another inside a transaction, each result in its place', async () => {
    const db = open.db;
    const outside: string[] = [];
    const [one, two] = await readAll(db, [
      traced(outside, 'a', () => db.select({ customers: count() }).from(customers)),
      traced(outside, 'b', () => db.select({ prices: count() }).from(prices)),
    ]);
    expect(outside.slice(0, 2)).toEqual(['start a', 'start b']);
    expect([one, two]).toEqual([[{ customers: 0 }], [{ prices: 0 }]]);

    const inside: string[] = [];
    const results = await db.transaction((tx) =>
      readAll(tx, [
        traced(inside, 'a', () => tx.select({ customers: count() }).from(customers)),
        traced(inside, 'b', () => tx.select({ prices: count() }).from(prices)),
      ]),
    );
    expect(inside).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(results).toEqual([[{ customers: 0 }], [{ prices: 0 }]]);
  });
});
