// First-load JavaScript of a route, as the benchmark reports it: the route's HTML is fetched with
// the given cookie, every script it loads from /_next/static is collected (`<script src>`,
// `<link rel="modulepreload">` and `<link rel="preload" as="script">`; not `<script nomodule>`,
// the polyfills that browsers with modules never download), each file is gzipped
// (node zlib, default level) and the sizes are summed. kB = 1024 bytes. Inline scripts (the RSC
// payload) are part of the HTML, not counted here. No dependencies: node's fetch and zlib.
import { gzipSync } from 'node:zlib';

const TAG = /<(script|link)\b[^>]*>/gi;
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(ATTRIBUTE)) {
    found[match[1]!.toLowerCase()] = (match[2] ?? match[3] ?? match[4] ?? '').replaceAll('&amp;', '&');
  }
  return found;
}

/** The /_next/static script URLs a page's HTML loads, absolute, each once, in document order. */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(TAG)) {
    const attrs = attributes(match[0]);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const href =
      match[1]!.toLowerCase() === 'script'
        ? 'nomodule' in attrs
          ? undefined
          : attrs.src
        : rel.includes('modulepreload') || (rel.includes('preload') && attrs.as?.toLowerCase() === 'script')
          ? attrs.href
          : undefined;
    if (!href) continue;
    const url = new URL(href, pageUrl);
    if (url.pathname.startsWith('/_next/static/')) urls.add(url.href);
  }
  return [...urls];
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response;
}

/** The route's HTML with the cookie; a page that sends signed-in users away (/login) without it. */
async function pageHtml(pageUrl: string, cookie: string): Promise<string> {
  const signedIn = await fetch(pageUrl, { headers: { cookie }, redirect: 'manual' });
  if (signedIn.ok) return signedIn.text();
  const signedOut = await fetch(pageUrl, { redirect: 'manual' });
  if (signedOut.ok && signedIn.status >= 300 && signedIn.status < 400) return signedOut.text();
  throw new Error(`GET ${pageUrl} answered ${signedIn.status} with the cookie and ${signedOut.status} without it`);
}

/**
 * Gzipped first-load JavaScript per route, in kB (1024 bytes), rounded to 0.1 kB. A route that
 * redirects with the cookie and with no cookie (e.g. to /login because the cookie is not
 * accepted) is an error, not a small number.
 */
export async function firstLoadJsKbGzip(baseUrl: string, routes: string[], cookie: string): Promise<Record<string, number>> {
  const gzipped = new Map<string, Promise<number>>(); // shared chunks are fetched once
  const sizeOf = (url: string) => {
    let size = gzipped.get(url);
    if (!size) {
      size = fetchOk(url).then(async (r) => gzipSync(Buffer.from(await r.arrayBuffer())).length);
      gzipped.set(url, size);
    }
    return size;
  };
  const result: Record<string, number> = {};
  for (const route of routes) {
    const pageUrl = new URL(route, baseUrl).href;
    const html = await pageHtml(pageUrl, cookie);
    const sizes = await Promise.all(scriptUrls(html, pageUrl).map(sizeOf));
    result[route] = Math.round((sizes.reduce((a, b) => a + b, 0) / 1024) * 10) / 10;
  }
  return result;
}
