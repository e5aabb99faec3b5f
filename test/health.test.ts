import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/db/client';
import { readiness } from '@/lib/health';
import { GET as healthz } from '@/app/healthz/route';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

describe('health', () => {
  it('/healthz answers 200 without touching anything', async () => {
    const response = healthz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe.each(targets)('readiness on $name', (target) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await target.open();
  });
  afterAll(async () => {
    await open.close();
  });

  it('is ready with every shipped migration applied, and not when one is missing or the database does not answer', async () => {
    const ready = await readiness(async () => open.db);
    expect(ready).toMatchObject({ ready: true, database: 'ok' });
    expect(ready.migrations.applied).toBe(ready.migrations.expected);
    expect(ready.migrations.expected).toBeGreaterThanOrEqual(10);

    // A database one migration behind this build (an older schema) is not ready.
    await open.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`);
    expect(await readiness(async () => open.db)).toMatchObject({ ready: false, database: 'ok', migrations: { applied: ready.migrations.expected - 1 } });

    // A database that refuses or never answers.
    expect(await readiness(() => Promise.reject(new Error('connection refused')))).toMatchObject({ ready: false, database: 'unreachable', migrations: { applied: null } });
    expect(await readiness(() => new Promise(() => {}), 50)).toMatchObject({ ready: false, database: 'unreachable' });
  });
});
