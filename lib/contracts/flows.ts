// The customer's change flows, each as: the form's fields → its zod schema → the service → where
// to go after. Shared by the server actions (review and confirm, lib/contracts/actions.ts) and
// the live preview route (review only).
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { CustomerActor } from '@/lib/auth/access';
import { firstField, type Fields } from '@/lib/form-state';
import { addOption } from './add';
import type { Keyed } from './common';
import { applyForContract } from './apply';
import { cancelContract, cancelOption } from './cancel';
import { requestOptionChange } from './change';
import { FLOW_NAMES, type Ctx, type FlowName, type Outcome } from './types';
import { addOptionSchema, applySchema, cancelContractSchema, cancelOptionSchema, changeSchema, orderFields } from './schemas';

export interface Flow<I, P> {
  /** The fields in the shape the schema parses. */
  input(fields: Fields): unknown;
  schema: z.ZodType<I>;
  /** `keyed`: the review's idempotency key and, on a confirm, the digest of the amounts it showed. */
  run(db: Db, actor: CustomerActor, input: I, ctx: Ctx, keyed: Keyed): Promise<Outcome<P>>;
  /** Where the customer lands after a confirmed change. */
  doneUrl(outcome: Extract<Outcome<P>, { ok: true; mode: 'confirm' }>): string;
}

/** A flow, with `parse`: its fields through its schema (the same step the pipeline runs). */
function flow<I, P>(f: Flow<I, P>): Flow<I, P> & { parse(fields: Fields): z.ZodSafeParseResult<I> } {
  return { ...f, parse: (fields) => f.schema.safeParse(f.input(fields)) };
}

export const flows = {
  apply: flow({
    input: (fields) => ({ closedNetworkId: firstField(fields.closedNetworkId), orders: orderFields(fields) }),
    schema: applySchema,
    run: (db, actor, input, ctx, keyed) => applyForContract(db, actor, { ...input, ...keyed }, ctx),
    doneUrl: (o) => `/contracts/${o.contractId}?done=applied`,
  }),
  add: flow({
    input: (fields) => ({ contractId: firstField(fields.contractId), orders: orderFields(fields) }),
    schema: addOptionSchema,
    run: (db, actor, input, ctx, keyed) => addOption(db, actor, { ...input, ...keyed }, ctx),
    doneUrl: (o) => `/contracts/${o.contractId}?done=applied`,
  }),
  change: flow({
    input: (fields) => ({ optionId: firstField(fields.optionId), to: firstField(fields.to) ?? '' }),
    schema: changeSchema,
    run: (db, actor, input, ctx, keyed) => requestOptionChange(db, actor, { ...input, ...keyed }, ctx),
    doneUrl: (o) => `/contracts/${o.contractId}?done=change`,
  }),
  cancelOption: flow({
    input: (fields) => ({ optionId: firstField(fields.optionId), requestedDate: firstField(fields.requestedDate) }),
    schema: cancelOptionSchema,
    run: (db, actor, input, ctx, keyed) => cancelOption(db, actor, { ...input, ...keyed }, ctx),
    doneUrl: (o) => `/cancellations/${o.id}`,
  }),
  cancelContract: flow({
    input: (fields) => ({ contractId: firstField(fields.contractId), requestedDate: firstField(fields.requestedDate) }),
    schema: cancelContractSchema,
    run: (db, actor, input, ctx, keyed) => cancelContract(db, actor, { ...input, ...keyed }, ctx),
    doneUrl: (o) => `/cancellations/${o.id}`,
  }),
};

export type { FlowName };
// Every name has its flow, and every flow its name.
flows satisfies Record<FlowName, unknown>;
export const flowNames = FLOW_NAMES;
