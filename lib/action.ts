// The one write pipeline (style.md): every server action of every side runs through here.
//
//   guard (who acts, for which customer, with which permission)
//   → one FormData reader and a zod parse (one field-error mapper)
//   → the service: one transaction (lock, lib/rules, write + audit), answering lib/result.ts
//   → one form state for useActionState, or revalidate + redirect.
//
// An unexpected error rolls the transaction back (it is thrown out of it), is logged once with a
// reference, and the user sees "nothing was changed" with that reference. Next's own control
// flow (redirect, notFound, forbidden) passes through untouched.
import { revalidatePath } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { ForbiddenError } from '@/lib/auth/access';
import { fieldErrorsOf, readForm, type Fields, type FormState } from './form-state';
import { logError } from './log';
import { noteIfDatabaseUnavailable } from './request-context';
import type { Failure, Result } from './result';

export { fieldErrorsOf, readForm } from './form-state';

/** What a successful write leads to: a page (after revalidating), or a state to show (a review step). */
export type Next<P> = { redirect: string; revalidate?: string } | { state: FormState<P>; revalidate?: string };

/** One write, whoever asks for it (a form's action or the public API, lib/api). */
export interface WriteSpec<A, I, R extends Result<object, P>, P = unknown, Raw = Fields> {
  /** A name for the log. */
  scope: string;
  /** requireCustomer / requireStaff / an API key: redirects when signed out, throws ForbiddenError without the right. */
  guard: () => Promise<A>;
  /** What was sent in the shape the schema parses (default: as sent). */
  input?: (raw: Raw) => unknown;
  schema: z.ZodType<I>;
  /** The service: one transaction, answering the one result type. */
  run: (db: Db, actor: A, input: I, now: Date) => Promise<R>;
  /** The refusal code shown for a ForbiddenError (default: its reason; 'wrong_role' → 'forbidden'). */
  forbidden?: (error: ForbiddenError) => string;
}

export interface ActionSpec<A, I, R extends Result<object, P>, P = unknown> extends WriteSpec<A, I, R, P> {
  /** Where a success goes. */
  next: (result: Extract<R, { ok: true }>, input: I) => Next<P>;
}

/**
 * How one write ended: its input did not parse (field → message key), the service refused it
 * (the one result type's failure), the guard refused the actor (a refusal code), an unexpected
 * error (rolled back and logged once; `ref` is what the user is shown), or done.
 */
export type WriteAnswer<I, R extends Result<object, P>, P = unknown> =
  | { kind: 'invalid'; fieldErrors: Record<string, string> }
  | { kind: 'refused'; failure: Failure<P> }
  | { kind: 'forbidden'; code: string }
  | { kind: 'failed'; ref: string }
  | { kind: 'done'; result: Extract<R, { ok: true }>; input: I };

const answered = <P>(state: FormState<P>): FormState<P> => ({ ...state, nonce: crypto.randomUUID() });

/**
 * The pipeline itself: guard → zod → the service's one transaction → one answer. Next's own
 * control flow (redirect, notFound, forbidden) passes through untouched.
 */
export async function executeWrite<A, I, R extends Result<object, P>, P = unknown, Raw = Fields>(
  spec: WriteSpec<A, I, R, P, Raw>,
  raw: Raw,
): Promise<WriteAnswer<I, R, P>> {
  try {
    const actor = await spec.guard();
    const parsed = spec.schema.safeParse(spec.input ? spec.input(raw) : raw);
    if (!parsed.success) return { kind: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
    const result: R = await spec.run(await getDb(), actor, parsed.data, new Date());
    if (!result.ok) return { kind: 'refused', failure: result };
    return { kind: 'done', result: result as Extract<R, { ok: true }>, input: parsed.data };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ForbiddenError) {
      return { kind: 'forbidden', code: spec.forbidden ? spec.forbidden(error) : error.reason === 'wrong_role' ? 'forbidden' : error.reason };
    }
    // The database not answering (a restart) is noted on the request, so the server answers 503
    // if the page then fails too; the form says nothing was changed and to try again.
    noteIfDatabaseUnavailable(error);
    return { kind: 'failed', ref: logError(spec.scope, error) };
  }
}

/** Runs one write from a form. Returns the form state to show, or redirects. */
export async function runAction<A, I, R extends Result<object, P>, P = unknown>(spec: ActionSpec<A, I, R, P>, fields: Fields): Promise<FormState<P>> {
  const answer = await executeWrite<A, I, R, P>(spec, fields);
  switch (answer.kind) {
    case 'invalid':
      return answered({ step: 'edit', fields, fieldErrors: answer.fieldErrors });
    case 'forbidden':
      return answered({ step: 'edit', fields, refusal: answer.code });
    case 'failed':
      return answered({ step: 'edit', fields, refusal: 'failed', errorRef: answer.ref });
    case 'refused': {
      const failure = answer.failure;
      if (failure.kind === 'not_found') return answered({ step: 'edit', fields, refusal: 'not_found' });
      if (failure.kind === 'violations') return answered({ step: 'edit', fields, violations: failure.violations, preview: failure.preview });
      return answered({ step: 'edit', fields, refusal: failure.reason, preview: failure.preview });
    }
  }
  // `next` may throw Next's redirect, like the guard: outside the pipeline's catch, as before.
  const next = spec.next(answer.result, answer.input);
  if ('state' in next) {
    if (next.revalidate) revalidatePath(next.revalidate, 'layout');
    return answered(next.state);
  }
  revalidatePath(next.revalidate ?? '/', 'layout');
  redirect(next.redirect);
}

/**
 * A plain form with one button (withdraw, end, revoke): no form state to keep, so a failure goes
 * back to `back` with the refusal in the query (`?error=<code>`, `&ref=` for a logged error,
 * `&rules=` for the rules of the terms it breaks).
 * Works without JavaScript.
 */
export async function runButtonAction<A, I, R extends Result<object, P>, P = unknown>(
  spec: ActionSpec<A, I, R, P>,
  formData: FormData,
  back: string,
): Promise<never> {
  const state = await runAction(spec, readForm(formData));
  const code = state.refusal ?? (state.violations?.length ? 'violations' : state.fieldErrors ? 'not_found' : 'failed');
  const ref = state.errorRef ? `&ref=${state.errorRef}` : '';
  const rules = state.violations?.length ? `&rules=${[...new Set(state.violations.map((v) => v.rule))].join(',')}` : '';
  redirect(`${back}${back.includes('?') ? '&' : '?'}error=${code}${ref}${rules}`);
}
