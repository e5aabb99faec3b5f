// The public API's OpenAPI document (lib/api/openapi.ts): valid by a linter's rules, complete
// (every endpoint, with its key, its Idempotency-Key and its problems), served at
// /api/v1/openapi.json with the reference page beside it; and the helper every API test uses to
// check its answers against it (test/helpers/openapi-validate.ts).
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import en from '@/lib/i18n/messages/en.json';
import ja from '@/lib/i18n/messages/ja.json';
import { endpoint, type Endpoint } from '@/lib/api/endpoint';
import { apiEndpoints } from '@/lib/api/endpoints';
import { buildOpenApiDocument, COMMON_PROBLEMS, openApiDocument, problemStatuses } from '@/lib/api/openapi';
import { PROBLEM_STATUS, PROBLEM_TYPE } from '@/lib/api/problem';
import { expectMatchesSpec } from './helpers/openapi-validate';

// The page's texts, from the real message files (outside Next, next-intl has no request to read them from).
vi.mock('next-intl/server', () => ({
  getTranslations: async ({ locale, namespace }: { locale: 'en' | 'ja'; namespace: 'apiReference' }) => (key: 'title' | 'noscript') =>
    ({ en, ja })[locale][namespace][key],
  getLocale: async () => 'ja',
}));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed JSON document, read by path

/**
 * Redocly's recommended rules, every warning an error; but the license rules: the API is a
 * service the customers use under their contract, not a published work with a license to name.
 */
async function lint(document: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended-strict'], rules: { 'info-license': 'off', 'info-license-strict': 'off' } });
  const problems: NormalizedProblem[] = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
  return problems.map((p) => `${p.ruleId}: ${p.message} (${p.location.map((l) => l.pointer).join(', ')})`);
}

const operations = (document: Json) =>
  Object.entries(document.paths as Json).flatMap(([path, item]) => Object.entries(item as Json).map(([method, operation]) => ({ path, method, operation: operation as Json })));

/** A submit as the lead's write endpoints are written: path id, JSON body, Idempotency-Key, 201, its own problems. */
const laterSubmit: Endpoint = endpoint({
  operationId: 'submitExampleCancellation',
  method: 'post',
  path: '/options/{optionId}/cancellation',
  tag: 'Cancellations',
  summary: 'Cancel an option',
  access: 'write',
  params: z.object({ optionId: z.uuid() }),
  body: z.object({ requestedDate: z.iso.date() }).meta({ id: 'ExampleCancellationRequest' }),
  idempotent: true,
  status: 201,
  response: z.object({ id: z.uuid(), effectiveDate: z.iso.date() }).meta({ id: 'ExampleCancellation' }),
  problems: [404, 409, 422],
  handle: async () => ({ ok: false, kind: 'not_found' }),
});

