// The OpenAPI 3.1 document of the public API, generated from the endpoints' own zod schemas
// (lib/api/endpoints) by zod-openapi: what the router parses and answers is what is documented.
// Every endpoint added to the registry appears here without a change to this file: its
// parameters, query, body and answer from its schemas; the bearer key on every operation; the
// Idempotency-Key header on every submit; and the problems (application/problem+json) it can
// answer — those of every endpoint (400, 401, 403, 429, 500, 503), those that follow from its
// shape (404 for an id in the path, 422 for a submit's reused key) and its own `problems`.
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import type { Endpoint } from './endpoint';
import { apiEndpoints } from './endpoints';
import { API_RATE_BURST, API_RATE_PER_MINUTE } from './limits';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';
import en from '@/lib/i18n/messages/en.json';
import { ruleArticle } from '@/lib/rules/articles';
import { PROBLEM_STATUS, PROBLEM_TYPE, type Problem, type ProblemCode } from './problem';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const API_REFERENCE_PATH = '/api/v1/docs';
const SECURITY_SCHEME = 'apiKey';

const problemCodes = Object.keys(PROBLEM_STATUS) as [ProblemCode, ...ProblemCode[]];

/** The body of every error answer (RFC 9457), as lib/api/problem.ts builds it. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URN naming the problem: `urn:smarthub:problem:<code>`.', example: 'urn:smarthub:problem:rule_violation' }),
    title: z.string().meta({ description: 'A short summary of the problem, in the language of `Accept-Language`.' }),
    status: z.int().min(400).max(599).meta({ description: 'The HTTP status of the answer.' }),
    detail: z.string().meta({ description: 'What happened and what to do, in the language of `Accept-Language`.' }),
    code: z.enum(problemCodes).meta({ description: 'A stable code for programs to branch on.' }),
    reason: z.string().optional().meta({ description: 'For `refused`: why the portal refused the change (e.g. `date_too_far`); `detail` says it in words.' }),
    rules: z
      .array(
        z
          .object({
            rule: z.string().meta({ description: 'The ID of the rule of the contract terms.', example: 'R-ALREADY-ENDING' }),
            article: z.string().nullable().meta({ description: 'The article of the terms of service the rule comes from, when it comes from one.' }),
            message: z.string().meta({ description: 'The rule, in the language of `Accept-Language`.' }),
          })
          .meta({ id: 'ProblemRule', description: 'A rule of the contract terms that the change breaks.' }),
      )
      .optional()
      .meta({ description: 'For `rule_violation`: every rule the change breaks.' }),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'For `invalid_request`: field name → what is wrong with it, in the language of `Accept-Language`.' }),
    requestId: z.string().optional().meta({ description: 'Quote it to support: it finds the log lines of the request.' }),
  })
  .meta({ id: 'Problem', description: 'An error answer (RFC 9457 problem details), served as `application/problem+json`.' });

// The schema says exactly what lib/api/problem.ts builds: either drifting is a type error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const problemSchemaIsProblem: Same<z.output<typeof problemSchema>, Problem> = true;
void problemSchemaIsProblem;

/** What each problem status means, and the codes the router answers with it. */
const PROBLEM_MEANING: Record<number, string> = {
  400: 'The request is malformed: a query or body that does not match the schema (`invalid_request`, with `errors` per field), or a submit without a valid `Idempotency-Key` (`idempotency_key_required`).',
  401: 'No key, or a key that is unknown, revoked or expired, or whose creator or customer was deactivated (`unauthorized`). Which of these is not told.',
  403: 'A read-only key on a change (`insufficient_scope`), or a key whose creator may no longer write (`read_only`).',
  404: 'No such resource for this key’s customer (`not_found`); another customer’s id and a malformed id answer the same.',
  409: 'Prices changed since the preview (`prices_changed`): preview again, then submit.',
  422: 'The change was judged and refused: a rule of the contract terms (`rule_violation`, with the rule IDs and articles in `rules`), a refusal of the portal (`refused`, with its `reason`), or an `Idempotency-Key` already used with another body (`idempotency_mismatch`).',
  429: 'Too many requests with this key (`rate_limited`): retry after `Retry-After` seconds.',
  500: 'Something went wrong and nothing was changed (`failed`): quote `requestId` to support.',
  503: 'The database could not be reached; nothing was changed (`unavailable`): retry after `Retry-After` seconds.',
};

const retryAfter = z.string().meta({ description: 'Seconds to wait before trying again.', example: '30', header: { id: 'RetryAfter' } });
const rateLimitLimit = z.string().meta({ description: 'How many requests the key may send at once (the burst of its limit).', example: String(API_RATE_BURST), header: { id: 'RateLimitLimit' } });
const rateLimitRemaining = z.string().meta({ description: 'How many requests the key may still send at once.', example: '59', header: { id: 'RateLimitRemaining' } });
const wwwAuthenticate = z.string().meta({ description: 'The bearer challenge: `Bearer realm="smarthub"`, with `error="invalid_token"` when a key was sent.', header: { id: 'WWWAuthenticate' } });

