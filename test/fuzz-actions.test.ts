// Property-based fuzzing through the real server actions (fast-check): every action, run by its
// rightful user, with its working form spoiled in one or more fields — wrong types, huge strings,
// invalid UTF-8, impossible dates, unknown enum values, a list where one value is expected,
// negative and non-finite numbers, ids of nothing, fields left out. Whatever is sent, the answer
// is never an unexpected error (the "something went wrong" answer, an HTTP 500 in spirit): it is
// a clear refusal with a translated message, and a refusal changes no row of any table.
import './helpers/action-mocks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, tablesDigest } from './helpers/action-harness';
import { answerOf, as, base, CASES, ids, loadDemo, onCaseCopy, ownerOf, ROUTES, signIn, type Fields, type Handler } from './helpers/action-cases';

/** Spoiled values, each a kind of bad input a browser, a script or an attacker can send. */
const badValue = fc.oneof(
  // huge strings (the proxy refuses bodies over 256 kB; this is under it, far over every field's limit)
  fc.constantFrom('x'.repeat(200_000), 'あ'.repeat(60_000), `${'9'.repeat(5_000)}`),
  // invalid UTF-8 and odd Unicode: FormData carries lone surrogates as U+FFFD, as a server decodes broken bytes
  fc.constantFrom('\uD800', '\uDFFF\uD800', '\uFFFD\uFFFD', 'a\u0000b', '\u202Egnp.exe', '\u200B', 'ｃ－０１０１'),
  // impossible dates and times
  fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '99999-01-01', '2026-1-1', '2026-12-07T25:61', '2026-12', '-2026-01-01'),
  // unknown enum values and look-alikes of real ones
  fc.constantFrom('nonsense', 'ADMIN', 'Admin', 'operator', '__proto__', 'constructor', 'on ', 'M2_PUBLIC ', 'onprem_port\n'),
  // numbers that are not what a field means
  fc.constantFrom('-1', '-0', '1e309', 'NaN', 'Infinity', '0x10', '1.5', '1,000,000,000,000', '٣', '   7'),
  // wrong types and empties
  fc.constantFrom('', ' ', 'true', 'null', 'undefined', '{}', '[]', '{"$gt":""}', "' OR 1=1 --", '<script>alert(1)</script>'),
  // ids of nothing, and of the wrong kind
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1', '../../etc/passwd'),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.uuid(),
);

/** How one field is spoiled: another value, the value sent twice (a list), two different values, or left out. */
const spoil = fc.oneof(
  badValue.map((v) => ({ kind: 'value' as const, v })),
  badValue.map((v) => ({ kind: 'list' as const, v })),
  fc.constant({ kind: 'missing' as const }),
);

function spoiled(form: Fields, changes: { field: string; how: { kind: 'value' | 'list' | 'missing'; v?: string } }[]): Fields {
  const out: Fields = { ...form };
  for (const { field, how } of changes) {
    if (how.kind === 'missing') delete out[field];
    else if (how.kind === 'value') out[field] = how.v!;
    else out[field] = [...([] as string[]).concat(out[field] ?? []), how.v!];
  }
  return out;
}

/** Tables an action writes on purpose even when it refuses: sign-in attempts are counted for the throttle. */
const WRITES_ON_REFUSAL: Record<string, string[]> = {
  'lib/auth/actions.ts#login': ['login_attempts'],
  'lib/users/actions.ts#requestPasswordResetAction': ['login_attempts'],
};

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const tally = { calls: 0, refused: 0, ok: 0 };

beforeAll(loadDemo, 120_000);
afterAll(async () => {
  await base?.close();
  console.info(`fuzzing: ${tally.calls} spoiled calls, ${tally.refused} refused, ${tally.ok} still valid and done, 0 unexpected errors`);
});

describe('fuzzing through every server action', () => {
  it.each(Object.keys(CASES))('%s: never an unexpected error; a refusal changes nothing', (key) =>
    // A flow is fuzzed at its confirm, with the key its review issued (the review writes nothing anyway).
    onCaseCopy(key, async ({ db, c, fn, oneButton, form: working, confirm }) => {
      const form = confirm ?? working;
      const owner = ownerOf(c);
      const names = [...new Set([...Object.keys(form), 'unexpected'])];
      const call = await as(db, owner);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ field: fc.constantFrom(...names), how: spoil }), { minLength: 1, maxLength: 3 }), async (changes) => {
          const fields = spoiled(form, changes);
          const before = await tablesDigest(db);
          const outcome = await call(fn, fields, oneButton);
          const changed = changedTables(before, await tablesDigest(db)).filter((t) => !WRITES_ON_REFUSAL[key]?.includes(t));
          tally.calls += 1;
          expect(outcome.kind, JSON.stringify(outcome).slice(0, 300)).not.toBe('crash');
          if (outcome.kind === 'refused') {
            tally.refused += 1;
            expect(changed, `refused (${outcome.code}) but changed`).toEqual([]);
          } else tally.ok += 1;
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261207), endOnFailure: true },
      );
    }),
  300_000);
});

describe('fuzzing through the route handler that takes a body', () => {
  it('the live preview: never an unexpected error, nothing changed', async () => {
    const route = ROUTES['app/api/preview/[flow]/route.ts']!;
    const handler = ((await import('../app/api/preview/[flow]/route')) as unknown as Record<string, Handler>).POST!;
    const db = base.db;
    const session = await signIn(db, 'alice');
    const flows = ['apply', 'add', 'change', 'cancelOption', 'cancelContract', 'nonsense', '__proto__'];
    const spec = route.request(ids);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...flows), fc.array(fc.record({ field: fc.constantFrom('optionId', 'contractId', 'closedNetworkId', 'kind', 'speed', 'to', 'requestedDate', 'x'), how: spoil }), { minLength: 1, maxLength: 4 }), async (flow, changes) => {
        const fields = spoiled({ optionId: ids.onprem }, changes);
        const body = new FormData();
        for (const [name, value] of Object.entries(fields)) for (const one of ([] as string[]).concat(value)) body.append(name, one);
        const before = await tablesDigest(db);
        const answer = await answerOf(db, session, handler, () => new Request(spec.url.replace('cancelOption', flow), { method: 'POST', body }), { flow });
        tally.calls += 1;
        expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
        expect(changedTables(before, await tablesDigest(db))).toEqual([]);
      }),
      { numRuns: RUNS * 4, seed: Number(process.env.FUZZ_SEED ?? 20261207), endOnFailure: true },
    );
  }, 300_000);
});
