import zlib from 'node:zlib';

/** Gzipped size (kB = 1024 bytes) of the scripts each route's HTML loads at first. */
export async function firstLoadJsKbGzip(baseUrl: string, routes: string[], cookie: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const route of routes) {
    const html = await (await fetch(`${baseUrl}${route}`, { headers: { cookie } })).text();
    const srcs = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!));
    let bytes = 0;
    for (const src of srcs) {
      const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
      bytes += zlib.gzipSync(body).length;
    }
    out[route] = Math.round((bytes / 1024) * 10) / 10;
  }
  return out;
}