/** The headers of an answer given after the key was checked: its limit. */
const rateHeaders = { 'RateLimit-Limit': rateLimitLimit, 'RateLimit-Remaining': rateLimitRemaining };

const PROBLEM_HEADERS: Record<number, z.ZodObject> = {
  401: z.object({ 'WWW-Authenticate': wwwAuthenticate }),
  429: z.object({ 'Retry-After': retryAfter, ...rateHeaders }),
  503: z.object({ 'Retry-After': retryAfter }),
};

/**
 * The problem answer of one status (a component, `Problem<status>`): the Problem schema, its code
 * narrowed to that status's codes. Made once per status: the library registers a component by
 * the object's identity.
 */
const problemResponses = new Map<number, ReturnType<typeof makeProblemResponse>>();
function problemResponse(status: number) {
  let response = problemResponses.get(status);
  if (!response) problemResponses.set(status, (response = makeProblemResponse(status)));
  return response;
}

function makeProblemResponse(status: number) {
  const codes = problemCodes.filter((code) => PROBLEM_STATUS[code] === status) as [ProblemCode, ...ProblemCode[]];
  const headers = PROBLEM_HEADERS[status] ?? (status === 500 ? undefined : z.object(rateHeaders));
  // Only narrows `status` and `code`: every other member is the Problem's (no additionalProperties here).
  const narrowed = z.object({ status: z.literal(status), code: z.enum(codes) }).meta({
    override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
      delete jsonSchema.additionalProperties;
    },
  });
  return {
    id: `Problem${status}`,
    description: PROBLEM_MEANING[status] ?? 'A problem.',
    ...(headers ? { headers } : {}),
    content: { [PROBLEM_TYPE]: { schema: z.intersection(problemSchema, narrowed), example: exampleProblem(status, codes) } },
  };
}

/** An example of a status's problem, in English, with the portal's own texts. */
function exampleProblem(status: number, codes: readonly ProblemCode[]): Problem {
  const code = status === 422 ? 'rule_violation' : codes[0]!;
  const texts = (en.api.problems as Partial<Record<ProblemCode, { title: string; detail: string }>>)[code];
  const example: Problem = {
    type: `urn:smarthub:problem:${code}`,
    title: texts?.title ?? code,
    status,
    detail: texts?.detail ?? code,
    code,
    requestId: '6f1c2a9e-3b7d-4e21-9c0a-5d8f7b6e4a13',
  };
  if (code === 'rule_violation') example.rules = [{ rule: EXAMPLE_RULE, article: ruleArticle(EXAMPLE_RULE), message: en.rules[EXAMPLE_RULE] }];
  if (code === 'invalid_request') example.errors = { requestedDate: en.form.fieldErrors.invalidDate };
  return example;
}
const EXAMPLE_RULE = 'R-ALREADY-ENDING';

/** The problem statuses every endpoint may answer. */
export const COMMON_PROBLEMS = [400, 401, 403, 429, 500, 503] as const;

/** Every problem status `endpoint` may answer, in order. */
export function problemStatuses(endpoint: Endpoint): number[] {
  const statuses = new Set<number>([...COMMON_PROBLEMS, ...(endpoint.problems ?? [])]);
  // A malformed or unknown id in the path answers 404.
  if (endpoint.params) statuses.add(404);
  // A submit's key reused with another body answers 422.
  if (endpoint.idempotent) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

/** The Idempotency-Key header of every submit (the router's pattern: 1–255 visible ASCII characters). */
const idempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/)
  .meta({
    description:
      'A key of your choice for this change, unique per change (a UUID is a good one). Sending the same key with the same body again answers the first answer and changes nothing more; the same key with another body answers 422 `idempotency_mismatch`.',
    example: '3b241101-e2bb-4255-8caf-4136c566a962',
    param: { id: 'IdempotencyKey' },
  });

/** The language of problems' texts, on every operation. */
const acceptLanguage = z
  .string()
  .optional()
  .meta({
    description: 'The language of `title`, `detail` and the rules\' messages in a problem: `ja` (the default) or `en`.',
    example: 'en',
    param: { id: 'AcceptLanguage' },
  });

