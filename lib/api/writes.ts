// The API's changes through the one write pipeline (lib/action.ts executeWrite): the key's
// customer as the guard, the flow's own zod schema, the flow's own service (its one transaction:
// lock, lib/rules, write + audit "via API key <name>"), the one result type. A preview runs the
// service in review mode (nothing written) and answers what the form's review shows, with the
// digest of its amounts; a submit runs it in confirm mode once per Idempotency-Key
// (lib/api/idempotency.ts), and may send that digest back to be refused if the amounts changed.
import { executeWrite, type WriteAnswer } from '@/lib/action';
import type { CustomerActor } from '@/lib/auth/access';
import type { Db } from '@/db/client';
import { amountsDigest } from '@/lib/contract/amounts';
import type { Outcome } from '@/lib/contracts/types';
import type { Result } from '@/lib/result';
import type { z } from 'zod';
import type { ApiAnswer, ApiCall } from './endpoint';
import { once, submitHash } from './idempotency';

/** What a change's service is to the API: its schema and its run in either mode. */
export interface ApiChange<I, P> {
  /** A name for the log and the request hash. */
  name: string;
  schema: z.ZodType<I>;
  run(db: Db, actor: CustomerActor, input: I, ctx: { now: Date; mode: 'review' | 'confirm' }, keyed: { idempotencyKey: string; amountsShown?: string }): Promise<Outcome<P>>;
}

/** The resource a submit made or changed, and where to read it. */
export interface Submitted {
  id: string;
  contractId: string;
  kind: 'application' | 'change_request' | 'cancellation' | 'option';
  href: string;
}

export interface PreviewAnswer<P> {
  preview: P;
  /** The digest of every amount shown; send it back as `expectedAmounts` to refuse a submit whose amounts changed. */
  amountsDigest: string;
}

function answerOf<I, T>(answer: WriteAnswer<I, Result<object>>, done: (result: { ok: true } & Record<string, unknown>) => ApiAnswer<T>): ApiAnswer<T> {
  switch (answer.kind) {
    case 'invalid':
      return { ok: false, kind: 'problem', problem: { code: 'invalid_request', fieldErrors: answer.fieldErrors } };
    case 'forbidden':
      return { ok: false, kind: 'problem', problem: { code: 'read_only' } };
    case 'failed':
      return { ok: false, kind: 'problem', problem: { code: 'failed', requestId: answer.ref } };
    case 'refused':
      return answer.failure;
    case 'done':
      return done(answer.result as { ok: true } & Record<string, unknown>);
  }
}

/** A preview: the service in review mode, nothing written. */
export async function previewChange<I, P>(call: ApiCall<unknown, unknown, unknown>, change: ApiChange<I, P>, input: unknown): Promise<ApiAnswer<PreviewAnswer<P>>> {
  const answer = await executeWrite<CustomerActor, I, Outcome<P>, P, unknown>(
    {
      scope: `api.${change.name}.preview`,
      guard: async () => call.actor,
      schema: change.schema,
      run: (db, actor, parsed, now) => change.run(db, actor, parsed, { now, mode: 'review' }, { idempotencyKey: 'preview' }),
    },
    input,
  );
  return answerOf(answer, (result) => {
    const preview = (result as unknown as Extract<Outcome<P>, { mode: 'review' }>).preview;
    return { ok: true, status: 200, body: { preview, amountsDigest: amountsDigest(preview) } };
  });
}

/**
 * A submit: the service in confirm mode, once per Idempotency-Key (the same key and request →
 * the same answer; another request → 422). `expectedAmounts`, when sent, must equal the digest
 * of the amounts recomputed under the lock (else 409 prices_changed).
 */
export async function submitChange<I, P>(
  call: ApiCall<unknown, unknown, unknown>,
  change: ApiChange<I, P>,
  input: unknown,
  hashed: { operationId: string; params: unknown; body: unknown },
  expectedAmounts: string | undefined,
  made: (outcome: { id: string; contractId: string }) => Submitted,
): Promise<ApiAnswer<Submitted>> {
  const key = call.idempotencyKey;
  if (!key) return { ok: false, kind: 'problem', problem: { code: 'idempotency_key_required' } };
  const scope = { customerId: call.actor.customerId, apiKeyId: call.actor.apiKey?.id ?? '', key, hash: submitHash(hashed.operationId, hashed.params, hashed.body), now: call.now };
  const answer = await once<Submitted>(call.db, scope, async () => {
    const written = await executeWrite<CustomerActor, I, Outcome<P>, P, unknown>(
      {
        scope: `api.${change.name}`,
        guard: async () => call.actor,
        schema: change.schema,
        // The flow's keyed rows see the key as `api:<key>`: never the same as a form's (a UUID the server issued).
        run: (db, actor, parsed, now) =>
          change.run(db, actor, parsed, { now, mode: 'confirm' }, { idempotencyKey: `api:${key}`, ...(expectedAmounts ? { amountsShown: expectedAmounts } : {}) }),
      },
      input,
    );
    return answerOf(written, (result) => {
      const outcome = result as unknown as Extract<Outcome<P>, { mode: 'confirm' }>;
      return { ok: true, status: 201, body: made(outcome) };
    });
  });
  return answer.ok ? { ...answer, headers: { ...(answer.headers ?? {}), location: answer.body.href } } : answer;
}
