// The one write pipeline (lib/action.ts): what a form gets back for each kind of answer, and that
// an unexpected error changes nothing, is logged once and shows its reference.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { OpenDatabase } from '@/db/client';
import { customers } from '@/db/schema';

const state = vi.hoisted(() => ({ db: null as unknown, redirects: [] as string[], revalidated: [] as string[] }));

vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: async () => state.db,
}));
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => state.revalidated.push(path) }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    state.redirects.push(url);
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && 'digest' in error) throw error;
  },
}));

const { fieldErrorsOf, readForm, runAction, runButtonAction } = await import('@/lib/action');
const { ForbiddenError } = await import('@/lib/auth/access');
const { notFound, refused, violated } = await import('@/lib/result');
const { openPglite } = await import('@/db/client');
const { createLogger, replaceLogger } = await import('@/lib/log');

let open: OpenDatabase;
beforeAll(async () => {
  open = await openPglite();
  state.db = open.db;
});
afterAll(async () => open.close());
beforeEach(() => {
  state.redirects.length = 0;
  state.revalidated.length = 0;
});

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const schema = z.object({ name: z.string().trim().min(1, { message: 'required' }).max(10, { message: 'tooLong' }) });
const base = {
  scope: 'test',
  guard: async () => ({ who: 'alice' }),
  input: (fields: Record<string, string | string[]>) => ({ name: fields.name }),
  schema,
};

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  await expect(run()).rejects.toThrow('NEXT_REDIRECT');
  return state.redirects.at(-1) ?? '';
}