function operationOf(endpoint: Endpoint): ZodOpenApiOperationObject {
  const success = endpoint.status ?? 200;
  const responses: ZodOpenApiResponsesObject = {
    [success]: {
      description: success === 201 ? 'Created.' : 'OK.',
      headers: z.object(rateHeaders),
      content: { 'application/json': { schema: endpoint.response } },
    },
  };
  for (const status of problemStatuses(endpoint)) responses[`${status}` as `4${string}`] = problemResponse(status);
  const scope = endpoint.access === 'write' ? 'Needs a **read-write** key.' : 'Any live key of the customer (read or read-write).';
  const submit = endpoint.idempotent ? ' A submit: send an `Idempotency-Key`.' : '';
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: [endpoint.description, `${scope}${submit}`].filter(Boolean).join('\n\n'),
    tags: [endpoint.tag],
    security: [{ [SECURITY_SCHEME]: [] }],
    'x-scope': endpoint.access === 'write' ? 'read_write' : 'read',
    requestParams: {
      ...(endpoint.params ? { path: endpoint.params as z.ZodObject } : {}),
      ...(endpoint.query ? { query: endpoint.query as z.ZodObject } : {}),
      header: z.object({ 'Accept-Language': acceptLanguage, ...(endpoint.idempotent ? { 'Idempotency-Key': idempotencyKey } : {}) }),
    },
    ...(endpoint.body
      ? {
          requestBody: {
            // The router reads an empty body as `{}`: a body is required only when `{}` is refused.
            required: !endpoint.body.safeParse({}).success,
            content: { 'application/json': { schema: endpoint.body } },
          },
        }
      : {}),
    responses,
  };
}

const DESCRIPTION = `The Smart HUB Portal's API for automation: the same resources and changes as the portal, judged by the same rules and written through the same pipeline, so a change sent here and one made in the browser can never be judged differently.

## Keys
Send a key with every request: \`Authorization: Bearer shk_…\`. A customer's administrator creates keys in the portal (**API keys**): a name, a scope and an expiry. The key is shown once; the portal keeps only its hash and shows its prefix and when it was last used. A key acts as its customer with its scope, never beyond its creator's role, and stops at once when it is revoked, expires, or its creator or customer is deactivated (401). Every change made with a key is audited as made "via API key" with the key's name.

## Scopes
- \`read\`: every read.
- \`read_write\`: reads, previews and submits. A read-only key on a change answers 403 \`insufficient_scope\`.

## Limits
Per key: a burst of ${API_RATE_BURST} requests, then ${API_RATE_PER_MINUTE} a minute (the defaults; an installation may set others). \`RateLimit-Limit\` and \`RateLimit-Remaining\` say where a key stands; beyond the limit the answer is 429 with \`Retry-After\` (seconds).

## Previews and submits
Each change has a **preview** (the review the portal shows: dates, fees with tax, the early termination charge with its arithmetic; nothing is written) and a **submit**. A submit needs an \`Idempotency-Key\` header: the same key with the same body answers the first answer again and changes nothing more (safe to retry after a timeout); the same key with another body answers 422 \`idempotency_mismatch\`. If prices changed since the preview, the submit answers 409 \`prices_changed\`.

## Pagination
Lists answer \`{ "data": [...], "nextCursor": "..." }\`, newest first, \`limit\` items (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}). Pass \`nextCursor\` as \`cursor\` to get the next page; it is \`null\` on the last page. Cursors are opaque.

## Errors
Every error is \`application/problem+json\` (RFC 9457): \`type\`, \`title\`, \`status\`, \`detail\`, a stable \`code\` to branch on, and where it applies \`rules\` (each broken rule's ID, the article of the terms it comes from, and its message), \`reason\` (a refusal of the portal), \`errors\` (per field) and \`requestId\` (quote it to support). Another customer's id answers 404, exactly like a missing one.

## Language
\`title\`, \`detail\` and the rules' messages follow \`Accept-Language\`: \`ja\` (the default) or \`en\`.`;

/** A tag's description: what its operations do, from their summaries (so a new tag needs nothing here). */
function tagDescription(tag: string, endpoints: readonly Endpoint[]): string {
  return `${endpoints
    .filter((e) => e.tag === tag)
    .map((e) => e.summary)
    .join('; ')}.`;
}

/** The document of `endpoints` (every endpoint of the API unless told). */
export function buildOpenApiDocument(endpoints: readonly Endpoint[] = apiEndpoints) {
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operationOf(endpoint) };
  }
  const tags = [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name, description: tagDescription(name, endpoints) }));
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Smart HUB Portal API',
        version: '1.0.0',
        description: DESCRIPTION,
      },
      servers: [{ url: '/api/v1', description: 'This portal' }],
      security: [{ [SECURITY_SCHEME]: [] }],
      tags,
      paths,
      components: {
        securitySchemes: {
          [SECURITY_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'shk_<12 characters>_<43 characters>',
            description: 'An API key created by a customer administrator in the portal (API keys), sent as `Authorization: Bearer <key>`.',
          },
        },
      },
    },
  );
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let built: OpenApiDocument | undefined;

/** The API's document: built once per process (the endpoints do not change while it runs). */
export function openApiDocument(): OpenApiDocument {
  return (built ??= buildOpenApiDocument());
}
