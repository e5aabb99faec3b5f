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

export interface ActionSpec<A, I, R extends Result<object, P>, P = unknown> {
  /** A name for the log. */
  scope: string;
  /** requireCustomer / requireStaff: redirects when signed out, throws ForbiddenError without the right. */
  guard: () => Promise<A>;
  /** The form's fields in the shape the schema parses (default: the fields as read). */
  input?: (fields: Fields) => unknown;
  schema: z.ZodType<I>;
  /** The service: one transaction, answering the one result type. */
  run: (db: Db, actor: A, input: I, now: Date) => Promise<R>;
  /** Where a success goes. */
  next: (result: Extract<R, { ok: true }>, input: I) => Next<P>;
  /** The refusal code shown for a ForbiddenError (default: its reason; 'wrong_role' → 'forbidden'). */
  forbidden?: (error: ForbiddenError) => string;
}

function isOk<R extends Result<object, unknown>>(result: R): result is Extract<R, { ok: true }> {
  return result.ok;
}

function failureOf<P>(result: Result<object, P>): Failure<P> | null {
  return result.ok ? null : result;
}

const answered = <P>(state: FormState<P>): FormState<P> => ({ ...state, nonce: crypto.randomUUID() });

/** Runs one write. Returns the form state to show, or redirects. */
export async function runAction<A, I, R extends Result<object, P>, P = unknown>(spec: ActionSpec<A, I, R, P>, fields: Fields): Promise<FormState<P>> {
  let target: { redirect: string; revalidate?: string };
  try {
    const actor = await spec.guard();
    const parsed = spec.schema.safeParse(spec.input ? spec.input(fields) : fields);
    if (!parsed.success) return answered({ step: 'edit', fields, fieldErrors: fieldErrorsOf(parsed.error) });
    const result: R = await spec.run(await getDb(), actor, parsed.data, new Date());
    const failure = failureOf<P>(result);
    if (failure) {
      if (failure.kind === 'not_found') return answered({ step: 'edit', fields, refusal: 'not_found' });
      if (failure.kind === 'violations') return answered({ step: 'edit', fields, violations: failure.violations, preview: failure.preview });
      return answered({ step: 'edit', fields, refusal: failure.reason, preview: failure.preview });
    }
    if (!isOk(result)) throw new Error('unreachable: a result is ok or a failure');
    const next = spec.next(result, parsed.data);
    if ('state' in next) {
      if (next.revalidate) revalidatePath(next.revalidate, 'layout');
      return answered(next.state);
    }
    target = next;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ForbiddenError) {
      const code = spec.forbidden ? spec.forbidden(error) : error.reason === 'wrong_role' ? 'forbidden' : error.reason;
      return answered({ step: 'edit', fields, refusal: code });
    }
    // The database not answering (a restart) is noted on the request, so the server answers 503
    // if the page then fails too; the form says nothing was changed and to try again.
    noteIfDatabaseUnavailable(error);
    return answered({ step: 'edit', fields, refusal: 'failed', errorRef: logError(spec.scope, error) });
  }
  revalidatePath(target.revalidate ?? '/', 'layout');
  redirect(target.redirect);
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