describe('the action pipeline', () => {
  it('reads repeated fields as lists and leaves out Next’s own fields', () => {
    expect(readForm(form([['a', '1'], ['b', '2'], ['b', '3'], ['$ACTION_ID_x', '']]))).toEqual({ a: '1', b: ['2', '3'] });
  });

  it('maps zod issues to message keys by field, unknown messages to "invalid"', () => {
    const result = z.object({ a: z.string().min(1, { message: 'required' }), b: z.number() }).safeParse({ a: '', b: 'x' });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ a: 'required', b: 'invalid' });
  });

  it('a bad input comes back with field errors and what was typed; the service never runs', async () => {
    const run = vi.fn();
    const answer = await runAction({ ...base, run, next: () => ({ redirect: '/x' }) }, { name: 'far too long a name' });
    expect(answer).toMatchObject({ step: 'edit', fields: { name: 'far too long a name' }, fieldErrors: { name: 'tooLong' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('refusals, rule violations and not-found come back to the form with the preview', async () => {
    const fields = { name: 'ok' };
    expect(await runAction({ ...base, run: async () => refused('date_too_far', { p: 1 }), next: () => ({ redirect: '/' }) }, fields)).toMatchObject({
      refusal: 'date_too_far',
      preview: { p: 1 },
      fields,
    });
    const rules = [{ rule: 'R-PORT-REQUIRED', message: 'm' }];
    expect(await runAction({ ...base, run: async () => violated(rules), next: () => ({ redirect: '/' }) }, fields)).toMatchObject({ violations: rules });
    expect(await runAction({ ...base, run: async () => notFound, next: () => ({ redirect: '/' }) }, fields)).toMatchObject({ refusal: 'not_found' });
    expect(state.redirects).toEqual([]);
  });

  it('success revalidates and redirects, or shows the state the flow asks for', async () => {
    const url = await redirectOf(() =>
      runAction({ ...base, run: async () => ({ ok: true as const, id: 'x1' }), next: (r) => ({ redirect: `/done/${r.id}`, revalidate: '/p' }) }, { name: 'ok' }),
    );
    expect(url).toBe('/done/x1');
    expect(state.revalidated).toEqual(['/p']);
    const review = await runAction(
      { ...base, run: async () => ({ ok: true as const }), next: () => ({ state: { step: 'review' as const, fields: { name: 'ok' }, preview: 42 } }) },
      { name: 'ok' },
    );
    expect(review).toMatchObject({ step: 'review', preview: 42 });
    expect(review.nonce).toMatch(/[0-9a-f-]{36}/);
  });

  it('a ForbiddenError from the guard is a translated refusal, not an error', async () => {
    const run = vi.fn();
    const guard = async () => {
      throw new ForbiddenError('support_view_only');
    };
    expect(await runAction({ ...base, guard, run, next: () => ({ redirect: '/' }) }, { name: 'ok' })).toMatchObject({ refusal: 'support_view_only' });
    const wrongRole = async () => {
      throw new ForbiddenError('wrong_role');
    };
    expect(await runAction({ ...base, guard: wrongRole, run, next: () => ({ redirect: '/' }) }, { name: 'ok' })).toMatchObject({ refusal: 'forbidden' });
    expect(run).not.toHaveBeenCalled();
  });

  it('an unexpected error rolls back, is logged once with a reference, and the user sees that reference', async () => {
    const lines: string[] = [];
    replaceLogger(createLogger({ write: (line: string) => void lines.push(line) }));
    const [before] = await open.db.select({ n: count() }).from(customers);
    const answer = await runAction(
      {
        ...base,
        run: async (db) =>
          db.transaction(async (tx) => {
            await tx.insert(customers).values({ code: 'C-ROLLBACK', name: 'Rolled back' });
            throw new Error('connection reset by peer (internal detail)');
          }),
        next: () => ({ redirect: '/' }),
      },
      { name: 'ok' },
    );
    expect(answer).toMatchObject({ step: 'edit', refusal: 'failed', fields: { name: 'ok' } });
    expect(answer.errorRef).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(JSON.stringify(answer)).not.toContain('internal detail');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 50, ref: answer.errorRef });
    const [after] = await open.db.select({ n: count() }).from(customers);
    expect(after?.n).toBe(before?.n);
    expect(await open.db.select().from(customers).where(eq(customers.code, 'C-ROLLBACK'))).toEqual([]);
    replaceLogger(createLogger());
  });

  it('a button form goes back with the refusal in the query', async () => {
    const url = await redirectOf(() =>
      runButtonAction({ ...base, run: async () => refused('not_withdrawable'), next: () => ({ redirect: '/ok' }) }, form([['name', 'ok']]), '/contracts/1'),
    );
    expect(url).toBe('/contracts/1?error=not_withdrawable');
  });

  it('a button form refused by the terms goes back with the rules it breaks, which the page reads back only as rule IDs', async () => {
    const broken = [
      { rule: 'R-NAPT-NEEDS-PUBLIC', message: 'n2 needs p' },
      { rule: 'R-NAPT-NEEDS-PUBLIC', message: 'n3 needs p' },
      { rule: 'R-SNAT-NEEDS-PUBLIC', message: 's needs p' },
    ];
    const url = await redirectOf(() =>
      runButtonAction({ ...base, run: async () => violated(broken), next: () => ({ redirect: '/ok' }) }, form([['name', 'ok']]), '/contracts/1'),
    );
    expect(url).toBe('/contracts/1?error=violations&rules=R-NAPT-NEEDS-PUBLIC,R-SNAT-NEEDS-PUBLIC');
    const { rulesFrom } = await import('@/lib/form-state');
    expect(rulesFrom(new URL(url, 'http://x').searchParams.get('rules') ?? undefined)).toEqual(['R-NAPT-NEEDS-PUBLIC', 'R-SNAT-NEEDS-PUBLIC']);
    expect(rulesFrom('R-PORT-REQUIRED,<script>,R-NOPE,R-PORT-REQUIRED')).toEqual(['R-PORT-REQUIRED']);
    expect(rulesFrom(undefined)).toEqual([]);
    // A repeated parameter (?rules=a&rules=b) arrives as a list.
    expect(rulesFrom(['R-PORT-REQUIRED', 'R-NAPT-PER-PORT,R-PORT-REQUIRED'])).toEqual(['R-PORT-REQUIRED', 'R-NAPT-PER-PORT']);
  });
});
