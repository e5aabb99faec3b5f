// Runs the real server actions outside Next: who is signed in comes from a real user_sessions
// row, the database is a PGlite loaded with the demo data (cloned per case), and Next's own
// control flow (redirect, notFound, forbidden) is turned into an outcome a test can compare.
// The test files mock `next/*`, the session cookie and getDb with the factories below.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/config';
import type { FormState } from '@/lib/form-state';

/** What the mocks read: the database and the session of the current call, and what Next was told. */
export const harness = {
  db: null as Db | null,
  session: null as SessionClaims | null,
  cookies: new Map<string, string>(),
};

class NextSignal extends Error {
  constructor(readonly digest: string) {
    super(digest);
  }
}

/** `next/navigation` as the actions use it: every exit is a thrown signal with Next's digest. */
export function navigationMock() {
  return {
    redirect: (url: string) => {
      throw new NextSignal(`NEXT_REDIRECT;replace;${url};307;`);
    },
    notFound: () => {
      throw new NextSignal('NEXT_HTTP_ERROR_FALLBACK;404');
    },
    forbidden: () => {
      throw new NextSignal('NEXT_HTTP_ERROR_FALLBACK;403');
    },
    unauthorized: () => {
      throw new NextSignal('NEXT_HTTP_ERROR_FALLBACK;401');
    },
    unstable_rethrow: (error: unknown) => {
      if (error instanceof NextSignal) throw error;
    },
  };
}

export function headersMock() {
  return {
    headers: async () => new Headers({ 'x-smarthub-path': '/inventory', 'x-smarthub-peer': '192.0.2.10' }),
    cookies: async () => ({
      get: (name: string) => (harness.cookies.has(name) ? { name, value: harness.cookies.get(name)! } : undefined),
      getAll: () => [...harness.cookies].map(([name, value]) => ({ name, value })),
      has: (name: string) => harness.cookies.has(name),
      set: (name: string, value: string) => harness.cookies.set(name, value),
      delete: (name: string) => harness.cookies.delete(name),
    }),
  };
}

export function cacheMock() {
  return { revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} };
}

/** The answer of one action call, as a user would see it. */
export type Outcome =
  | { kind: 'ok'; detail: string }
  | { kind: 'refused'; code: string }
  | { kind: 'sign_in' }
  /** An unexpected error: the "nothing was changed, reference …" answer (an HTTP 500 in spirit), or a throw. */
  | { kind: 'crash'; detail: string };

function outcomeOfUrl(url: string): Outcome {
  if (url.startsWith('/login') && !url.includes('signedOut') && !url.includes('accepted') && !url.includes('reset=')) return { kind: 'sign_in' };
  if (url.startsWith('/enrol')) return { kind: 'refused', code: 'enrol' };
  const query = new URL(url, 'http://x').searchParams;
  if (query.get('ref')) return { kind: 'crash', detail: url };
  const error = query.get('error');
  return error ? { kind: 'refused', code: error } : { kind: 'ok', detail: url };
}

/** Calls an action and reads its answer: a form state, a redirect (with `?error=` or not), a 404/403, or a crash. */
export async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome & { state?: FormState }> {
  try {
    const state = (await call()) as FormState | undefined;
    if (!state) return { kind: 'ok', detail: 'no answer' };
    if (state.errorRef) return { kind: 'crash', detail: `refusal ${state.refusal} ref ${state.errorRef}` };
    if (state.refusal) return { kind: 'refused', code: state.refusal, state };
    if (state.fieldErrors && Object.keys(state.fieldErrors).length) return { kind: 'refused', code: `fields:${Object.keys(state.fieldErrors).join(',')}`, state };
    if (state.violations?.length) return { kind: 'refused', code: `violations:${state.violations.map((v) => v.rule).join(',')}`, state };
    return { kind: 'ok', detail: state.step, state };
  } catch (error) {
    if (error instanceof NextSignal) {
      if (error.digest.startsWith('NEXT_REDIRECT;')) return outcomeOfUrl(error.digest.split(';')[2] ?? '');
      if (error.digest.endsWith(';404')) return { kind: 'refused', code: 'not_found' };
      if (error.digest.endsWith(';403')) return { kind: 'refused', code: 'forbidden' };
      return { kind: 'refused', code: error.digest };
    }
    return { kind: 'crash', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** A FormData of these fields (a list gives a repeated field). */
export function formOf(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of ([] as string[]).concat(value)) data.append(name, one);
  return data;
}

/**
 * Every table of the application with its row count and a digest of its rows: equal before and
 * after means nothing was written, updated or deleted anywhere.
 */
export async function tablesDigest(db: Db, opts: { ignoreSupportViews?: boolean } = {}): Promise<Record<string, string>> {
  const tables = (await db.execute(
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  )) as unknown as { rows: { name: string }[] };
  // One statement for all tables. A support session's page views are its audit trail, written
  // on every page it opens: left out when asked.
  const parts = tables.rows.map(
    ({ name }) =>
      `SELECT '${name}' AS name, count(*)::int || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${name}" t` +
      (name === 'audit_log' && opts.ignoreSupportViews ? ` WHERE t.action <> 'support.page_view'` : ''),
  );
  const { rows } = (await db.execute(sql.raw(parts.join(' UNION ALL ')))) as unknown as { rows: { name: string; digest: string }[] };
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** The tables whose digest differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}

/** A fresh in-memory PGlite with the real migrations and the demo data, and a way to clone it. */
export async function demoDatabase(seed: (db: Db) => Promise<void>) {
  const client = new PGlite();
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
  await seed(db);
  // The data directory as loaded, dumped once (uncompressed): each copy starts from it.
  const image = await client.dumpDataDir('none');
  return {
    db,
    async clone() {
      const copy = new PGlite({ loadDataDir: image });
      await copy.waitReady;
      return { db: drizzle(copy, { schema }) as unknown as Db, close: () => copy.close() };
    },
    close: () => client.close(),
  };
}

/** The files that declare server actions (`'use server'` at the top), relative to the repository. */
export function serverActionFiles(root = process.cwd()): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const head = fs.readFileSync(path.join(root, rel), 'utf8').trimStart();
        if (/^(['"])use server\1/.test(head)) found.push(rel);
      }
    }
  };
  for (const dir of ['app', 'components', 'lib']) walk(dir);
  return found.sort();
}

/** The route handlers (route.ts) under app/. */
export function routeHandlerFiles(root = process.cwd()): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/^route\.tsx?$/.test(entry.name)) found.push(rel);
    }
  };
  walk('app');
  return found.sort();
}
