import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The import boundaries of eslint.config.mjs (rules in eslint-rules/), run through the real
// config on source text placed at paths where a new file could be written tomorrow: each
// boundary fails on a misplaced import and passes on a correct one. The modules that the
// client-component cases import are in test/fixtures/lint (ignored by the normal lint run).

const root = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
});

/** The boundary errors (local rules only) of `code` if it were the file at `file`. */
async function boundaryErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('local/')).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const FIXTURES = '@/test/fixtures/lint';

describe('lint: app/ and components/ do not reach the database directly', () => {
  it.each([
    ['app/(customer)/reports/page.tsx', "import { getDb } from '@/db/client';\nexport const x = getDb;\n"],
    ['app/(customer)/reports/page.tsx', "import { customers } from '../../../db/schema';\nexport const x = customers;\n"],
    ['app/api/reports/route.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;\n"],
    ['app/api/reports/route.ts', "import { sql } from 'drizzle-orm/sql';\nexport const x = sql;\n"],
    ['components/reports/table.tsx', "import type { OptionAttributes } from '@/db/schema';\nexport type X = OptionAttributes;\n"],
    ['components/reports/table.tsx', "export { customers } from '@/db/schema/customers';\n"],
  ])('%s: a database import fails (%#)', async (file, code) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.rule).toBe('local/import-boundaries');
    expect(errors[0]?.message).toContain('app/ and components/ must not import');
  });

  it('a page that takes the handle from lib/db and queries through lib/ passes', async () => {
    const code =
      "import { getDb } from '@/lib/db';\nimport { listActivity } from '@/lib/contracts/queries';\n" +
      "import type { OptionAttributes } from '@/lib/contract/types';\n" +
      'export type A = OptionAttributes;\nexport async function load(customerId: string) {\n  return listActivity(await getDb(), customerId);\n}\n';
    expect(await boundaryErrors('app/(customer)/reports/page.tsx', code)).toEqual([]);
  });
});

describe('lint: lib/rules imports nothing outside itself', () => {
  it.each([
    ["import { refused } from '@/lib/result';\nexport const x = refused;\n", "'@/lib/result'"],
    ["import { refused } from '../result';\nexport const x = refused;\n", "'../result'"],
    ["import { z } from 'zod';\nexport const x = z;\n", "'zod'"],
    ["import fs from 'node:fs';\nexport const x = fs;\n", "'node:fs'"],
    ["import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", "'fs'"],
    ["import type { Db } from '@/db/client';\nexport type X = Db;\n", "'@/db/client'"],
  ])('lib/rules/new-rule.ts: %s fails', async (code, specifier) => {
    const errors = await boundaryErrors('lib/rules/new-rule.ts', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.rule).toBe('local/import-boundaries');
    expect(errors[0]?.message).toContain(`lib/rules must not import`);
    expect(errors[0]?.message).toContain(specifier);
  });

  it('imports inside lib/rules pass, by relative path or alias', async () => {
    const code = "import { addDays } from './dates';\nimport type { OptionKind } from '@/lib/rules/types';\nexport type K = OptionKind;\nexport const x = addDays;\n";
    expect(await boundaryErrors('lib/rules/new-rule.ts', code)).toEqual([]);
  });

  it('its tests may use vitest and fast-check, and nothing else from outside', async () => {
    const ok = "import fc from 'fast-check';\nimport { it } from 'vitest';\nimport { addDays } from './dates';\nit('x', () => fc.assert(fc.property(fc.nat(), (n) => addDays('2026-01-01', n) !== '')));\n";
    expect(await boundaryErrors('lib/rules/new-rule.test.ts', ok)).toEqual([]);
    const bad = "import { it } from 'vitest';\nimport { getDb } from '@/db/client';\nit('x', async () => void (await getDb()));\n";
    expect(await boundaryErrors('lib/rules/new-rule.test.ts', bad)).toHaveLength(1);
  });
});

describe('lint: db/ does not import lib/', () => {
  it.each([
    ["import { hashPassword } from '../lib/auth/password';\nexport const x = hashPassword;\n"],
    ["import { japanDate } from '@/lib/rules';\nexport const x = japanDate;\n"],
    ["export { getDb } from '@/lib/db';\n"],
    ["export async function later() {\n  return import('../lib/startup');\n}\n"],
  ])('db/new-file.ts: %s fails', async (code) => {
    const errors = await boundaryErrors('db/new-file.ts', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('db/ must not import');
  });

  it('imports inside db/ and packages pass', async () => {
    const code = "import { eq } from 'drizzle-orm';\nimport { customers } from './schema';\nexport const byId = (id: string) => eq(customers.id, id);\n";
    expect(await boundaryErrors('db/schema/new-table.ts', code)).toEqual([]);
  });
});

describe("lint: client components ('use client') import no server modules", () => {
  const clientFile = 'components/reports/widget.tsx';
  const client = (imports: string) => `'use client';\n\n${imports}\nexport function Widget() {\n  return null;\n}\n`;

  it.each([
    [`import { now } from '${FIXTURES}/server-module';\nexport const x = now;`, 'test/fixtures/lint/server-module.ts → drizzle-orm'],
    [`import type { Thing } from '${FIXTURES}/server-module';\nexport type X = Thing;`, 'test/fixtures/lint/server-module.ts → drizzle-orm'],
    [
      `import { again } from '${FIXTURES}/reaches-server';\nexport const x = again;`,
      'test/fixtures/lint/reaches-server.ts → test/fixtures/lint/server-module.ts → drizzle-orm',
    ],
    [`import { sql } from 'drizzle-orm';\nexport const x = sql;`, "'drizzle-orm'"],
    [`import { cookies } from 'next/headers';\nexport const x = cookies;`, "'next/headers'"],
    [`import crypto from 'node:crypto';\nexport const x = crypto;`, "'node:crypto'"],
    [`import type { Db } from '@/db/client';\nexport type X = Db;`, 'the database layer'],
  ])('%s fails', async (imports, why) => {
    const errors = await boundaryErrors(clientFile, client(imports));
    const clientErrors = errors.filter((e) => e.rule === 'local/client-imports');
    expect(clientErrors).toHaveLength(1);
    expect(clientErrors[0]?.message).toContain(why);
  });

  it("pure modules, erased type imports and 'use server' actions pass", async () => {
    const imports = [
      `import type { Shown } from '${FIXTURES}/pure-types';`,
      `import { touchDatabase } from '${FIXTURES}/actions';`,
      "import { useTranslations } from 'next-intl';",
      "import { ruleArticle } from '@/lib/rules';",
      "import type { RuleViolation } from '@/lib/result';",
      "import { formatYen } from '@/lib/i18n/format';",
      "import type { Locale } from '@/lib/i18n/locale';",
      "import { initialFormState } from '@/lib/form-state';",
      'export type X = Shown | RuleViolation | Locale;',
      'export const y = [touchDatabase, useTranslations, ruleArticle, formatYen, initialFormState];',
    ].join('\n');
    expect(await boundaryErrors(clientFile, client(imports))).toEqual([]);
  });

  it('the same server import in a server component is not a client-component error', async () => {
    const code = `import { now } from '${FIXTURES}/server-module';\nexport const x = now;\n`;
    expect(await boundaryErrors(clientFile, code)).toEqual([]);
  });
});
