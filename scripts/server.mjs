// The production server: Next's request handler (its programmatic API) behind a plain Node HTTP
// server that does four things `next start` does not:
//  - x-smarthub-peer: the socket's peer address, set here and never taken from the client (the
//    sign-in limit reads it; TRUSTED_PROXY_HOPS says how many proxies in X-Forwarded-For to trust);
//  - x-request-id: a fresh id for every request, on the request (lib/log.ts puts it on every log
//    line, through the AsyncLocalStorage below) and echoed on the response;
//  - 503: a request during which the database could not be reached (lib/request-context.ts notes
//    it) and that would answer 5xx answers 503 with Retry-After and a translated page instead;
//  - SIGTERM/SIGINT: stop accepting connections, let requests in flight finish (up to
//    SHUTDOWN_DRAIN_MS), close the pool or the embedded database, exit 0.
// `npm start` runs it from the project folder; `npm run build` also copies it into
// .next/standalone, where `node server.mjs` runs the same way (README, "Deployment").
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pino from 'pino';

// In the project, this file is in scripts/; in a standalone folder, beside its .next.
const here = path.dirname(new URL(import.meta.url).pathname);
const root = fs.existsSync(path.join(here, '.next')) ? here : path.resolve(here, '..');
process.chdir(root);
process.env.NODE_ENV ??= 'production';
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST; // all interfaces when unset
const drainMs = Number(process.env.SHUTDOWN_DRAIN_MS ?? 25_000);
const RETRY_AFTER_S = '5';

const log = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });

// The built configuration (as Next's standalone server.js does): no next.config.mjs is needed,
// and Next does not warn that `output: 'standalone'` is served by a server of our own.
const serverFiles = path.join(root, '.next', 'required-server-files.json');
if (!fs.existsSync(serverFiles)) {
  log.fatal({ scope: 'server' }, `no build in ${root} (run \`npm run build\` first)`);
  process.exit(1);
}
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(fs.readFileSync(serverFiles, 'utf8')).config);

// Shared with lib/request-context.ts (bundled into Next's chunks) through the registered symbol.
const CONTEXT = Symbol.for('smarthub.request-context');
const storage = (globalThis[CONTEXT] ??= new AsyncLocalStorage());

// The 503 page's words, from the app's message files (section "ops").
function opsMessages(locale) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'lib', 'i18n', 'messages', `${locale}.json`), 'utf8')).ops;
  } catch {
    return null;
  }
}
const messages = { ja: opsMessages('ja'), en: opsMessages('en') };

