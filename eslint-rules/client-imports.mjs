// A client component ('use client') is sent to the browser with everything it imports. So it
// may import only modules that are safe there: packages that are not server-only, 'use server'
// modules (the browser gets references to their actions), and modules whose imports reach no
// server code. The rule reads each imported module (and what it imports, transitively) instead
// of trusting a list, so a new server module is refused the day it is written.
// Types count too: a client component that takes its types from a server module depends on that
// module; the types belong in a pure types.ts beside it.
import path from 'node:path';
import { classify, forEachImport, isInside, matchesPackage, resolveFile, ROOT, serverReason, toPosix } from './modules.mjs';

/** Server-only packages and entry points: database drivers, hashing, request state, server helpers. */
export const SERVER_PACKAGES = [
  'drizzle-orm',
  'drizzle-kit',
  'pg',
  '@electric-sql/pglite',
  '@node-rs/argon2',
  'otplib',
  'server-only',
  'next/headers',
  'next/server',
  'next/cache',
  'next-intl/server',
];

/** `next-auth` itself is the server half; `next-auth/react` is the browser's. */
function serverPackage(specifier, extra) {
  if (specifier === 'next-auth' || (matchesPackage(specifier, 'next-auth') && !matchesPackage(specifier, 'next-auth/react'))) return specifier;
  if (classify(specifier, ROOT).kind === 'builtin') return specifier;
  return [...SERVER_PACKAGES, ...extra].some((p) => matchesPackage(specifier, p)) ? specifier : null;
}

function isClientModule(program) {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') return false;
    if (statement.directive === 'use client') return true;
  }
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Client components ('use client') import no server modules, not even their types" },
    schema: [{ type: 'object', properties: { serverPackages: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: {
      serverPackage: "A client component must not import '{{specifier}}': it is server-only code.",
      database: "A client component must not import '{{specifier}}': the database layer (db/) is server-only.",
      serverModule:
        "A client component must not import '{{specifier}}': it reaches server code ({{chain}}). Import a pure module instead (types from a types.ts, actions from a 'use server' actions.ts).",
    },
  },
  create(context) {
    const extra = context.options[0]?.serverPackages ?? [];
    const file = context.filename;
    const isServer = (specifier) => serverPackage(specifier, extra);
    let active = false;
    const listeners = forEachImport((specifier, node) => {
      if (!active) return;
      const target = classify(specifier, file);
      if (target.kind !== 'local') {
        if (isServer(specifier)) context.report({ node, messageId: 'serverPackage', data: { specifier } });
        return;
      }
      if (isInside(target.rel, 'db')) {
        context.report({ node, messageId: 'database', data: { specifier } });
        return;
      }
      const resolved = resolveFile(target.abs);
      if (!resolved) return; // an unresolvable import is the type checker's to report
      const reason = serverReason(resolved, isServer);
      if (reason) context.report({ node, messageId: 'serverModule', data: { specifier, chain: `${toPosix(path.relative(ROOT, resolved))} → ${reason}` } });
    });
    return {
      Program(program) {
        active = isClientModule(program);
      },
      ...listeners,
    };
  },
};

export default rule;