describe('the OpenAPI document', () => {
  const document = openApiDocument() as Json;

  it('is OpenAPI 3.1 and passes the linter (Redocly, recommended rules, warnings as errors)', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(await lint(document)).toEqual([]);
  });

  it('documents every endpoint of the API, once, at its method and path, with its summary and tag', () => {
    expect(apiEndpoints.length).toBeGreaterThan(0);
    for (const e of apiEndpoints) {
      const operation = document.paths[e.path]?.[e.method] as Json | undefined;
      expect(operation, `${e.method.toUpperCase()} ${e.path}`).toBeDefined();
      expect(operation!.operationId).toBe(e.operationId);
      expect(operation!.summary).toBe(e.summary);
      expect(operation!.tags).toEqual([e.tag]);
    }
    expect(operations(document).length).toBe(apiEndpoints.length);
  });

  it('asks for the bearer key on every operation, and says which scope it needs', () => {
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ apiKey: [] }]);
    for (const { path, method, operation } of operations(document)) {
      expect(operation.security, `${method} ${path}`).toEqual([{ apiKey: [] }]);
      const e = apiEndpoints.find((x) => x.operationId === operation.operationId)!;
      expect(operation['x-scope']).toBe(e.access === 'write' ? 'read_write' : 'read');
    }
  });

  it('lists the problems each operation can answer as problem+json, 429 with Retry-After and 401 with WWW-Authenticate', () => {
    for (const e of apiEndpoints) {
      const responses = document.paths[e.path][e.method].responses as Json;
      const statuses = Object.keys(responses).map(Number);
      expect(statuses).toContain(e.status ?? 200);
      for (const status of [...COMMON_PROBLEMS, ...(e.problems ?? [])]) expect(statuses, `${e.operationId} ${status}`).toContain(status);
      for (const status of problemStatuses(e)) {
        const problem = document.components.responses[responses[status].$ref.split('/').pop()] as Json;
        expect(Object.keys(problem.content)).toEqual([PROBLEM_TYPE]);
        // The problem's example is one the router could answer with this status.
        const example = problem.content[PROBLEM_TYPE].example as Json;
        expect(example.status).toBe(status);
        expect(PROBLEM_STATUS[example.code as keyof typeof PROBLEM_STATUS]).toBe(status);
      }
    }
    expect(document.components.responses.Problem429.headers).toHaveProperty('Retry-After');
    expect(document.components.responses.Problem401.headers).toHaveProperty('WWW-Authenticate');
    expect(document.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail', 'code']);
  });

  it('documents an endpoint added later with no change to the generator: its id, body, Idempotency-Key, 201 and problems', async () => {
    const later = buildOpenApiDocument([...apiEndpoints, laterSubmit]) as Json;
    expect(await lint(later)).toEqual([]);
    const operation = later.paths['/options/{optionId}/cancellation'].post as Json;
    expect(operation.operationId).toBe('submitExampleCancellation');
    expect(operation.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', name: 'optionId', required: true }),
        { $ref: '#/components/parameters/IdempotencyKey' },
        { $ref: '#/components/parameters/AcceptLanguage' },
      ]),
    );
    expect(later.components.parameters.IdempotencyKey).toMatchObject({ in: 'header', name: 'Idempotency-Key', required: true });
    expect(operation.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ExampleCancellationRequest' } } } });
    expect(Object.keys(operation.responses)).toEqual(['201', '400', '401', '403', '404', '409', '422', '429', '500', '503']);
    expect(operation['x-scope']).toBe('read_write');
  });

  it('puts the Idempotency-Key header, required, on every submit, and on nothing else', () => {
    const later = buildOpenApiDocument([...apiEndpoints, laterSubmit]) as Json;
    for (const e of [...apiEndpoints, laterSubmit]) {
      const parameters = (later.paths[e.path][e.method].parameters ?? []) as Json[];
      const hasKey = parameters.some((p) => p.$ref === '#/components/parameters/IdempotencyKey');
      expect(hasKey, e.operationId).toBe(Boolean(e.idempotent));
    }
  });

  it('is served at /api/v1/openapi.json: public JSON, cacheable for a few minutes', async () => {
    const { GET } = await import('@/app/api/v1/openapi.json/route');
    const answer = GET();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await answer.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe('the API reference page', () => {
  it('loads Swagger UI from this origin with the request’s nonce on its scripts, in the chosen language', async () => {
    const { GET } = await import('@/app/api/v1/docs/route');
    const answer = await GET(new Request('http://portal/api/v1/docs', { headers: { 'x-nonce': 'bm9uY2UtZm9yLXRlc3Q=' } }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await answer.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain(`<title>${ja.apiReference.title}</title>`);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script nonce="bm9uY2UtZm9yLXRlc3Q=" src="/api/v1/docs/swagger-ui-bundle.js">', '<script nonce="bm9uY2UtZm9yLXRlc3Q=">']);
    expect(html).toContain('<link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">');
    expect(html).toContain('"url":"/api/v1/openapi.json"');
    // No inline style, no file from elsewhere.
    expect(html).not.toMatch(/<style|style=|https?:\/\//);
  });

  it('serves the page’s script and stylesheet from the package, and nothing else of it', async () => {
    const { GET } = await import('@/app/api/v1/docs/[asset]/route');
    const get = (asset: string) => GET(new Request(`http://portal/api/v1/docs/${asset}`), { params: Promise.resolve({ asset }) });
    const script = await get('swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('SwaggerUIBundle');
    expect((await get('swagger-ui.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const other of ['package.json', 'index.html', '../package.json', 'constructor', '__proto__']) expect((await get(other)).status, other).toBe(404);
  });
});

describe('expectMatchesSpec (the check of every API answer in the tests)', () => {
  const network = { id: '6f1c2a9e-3b7d-4e21-9c0a-5d8f7b6e4a13', networkCode: 'CN-0001', name: 'Tokyo', pbbContractId: '0b7e6d1a-2c3f-4a5b-8c9d-0e1f2a3b4c5d', createdAt: '2026-11-02T01:02:03.000Z' };
  const rate = { 'RateLimit-Limit': '60', 'RateLimit-Remaining': '59' };
  const json = { 'content-type': 'application/json', ...rate };
  const problem = (status: number, code: string, extra: Json = {}) => ({ type: `urn:smarthub:problem:${code}`, title: 'T', status, detail: 'D', code, ...extra });

  it('accepts the closed networks’ answers as the router sends them, and returns the body', async () => {
    const list = new Response(JSON.stringify({ data: [network], nextCursor: null }), { headers: json });
    expect(await expectMatchesSpec('GET', '/closed-networks', list)).toEqual({ data: [network], nextCursor: null });
    // The test can still read the response afterwards.
    expect((await list.json()).data).toHaveLength(1);
    await expectMatchesSpec('get', '/api/v1/closed-networks/{closedNetworkId}', { status: 200, headers: json, body: network });
    // A concrete path finds its template.
    await expectMatchesSpec('GET', `/api/v1/closed-networks/${network.id}`, { status: 200, headers: json, body: JSON.stringify(network) });
    await expectMatchesSpec('GET', `/closed-networks/${network.id}`, {
      status: 404,
      headers: { 'content-type': 'application/problem+json', ...rate },
      body: problem(404, 'not_found', { requestId: 'r-1' }),
    });
    await expectMatchesSpec('GET', '/closed-networks', {
      status: 400,
      headers: { 'content-type': 'application/problem+json', ...rate },
      body: problem(400, 'invalid_request', { errors: { limit: 'This value is not valid.' } }),
    });
    await expectMatchesSpec('GET', '/closed-networks', {
      status: 401,
      headers: { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer realm="smarthub"' },
      body: problem(401, 'unauthorized'),
    });
    await expectMatchesSpec('GET', '/closed-networks', {
      status: 429,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '1', ...rate },
      body: problem(429, 'rate_limited'),
    });
  });

  it('refuses a body that is not the documented shape, saying where', async () => {
    const check = (body: unknown) => expectMatchesSpec('GET', '/closed-networks/{closedNetworkId}', { status: 200, headers: json, body });
    await expect(check({ ...network, id: 'not-a-uuid' })).rejects.toThrow(/getClosedNetwork\) → 200 \(application\/json\): the body does not match the document:\n {2}- \/id must match /);
    await expect(check({ ...network, name: undefined })).rejects.toThrow(/must have required property 'name'/);
    await expect(check({ ...network, secret: 'x' })).rejects.toThrow(/must NOT have additional properties.*secret/);
    await expect(expectMatchesSpec('GET', '/closed-networks', { status: 200, headers: json, body: { data: [network] } })).rejects.toThrow(/nextCursor/);
  });

  it('refuses a status the operation does not list, a wrong content type, a missing header and a problem of the wrong status', async () => {
    await expect(expectMatchesSpec('GET', '/closed-networks', { status: 404, headers: { 'content-type': PROBLEM_TYPE, ...rate }, body: problem(404, 'not_found') })).rejects.toThrow(
      /GET \/closed-networks \(listClosedNetworks\) answered 404, which the document does not list \(it lists 200, 400, 401, 403, 429, 500, 503\)/,
    );
    await expect(expectMatchesSpec('GET', '/closed-networks/{closedNetworkId}', { status: 404, headers: json, body: problem(404, 'not_found') })).rejects.toThrow(
      /content type "application\/json" is not the documented application\/problem\+json/,
    );
    await expect(
      expectMatchesSpec('GET', '/closed-networks', { status: 429, headers: { 'content-type': PROBLEM_TYPE, ...rate }, body: problem(429, 'rate_limited') }),
    ).rejects.toThrow(/the header Retry-After is missing/);
    // A 404 status with another status's code.
    await expect(
      expectMatchesSpec('GET', '/closed-networks/{closedNetworkId}', { status: 404, headers: { 'content-type': PROBLEM_TYPE, ...rate }, body: problem(404, 'unauthorized') }),
    ).rejects.toThrow(/\/code must be equal to one of the allowed values/);
    await expect(expectMatchesSpec('GET', '/closed-networks', { status: 200, headers: json, body: '<html>' })).rejects.toThrow(/the body is not JSON/);
  });

  it('refuses an operation the document does not have, naming those it has', async () => {
    await expect(expectMatchesSpec('DELETE', '/closed-networks', { status: 200, headers: json, body: {} })).rejects.toThrow(/DELETE \/closed-networks is not an operation of the document\. It has:\n {2}GET \/closed-networks/);
  });

  it('asks for the parts when the response body was already read', async () => {
    const read = new Response(JSON.stringify(network), { headers: json });
    await read.text();
    await expect(expectMatchesSpec('GET', '/closed-networks/{closedNetworkId}', read)).rejects.toThrow(/already read: pass \{ status, headers, body \}/);
  });
});
