// Health for a load balancer or an orchestrator: /healthz says the process answers (no I/O at all),
// /readyz that it can serve — the database answers and its migrations are the ones this build
// ships. Neither says anything about customers, so both are open without a session.
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  /** Migrations recorded as applied in the database, and those this build ships. */
  migrations: { applied: number | null; expected: number };
}

/** How many migrations this build ships (drizzle-kit's journal). */
async function shippedMigrations(): Promise<number> {
  const journal = JSON.parse(await fs.readFile(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** Rejects after `ms`: a database that does not answer is as unready as one that refuses. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether the portal can serve: the database answers within `timeoutMs` and every shipped migration is applied. */
export async function readiness(db: () => Promise<DbOrTx>, timeoutMs = 2000): Promise<Readiness> {
  const expected = await shippedMigrations();
  try {
    const applied = await within(
      (async () => {
        const result = await (await db()).execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
        const [row] = (result as unknown as { rows: { n: number }[] }).rows;
        return Number(row?.n ?? 0);
      })(),
      timeoutMs,
    );
    return { ready: applied === expected, database: 'ok', migrations: { applied, expected } };
  } catch {
    return { ready: false, database: 'unreachable', migrations: { applied: null, expected } };
  }
}
