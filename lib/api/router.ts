// The public API's one entry (app/api/v1/[...path]/route.ts): finds the endpoint, checks the key
// (lib/api/auth.ts), its limit and its scope, parses the path, query and body with the endpoint's
// own schemas, runs its handler and answers JSON, or problem+json for every failure. Writes go
// through the one write pipeline (lib/api/writes.ts → lib/action.ts executeWrite).
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { fieldErrorsOf } from '@/lib/form-state';
import { localeFromAcceptLanguage, type Locale } from '@/lib/i18n/locale';
import { logError } from '@/lib/log';
import { currentRequestId, noteIfDatabaseUnavailable } from '@/lib/request-context';
import { authenticateApiKey } from './auth';
import type { ApiAnswer, Endpoint } from './endpoint';
import { apiEndpoints } from './endpoints';
import { apiLimits, type KeyLimits } from './limits';
import { problemBody, problemOfFailure, PROBLEM_TYPE, type ProblemInput } from './problem';

export const API_BASE = '/api/v1';
/** A JSON body of a change is small; the proxy already refuses anything over 256 kB. */
const MAX_JSON_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

interface Route {
  endpoint: Endpoint;
  pattern: RegExp;
  names: string[];
}

function compile(endpoints: readonly Endpoint[]): Route[] {
  return endpoints.map((endpoint) => {
    const names: string[] = [];
    const source = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { endpoint, pattern: new RegExp(`^${source}$`), names };
  });
}

const noStore = { 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...noStore, ...headers } });
}

export async function problemResponse(input: ProblemInput, locale: Locale, requestId = input.requestId ?? currentRequestId()): Promise<Response> {
  const body = await problemBody(input, locale, requestId);
  return new Response(JSON.stringify(body), { status: body.status, headers: { 'content-type': PROBLEM_TYPE, ...noStore, ...(input.headers ?? {}) } });
}

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown): { ok: true; value: unknown } | { ok: false; fieldErrors: Record<string, string> } {
  if (!schema) return { ok: true, value: undefined };
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** A query string as an object: a repeated name gives its values as a list. */
function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const before = out[name];
    out[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return out;
}

async function bodyOf(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.length === 0) return { ok: true, value: {} };
  if (text.length > MAX_JSON_BYTES || !/^application\/(.+\+)?json\b/i.test(request.headers.get('content-type') ?? '')) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export interface ApiRouter {
  handle(request: Request, path: readonly string[]): Promise<Response>;
}

/** A router over `endpoints` (the registry by default; tests may give their own limits). */
export function createApiRouter(endpoints: readonly Endpoint[] = apiEndpoints, limits: KeyLimits = apiLimits): ApiRouter {
  const routes = compile(endpoints);

  async function answer(request: Request, segments: readonly string[], locale: Locale): Promise<Response> {
    const path = `/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
    const matching = routes.map((route) => ({ route, match: route.pattern.exec(path) })).filter((m) => m.match);
    if (matching.length === 0) return problemResponse({ code: 'not_found' }, locale);
    const method = request.method.toLowerCase();
    const found = matching.find((m) => m.route.endpoint.method === method);
    if (!found) {
      const allow = [...new Set(matching.map((m) => m.route.endpoint.method.toUpperCase()))].join(', ');
      return problemResponse({ code: 'method_not_allowed', headers: { allow } }, locale);
    }
    const { endpoint, names } = found.route;
    const now = new Date();
    const db = await getDb();

    const key = await authenticateApiKey(db, request.headers.get('authorization'), now);
    if (!key.ok) {
      const error = key.reason === 'missing' ? '' : ', error="invalid_token"';
      return problemResponse({ code: 'unauthorized', headers: { 'www-authenticate': `Bearer realm="smarthub"${error}` } }, locale);
    }
    const limit = limits.take(key.keyId, now.getTime());
    const rateHeaders = { 'ratelimit-limit': String(limits.burst), 'ratelimit-remaining': String(limit.remaining) };
    if (!limit.ok) return problemResponse({ code: 'rate_limited', headers: { ...rateHeaders, 'retry-after': String(limit.retryAfterSeconds) } }, locale);
    if (endpoint.access === 'write' && key.scope !== 'read_write') return problemResponse({ code: 'insufficient_scope', headers: rateHeaders }, locale);

    const rawParams = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found.match![i + 1]!)]));
    const params = parse(endpoint.params, rawParams);
    // A malformed id names nothing: the same 404 as another customer's.
    if (!params.ok) return problemResponse({ code: 'not_found', headers: rateHeaders }, locale);
    const query = parse(endpoint.query, queryOf(new URL(request.url)));
    if (!query.ok) return problemResponse({ code: 'invalid_request', fieldErrors: query.fieldErrors, headers: rateHeaders }, locale);
    let body: { ok: true; value: unknown } | { ok: false; fieldErrors: Record<string, string> } = { ok: true, value: undefined };
    if (endpoint.body) {
      const sent = await bodyOf(request);
      if (!sent.ok) return problemResponse({ code: 'invalid_request', fieldErrors: { body: 'invalid' }, headers: rateHeaders }, locale);
      body = parse(endpoint.body, sent.value);
      if (!body.ok) return problemResponse({ code: 'invalid_request', fieldErrors: body.fieldErrors, headers: rateHeaders }, locale);
    }
    const idempotencyKey = request.headers.get('idempotency-key');
    if (endpoint.idempotent && (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey))) {
      return problemResponse({ code: 'idempotency_key_required', headers: rateHeaders }, locale);
    }

    const result: ApiAnswer<unknown> = await endpoint.handle({
      db,
      actor: key.actor,
      params: params.value,
      query: query.value,
      body: body.value,
      idempotencyKey: endpoint.idempotent ? idempotencyKey : null,
      locale,
      now,
    } as Parameters<Endpoint['handle']>[0]);
    if (result.ok) return json(result.status ?? endpoint.status ?? 200, result.body, { ...rateHeaders, ...(result.headers ?? {}) });
    if (result.kind === 'problem') return problemResponse({ ...result.problem, headers: { ...rateHeaders, ...(result.problem.headers ?? {}) } }, locale);
    return problemResponse({ ...problemOfFailure(result), headers: rateHeaders }, locale);
  }

  return {
    async handle(request, segments) {
      const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
      try {
        return await answer(request, segments, locale);
      } catch (error) {
        const unavailable = noteIfDatabaseUnavailable(error);
        // The reference is the request id: support finds the log line by it.
        const ref = logError('api', error);
        return problemResponse(unavailable ? { code: 'unavailable', headers: { 'retry-after': '5' } } : { code: 'failed' }, locale, ref);
      }
    },
  };
}