/** The page's language: the `locale` cookie, else Japanese unless English comes first in Accept-Language (as lib/i18n/locale.ts). */
function localeOf(req) {
  const cookie = /(?:^|;\s*)locale=(ja|en)(?:;|$)/.exec(req.headers.cookie ?? '');
  if (cookie) return cookie[1];
  const ranked = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((e) => e.weight > 0 && (e.lang === 'ja' || e.lang === 'en'))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.lang === 'en' ? 'en' : 'ja';
}

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function unavailablePage(locale, requestId) {
  const words = messages[locale] ?? messages.ja ?? messages.en;
  const title = words?.unavailableTitle ?? '503';
  const text = words?.unavailable ?? '';
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p style="font-family:monospace;font-size:.75rem;color:#64748b">ref: ${requestId}</p></body></html>`
  );
}

/**
 * A response that would be 5xx while the database was unreachable becomes 503 + Retry-After with
 * the translated page; whatever Next writes after that is dropped. Next may set the status by
 * `writeHead` or let the first `write`/`end` send it implicitly: all three are covered, and the
 * decision is taken before any byte of Next's own answer leaves.
 */
function answer503WhenDatabaseDown(req, res, store) {
  // A page read (GET) whose error boundary caught the failure answers 200 with "something went
  // wrong": that is unavailability too. A server action's own answer (a form state saying
  // nothing was changed) is left as it is.
  const pageRead = (req.method === 'GET' || req.method === 'HEAD') && !req.headers['next-action'];
  const replaces = (status) => store.databaseUnavailable && !res.headersSent && (status >= 500 || (pageRead && status === 200));
  const { writeHead, write, end, destroy } = res;
  let replaced = false;
  let sent = false;
  const start = () => {
    replaced = true;
    for (const name of res.getHeaderNames()) if (name !== 'x-request-id') res.removeHeader(name);
    store.page = unavailablePage(localeOf(req), store.id);
    writeHead.call(res, 503, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(store.page),
      'retry-after': RETRY_AFTER_S,
      'cache-control': 'no-store',
    });
    log.warn({ scope: 'server', reqId: store.id, url: req.url }, 'database unavailable: answered 503');
  };
  const send = () => {
    if (sent) return;
    sent = true;
    end.call(res, req.method === 'HEAD' ? undefined : store.page);
  };
  const callbackIn = (args) => args.find((a) => typeof a === 'function');
  res.writeHead = function (status, ...rest) {
    if (replaced) return res;
    if (replaces(status)) {
      start();
      return res;
    }
    return writeHead.call(this, status, ...rest);
  };
  res.write = function (...args) {
    if (!replaced && replaces(res.statusCode)) start();
    if (!replaced) return write.apply(this, args);
    send();
    callbackIn(args)?.();
    return true;
  };
  res.end = function (...args) {
    if (!replaced && replaces(res.statusCode)) start();
    if (!replaced) return end.apply(this, args);
    send();
    callbackIn(args)?.();
    return res;
  };
  // Next aborts its own stream when it finds the response ended; our page must still be sent.
  res.destroy = function (...args) {
    return replaced ? res : destroy.apply(this, args);
  };
}

const { default: next } = await import('next');
const app = next({ dev: false, dir: root, port, hostname: host ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

let closing = false;
const server = http.createServer((req, res) => {
  // Never trust a client's own peer address or request id.
  req.headers['x-smarthub-peer'] = req.socket.remoteAddress ?? '';
  const id = crypto.randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('x-request-id', id);
  if (closing) res.setHeader('connection', 'close');
  const store = { id };
  answer503WhenDatabaseDown(req, res, store);
  const started = process.hrtime.bigint();
  const forwardedFor = req.headers['x-forwarded-for']; // as received (Next adds one when there is none)
  res.on('finish', () =>
    log.info(
      { scope: 'server', reqId: id, method: req.method, url: req.url, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n), peer: req.headers['x-smarthub-peer'], forwardedFor },
      'request',
    ),
  );
  storage.run(store, () =>
    handle(req, res).catch((error) => {
      log.error({ scope: 'server', reqId: id, err: error }, 'request failed');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
});
server.on('error', (error) => {
  log.fatal({ scope: 'server', err: error }, `cannot listen on port ${port}`);
  process.exit(1);
});
server.listen(port, host, () => log.info({ scope: 'server', port }, `portal listening on port ${port}`));

async function closeDatabase() {
  // db/client.ts keeps the opened database on globalThis (one per process).
  const open = await globalThis.__smarthubDb?.promise?.catch(() => null);
  await open?.close();
}

async function shutdown(signal) {
  if (closing) return;
  closing = true;
  log.info({ scope: 'server', signal }, 'stopping: no new connections, finishing requests in flight');
  const closed = new Promise((resolve) => server.close(resolve));
  // Keep-alive connections that sit idle are closed now and as requests in flight finish.
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const drained = await Promise.race([closed.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), drainMs))]);
  clearInterval(idle);
  if (!drained) {
    log.warn({ scope: 'server' }, `requests still running after ${drainMs} ms: closing their connections`);
    server.closeAllConnections();
  }
  try {
    await closeDatabase();
    log.info({ scope: 'server' }, 'database closed; stopped');
    process.exit(0);
  } catch (error) {
    log.error({ scope: 'server', err: error }, 'closing the database failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
