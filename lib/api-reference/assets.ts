// The reference page's files, served from our own origin (no CDN: the page must work where the
// portal has no internet, and under its Content-Security-Policy, which allows scripts and styles
// only from here). They are read from the swagger-ui-dist package in node_modules; for a
// standalone build, next.config.mjs (outputFileTracingIncludes) copies exactly these files.
import fs from 'node:fs/promises';
import path from 'node:path';

/** The files the page loads, by the name in its URL, with their content types. Nothing else is served. */
export const REFERENCE_ASSETS = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
} as const;
export type ReferenceAsset = keyof typeof REFERENCE_ASSETS;

export function isReferenceAsset(name: string): name is ReferenceAsset {
  return Object.hasOwn(REFERENCE_ASSETS, name);
}

const cache = new Map<ReferenceAsset, Promise<Buffer>>();

/** A file's bytes, read once per process (the package does not change while the server runs). */
export function readReferenceAsset(name: ReferenceAsset): Promise<Buffer> {
  let bytes = cache.get(name);
  if (!bytes) {
    // Relative to the working directory: the project folder, or the standalone folder
    // (scripts/server.mjs changes into it), which holds the traced copy.
    bytes = fs.readFile(path.join(process.cwd(), 'node_modules', 'swagger-ui-dist', name));
    bytes.catch(() => cache.delete(name));
    cache.set(name, bytes);
  }
  return bytes;
}
