// Every server action of the code, found by reading the code (any file that starts with
// 'use server'), must have a case (test/helpers/action-cases.ts), so a new action cannot be
// forgotten. For each, with a form that works for its rightful user (shown by running it last):
//   anonymous → sent to sign in; a customer user of another company with our ids → refused;
//   viewers and billing users → refused for writes; support staff without a grant (no support
//   session, or a view-only one) → refused; the wrong side (staff/customer) → refused;
// and each refusal changes no row of any table. The same for every route handler.
import './helpers/action-mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, routeHandlerFiles, serverActionFiles, tablesDigest } from './helpers/action-harness';
import {
  onCaseCopy,
  answerOf,
  as,
  base,
  CASES,
  ids,
  loadDemo,
  ownerOf,
  refusedFor,
  ROUTES,
  signIn,
  supportViewing,
  type Fields,
  type Handler,
  type Who,
} from './helpers/action-cases';

beforeAll(loadDemo, 120_000);
afterAll(async () => base?.close());

describe('the inventory of server actions', () => {
  it('has a case for every action the code exports, and none for an action that is gone', async () => {
    const found: string[] = [];
    for (const file of serverActionFiles()) {
      const mod = (await import(/* @vite-ignore */ `../${file}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') found.push(`${file}#${name}`);
    }
    expect(found.length).toBeGreaterThan(50);
    expect(found.filter((key) => !(key in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !found.includes(key))).toEqual([]);
  });

  it.each(Object.keys(CASES))('%s: refused to everyone but its rightful users, changing nothing; works for them', (key) =>
    onCaseCopy(key, async ({ db, c, fn, oneButton, form, confirm }) => {
      // The confirm of a flow is tried too, with the key the owner's own review issued.
      const forms: Fields[] = confirm ? [form, confirm] : [form];
      for (const who of refusedFor(c)) {
        // Support staff inside a view-only support session on Acme (no grant): the session starts
        // after every other refusal was tried, so "sam" alone is support staff without one.
        if (who === 'samViewing') await supportViewing(db, ids);
        for (const sent of forms) {
          const call = await as(db, who);
          const before = await tablesDigest(db, { ignoreSupportViews: who === 'samViewing' });
          const outcome = await call(fn, sent, oneButton);
          const after = await tablesDigest(db, { ignoreSupportViews: who === 'samViewing' });
          expect.soft(outcome.kind, `${who}: ${JSON.stringify(outcome)}`).toMatch(who === 'anonymous' ? /^(sign_in|refused)$/ : /^refused$/);
          expect.soft(changedTables(before, after), `${who} changed`).toEqual([]);
        }
      }

      if (c.noPositive) return;
      // The positive control: the same form works for its rightful user.
      const owner = ownerOf(c);
      const call = await as(db, owner);
      const before = await tablesDigest(db);
      const last = await call(fn, confirm ?? form, oneButton);
      expect(last.kind, `${owner}: ${JSON.stringify(last)}`).toBe('ok');
      if (key !== 'lib/i18n/actions.ts#setLocale') expect(changedTables(before, await tablesDigest(db)).length).toBeGreaterThan(0);
    }),
  120_000);
});

const EVERYONE: Who[] = ['anonymous', 'alice', 'victor', 'bill', 'grace', 'sam', 'olivia', 'samViewing'];

describe('the inventory of route handlers', () => {
  it('has a case for every route handler under app/', () => {
    const found = routeHandlerFiles();
    expect(found.filter((f) => !(f in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((f) => !found.includes(f))).toEqual([]);
  });

  it.each(Object.keys(ROUTES).filter((f) => !ROUTES[f]!.exempt))('%s: answers its rightful users only, and never with another company’s data', async (file) => {
    const route = ROUTES[file]!;
    const handler = ((await import(/* @vite-ignore */ `../${file}`)) as Record<string, Handler>)[route.method]!;
    const copy = await base.clone();
    try {
      const db = copy.db;
      const spec = route.request(ids);
      const request = () => new Request(spec.url, { method: route.method, ...(spec.body ? { body: spec.body } : {}) });
      for (const who of EVERYONE) {
        if (who === 'samViewing') await supportViewing(db, ids);
        const session = await signIn(db, who);
        const before = await tablesDigest(db, { ignoreSupportViews: true });
        const answer = await answerOf(db, session, handler, request, spec.params);
        expect.soft(changedTables(before, await tablesDigest(db, { ignoreSupportViews: true })), `${who} changed`).toEqual([]);
        if (route.allowed.includes(who)) {
          expect.soft(answer.status, `${who}: ${answer.body.slice(0, 200)}`).toBe(200);
          // Grace is answered with Globex's statement: none of Acme's lines.
          if (route.secret) expect.soft(answer.body.includes(route.secret), `${who} sees ${route.secret}`).toBe(who !== 'grace');
        } else if (answer.status === 200 && route.refusedBody) {
          expect.soft(answer.body, who).toMatch(route.refusedBody);
          if (route.secret) expect.soft(answer.body.includes(route.secret), `${who} sees ${route.secret}`).toBe(false);
        } else {
          expect.soft(answer.status, `${who}: ${answer.body.slice(0, 200)}`).toBeGreaterThanOrEqual(300);
          expect.soft(answer.status, `${who}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
          if (route.secret) expect.soft(answer.body.includes(route.secret), `${who} sees ${route.secret}`).toBe(false);
        }
      }
    } finally {
      await copy.close();
    }
  }, 120_000);

  it.each(Object.keys(ROUTES).filter((f) => ROUTES[f]!.exempt))('%s is answered by no one here', async (file) => {
    const route = ROUTES[file]!;
    if (file.includes('[...nextauth]')) {
      // Auth.js's handlers: exactly GET and POST, from lib/auth (the credentials check is tested in
      // test/auth.test.ts, the sign-in bulkhead around it in lib/auth/sign-in-gate.test.ts).
      const source = (await import('node:fs')).readFileSync(file, 'utf8');
      expect(source).toMatch(/authRoutes/);
      return;
    }
    const handler = ((await import(/* @vite-ignore */ `../${file}`)) as Record<string, Handler>)[route.method]!;
    const spec = route.request(ids);
    for (const who of EVERYONE.filter((w) => w !== 'samViewing')) {
      const answer = await answerOf(base.db, await signIn(base.db, who), handler, () => new Request(spec.url), spec.params);
      expect.soft(answer.status, who).toBe(404);
    }
  }, 120_000);
});
