// One endpoint of the public API (/api/v1): its method and path, what it reads (path parameters,
// query, JSON body) as zod schemas, what it answers as a zod schema, and its handler. The router
// (lib/api/router.ts) checks the key, its scope and its limit, parses with these same schemas and
// turns every failure into problem+json; the OpenAPI document (lib/api/openapi.ts) is generated
// from them, so what is documented is what is enforced.
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { CustomerActor } from '@/lib/auth/access';
import type { Locale } from '@/lib/i18n/locale';
import type { Failure } from '@/lib/result';
import type { ProblemInput } from './problem';

/** `read`: any live key of the customer; `write`: a read-write key (else 403 insufficient_scope). */
export type Access = 'read' | 'write';

export interface ApiCall<P, Q, B> {
  db: Db;
  actor: CustomerActor;
  params: P;
  query: Q;
  body: B;
  /** The `Idempotency-Key` header of a submit (the router requires it where `idempotent`). */
  idempotencyKey: string | null;
  locale: Locale;
  now: Date;
}

/** What a handler answers: its body (with the endpoint's success status), or why not. */
export type ApiAnswer<T> =
  | { ok: true; body: T; status?: 200 | 201; headers?: Record<string, string> }
  | Failure
  | { ok: false; kind: 'problem'; problem: ProblemInput };

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Endpoint<P extends Schema | undefined = Schema | undefined, Q extends Schema | undefined = Schema | undefined, B extends Schema | undefined = Schema | undefined, R extends Schema = Schema> {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style, below /api/v1: `/contracts/{contractId}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** A submit: takes an `Idempotency-Key` header (required), same key and body → the same answer. */
  idempotent?: boolean;
  /** The success status (200 unless said). */
  status?: 200 | 201;
  response: R;
  /** Problem statuses this endpoint answers besides those every endpoint may (400, 401, 403, 429, 500). */
  problems?: number[];
  handle(call: ApiCall<Out<P>, Out<Q>, Out<B>>): Promise<ApiAnswer<z.output<R>>>;
}

/** An endpoint, typed by its schemas (the registry holds them as `Endpoint`). */
export function endpoint<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema>(
  definition: Endpoint<P, Q, B, R>,
): Endpoint {
  return definition as unknown as Endpoint;
}
