// The customer's change flows, each as: parse the form → run the service → where to go after.
// Shared by the server actions (review and confirm) and the live preview route (review only).
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { CustomerActor } from '@/lib/auth/access';
import {
  addOptionSchema,
  applySchema,
  cancelContractSchema,
  cancelOptionSchema,
  changeSchema,
  firstField,
  orderFields,
} from './schemas';
import {
  addOption,
  applyForContract,
  cancelContract,
  cancelOption,
  requestOptionChange,
  type Ctx,
  type Outcome,
} from './services';

type Fields = Record<string, string | string[]>;

export interface Flow<I, P> {
  parse(fields: Fields): z.ZodSafeParseResult<I>;
  run(db: Db, actor: CustomerActor, input: I, ctx: Ctx, idempotencyKey: string): Promise<Outcome<P>>;
  /** Where the customer lands after a confirmed change. */
  doneUrl(outcome: Extract<Outcome<P>, { ok: true; mode: 'confirm' }>): string;
}

function flow<I, P>(f: Flow<I, P>): Flow<I, P> {
  return f;
}

export const flows = {
  apply: flow({
    parse: (fields) => applySchema.safeParse({ closedNetworkId: firstField(fields.closedNetworkId), order: orderFields(fields) }),
    run: (db, actor, input, ctx, idempotencyKey) =>
      applyForContract(db, actor, { closedNetworkId: input.closedNetworkId, orders: [input.order], idempotencyKey }, ctx),
    doneUrl: (o) => `/contracts/${o.contractId}?done=applied`,
  }),
  add: flow({
    parse: (fields) => addOptionSchema.safeParse({ contractId: firstField(fields.contractId), order: orderFields(fields) }),
    run: (db, actor, input, ctx, idempotencyKey) => addOption(db, actor, { ...input, idempotencyKey }, ctx),
    doneUrl: (o) => `/contracts/${o.contractId}?done=applied`,
  }),
  change: flow({
    parse: (fields) => changeSchema.safeParse({ optionId: firstField(fields.optionId), to: firstField(fields.to) ?? '' }),
    run: (db, actor, input, ctx, idempotencyKey) => requestOptionChange(db, actor, { ...input, idempotencyKey }, ctx),
    doneUrl: (o) => `/contracts/${o.contractId}?done=change`,
  }),
  cancelOption: flow({
    parse: (fields) =>
      cancelOptionSchema.safeParse({ optionId: firstField(fields.optionId), requestedDate: firstField(fields.requestedDate) }),
    run: (db, actor, input, ctx, idempotencyKey) => cancelOption(db, actor, { ...input, idempotencyKey }, ctx),
    doneUrl: (o) => `/cancellations/${o.id}`,
  }),
  cancelContract: flow({
    parse: (fields) =>
      cancelContractSchema.safeParse({ contractId: firstField(fields.contractId), requestedDate: firstField(fields.requestedDate) }),
    run: (db, actor, input, ctx, idempotencyKey) => cancelContract(db, actor, { ...input, idempotencyKey }, ctx),
    doneUrl: (o) => `/cancellations/${o.id}`,
  }),
};

export type FlowName = keyof typeof flows;
export const flowNames = Object.keys(flows) as FlowName[];
