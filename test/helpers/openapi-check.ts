// Checks an API answer against the OpenAPI document (lib/api/openapi.ts), so every answer a test
// sees is one the document promises: its status is listed for the operation, its content type
// is the listed one, its required headers are there, and its body matches the schema (ajv, JSON
// Schema 2020-12, the dialect of OpenAPI 3.1, with the document's components).
//
//   const body = await expectMatchesSpec('GET', '/closed-networks/{closedNetworkId}', response);
//
// `response` is a fetch Response (read from a clone, so the test can still read it; or pass the
// parsed parts when the body was read already) or `{ status, headers, body }`. The path is the
// template as documented, with or without the `/api/v1` prefix; a concrete path
// (`/closed-networks/6f1c…`) is matched to its template. Returns the parsed body.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export interface SpecAnswer {
  status: number;
  headers?: Headers | Record<string, string>;
  /** The parsed JSON body, or its text. */
  body?: unknown;
}

type Json = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

const API_PREFIX = '/api/v1';
const COMPONENT_SCHEMAS = '#/components/schemas/';
const DEFS = 'https://smarthub.invalid/openapi/components.json';

class SpecMismatch extends Error {
  override name = 'SpecMismatch';
}

interface Spec {
  document: Json;
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
}

let spec: Spec | undefined;
let source: (() => unknown) | undefined;

/**
 * Where the document comes from: lib/api/openapi.ts in Vitest (test/helpers/openapi-validate.ts),
 * the server's /api/v1/openapi.json in the browser tests (this file imports nothing of the app).
 */
export function setSpecDocument(document: () => unknown): void {
  source = document;
  spec = undefined;
}

/** The document, and an ajv that knows its component schemas (built once per test file). */
function loaded(): Spec {
  if (spec) return spec;
  if (!source) throw new Error('openapi-check: no document (setSpecDocument)');
  const document = JSON.parse(JSON.stringify(source())) as Json;
  // Unknown keywords are errors (a typo in a schema would otherwise validate nothing), except
  // the annotations OpenAPI adds to JSON Schema; unknown formats are errors too.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats(ajv);
  for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) ajv.addKeyword(keyword);
  const components = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
  ajv.addSchema({ $id: DEFS, $defs: rewriteRefs(components) });
  spec = { document, ajv, validators: new Map() };
  return spec;
}

/** `#/components/schemas/X` → the same schema in the registered `$defs`. */
function rewriteRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(rewriteRefs) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string' && inner.startsWith(COMPONENT_SCHEMAS) ? `${DEFS}#/$defs/${inner.slice(COMPONENT_SCHEMAS.length)}` : rewriteRefs(inner),
      ]),
    ) as T;
  }
  return value;
}

/** A `$ref` of the document (`#/components/responses/Problem404`) resolved; anything else as is. */
function deref(document: Json, value: unknown): Json {
  let node = value as Json;
  for (let hops = 0; typeof node?.$ref === 'string' && hops < 10; hops++) {
    const ref = node.$ref as string;
    if (!ref.startsWith('#/')) throw new SpecMismatch(`the document has a $ref outside itself: ${ref}`);
    node = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, part) => (at as Json | undefined)?.[part], document) as Json;
    if (!node) throw new SpecMismatch(`the document's $ref ${ref} points at nothing`);
  }
  return node;
}

/** The documented template of `path` (a template itself, or a concrete path below /api/v1). */
function templateOf(paths: Json, path: string): string | null {
  const bare = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path;
  const withoutQuery = bare.split('?')[0]!;
  if (withoutQuery in paths) return withoutQuery;
  for (const template of Object.keys(paths)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
    if (pattern.test(withoutQuery)) return template;
  }
  return null;
}

function headerOf(headers: SpecAnswer['headers'], name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return found ? found[1] : null;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 12)
    .map((e) => `  - ${e.instancePath || '(the body)'} ${e.message ?? ''}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('\n');
}

const preview = (body: unknown) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text === undefined ? '(none)' : text.length > 600 ? `${text.slice(0, 600)}…` : text;
};

async function answerOf(response: Response | SpecAnswer): Promise<{ status: number; headers: SpecAnswer['headers']; body: unknown; text: string | null }> {
  if (response instanceof Response) {
    if (response.bodyUsed) {
      throw new SpecMismatch('the response body was already read: pass { status, headers, body } with the body you read, or call expectMatchesSpec before reading it');
    }
    const text = await response.clone().text();
    return { status: response.status, headers: response.headers, body: parseJson(text), text };
  }
  const text = typeof response.body === 'string' ? response.body : null;
  return { status: response.status, headers: response.headers, body: text === null ? response.body : parseJson(text), text };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Throws, saying what differs, unless `response` is an answer the document lists for `method`
 * `path`; returns its parsed body.
 */
export async function expectMatchesSpec(method: string, path: string, response: Response | SpecAnswer): Promise<unknown> {
  const { document, ajv, validators } = loaded();
  const paths = document.paths as Json;
  const verb = method.toLowerCase() as Method;
  const template = templateOf(paths, path);
  const operation = template ? ((paths[template] as Json)[verb] as Json | undefined) : undefined;
  if (!template || !operation) {
    const known = Object.entries(paths).flatMap(([p, item]) => Object.keys(item as Json).map((m) => `${m.toUpperCase()} ${p}`));
    throw new SpecMismatch(`${method.toUpperCase()} ${path} is not an operation of the document. It has:\n  ${known.join('\n  ')}`);
  }
  const name = `${verb.toUpperCase()} ${template} (${String(operation.operationId)})`;
  const answer = await answerOf(response);
  const responses = operation.responses as Json;
  const listed = responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`] ?? responses.default;
  if (!listed) {
    throw new SpecMismatch(`${name} answered ${answer.status}, which the document does not list (it lists ${Object.keys(responses).join(', ')}). Body: ${preview(answer.body)}`);
  }
  const documented = deref(document, listed);
  const where = `${name} → ${answer.status}`;

  for (const [header, value] of Object.entries((documented.headers ?? {}) as Json)) {
    const declared = deref(document, value);
    if (declared.required && headerOf(answer.headers, header) === null) throw new SpecMismatch(`${where}: the header ${header} is missing (the document requires it: ${String(declared.description ?? '')})`);
  }

  const content = documented.content as Json | undefined;
  const contentType = (headerOf(answer.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!content) {
    if (answer.body !== undefined && answer.body !== '') throw new SpecMismatch(`${where}: the document lists no body, but one came: ${preview(answer.body)}`);
    return answer.body;
  }
  const media = content[contentType] as Json | undefined;
  if (!media) {
    throw new SpecMismatch(`${where}: content type "${contentType || '(none)'}" is not the documented ${Object.keys(content).join(' or ')}. Body: ${preview(answer.body)}`);
  }
  if (answer.body === undefined || (typeof answer.body === 'string' && /json/.test(contentType))) {
    throw new SpecMismatch(`${where}: the body is not JSON: ${preview(answer.text ?? answer.body)}`);
  }
  const key = `${verb} ${template} ${answer.status} ${contentType}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(rewriteRefs(media.schema as Json));
    validators.set(key, validate);
  }
  if (!validate(answer.body)) {
    throw new SpecMismatch(`${where} (${contentType}): the body does not match the document:\n${describeErrors(validate.errors)}\nBody: ${preview(answer.body)}`);
  }
  return answer.body;
}
