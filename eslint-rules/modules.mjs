// How the local lint rules see an import: resolved to a file of this repository (through the
// `@/` alias or a relative path), a Node builtin, or a package. Shared by the boundary rules so
// they all agree on what "inside db/" or "a server module" means.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root: this folder's parent, wherever eslint is started from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const BUILTINS = new Set(builtinModules);
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];

/**
 * What an import specifier names, seen from `fromFile`.
 * @returns {{ kind: 'builtin', name: string } | { kind: 'package', name: string } | { kind: 'local', abs: string, rel: string }}
 */
export function classify(specifier, fromFile) {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) return { kind: 'builtin', name: specifier };
  let abs = null;
  if (specifier.startsWith('@/')) abs = path.join(ROOT, specifier.slice(2));
  else if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../'))
    abs = path.resolve(path.dirname(fromFile), specifier);
  if (abs === null) return { kind: 'package', name: specifier };
  return { kind: 'local', abs, rel: toPosix(path.relative(ROOT, abs)) };
}

export function toPosix(p) {
  return p.split(path.sep).join('/');
}

/** Is the repo-relative path `rel` the folder `dir` or inside it? */
export function isInside(rel, dir) {
  return rel === dir || rel.startsWith(`${dir}/`);
}

/** Does a package specifier name `pkg` or one of its subpaths (`drizzle-orm/pg-core`)? */
export function matchesPackage(specifier, pkg) {
  return specifier === pkg || specifier.startsWith(`${pkg}/`);
}

/** The file an import of a local module loads, or null (missing, or not a source file). */
export function resolveFile(abs) {
  const candidates = [abs, ...EXTENSIONS.map((e) => abs + e), ...EXTENSIONS.map((e) => path.join(abs, `index${e}`))];
  for (const candidate of candidates) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** The imports of one source file, each with whether it survives compilation (type-only ones do not). */
function readImports(file) {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const directives = [];
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    directives.push(statement.expression.text);
  }
  const imports = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      imports.push({ specifier: node.moduleSpecifier.text, runtime: !typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly =
        node.isTypeOnly ||
        (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
      imports.push({ specifier: node.moduleSpecifier.text, runtime: !typeOnly });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      imports.push({ specifier: node.arguments[0].text, runtime: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { directives, imports };
}

const cache = new Map(); // file → { mtimeMs, reason }

/**
 * Why loading `file` in the browser would pull in server code, as a chain of modules
 * (`lib/contracts/services.ts → drizzle-orm`), or null when it is safe for a client component:
 * a 'use client' module (checked when it is linted itself), a 'use server' module (Next sends
 * the browser references to its actions, never its code), or a module whose imports that survive
 * compilation reach no server module. Type-only imports are erased, so they do not count here.
 * @param {(specifier: string) => string | null} serverSpecifier names a builtin or package that is server-only
 */
export function serverReason(file, serverSpecifier, seen = new Set()) {
  if (!/\.(m?[jt]sx?)$/.test(file)) return null; // JSON messages, styles
  const mtimeMs = fs.statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.reason;
  if (seen.has(file)) return null; // a cycle: judged where it started
  seen.add(file);
  const { directives, imports } = readImports(file);
  let reason = null;
  if (!directives.includes('use client') && !directives.includes('use server')) {
    for (const { specifier, runtime } of imports) {
      if (!runtime) continue;
      const target = classify(specifier, file);
      let why = null;
      if (target.kind !== 'local') why = serverSpecifier(specifier);
      else if (isInside(target.rel, 'db')) why = target.rel;
      else {
        const resolved = resolveFile(target.abs);
        const inner = resolved && serverReason(resolved, serverSpecifier, seen);
        if (inner) why = `${toPosix(path.relative(ROOT, resolved))} → ${inner}`;
      }
      if (why) {
        reason = why;
        break;
      }
    }
  }
  cache.set(file, { mtimeMs, reason });
  return reason;
}

/** Calls `check(specifier, node, typeOnly)` for every import, re-export and dynamic import of the linted file. */
export function forEachImport(check) {
  const onDeclaration = (node) => {
    if (!node.source || typeof node.source.value !== 'string') return;
    const specifiers = node.specifiers ?? [];
    const typeOnly =
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    check(node.source.value, node.source, typeOnly);
  };
  return {
    ImportDeclaration: onDeclaration,
    ExportNamedDeclaration: onDeclaration,
    ExportAllDeclaration: onDeclaration,
    ImportExpression(node) {
      if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node.source.value, node.source, false);
    },
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal' && typeof node.arguments[0].value === 'string')
        check(node.arguments[0].value, node.arguments[0], false);
    },
  };
}
