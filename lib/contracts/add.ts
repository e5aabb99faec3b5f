// Flow 3: ports and add-ons on an existing contract, as one application: one option
// (`add_option`), or several judged as one (`add_options`: a public cloud port with its NAPT).
import { applications } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import { enqueueNotification } from '@/lib/notify/outbox';
import { pricesInForce } from '@/lib/billing/prices';
import { sameAmounts } from '@/lib/contract/amounts';
import { findAddedOptionsByKey } from '@/lib/contract/idempotency';
import { auditedAttributes } from './cloud-keys';
import { activePbbContracts, heldOptions, lockContract } from '@/lib/contract/lock';
import { applicationPayloadOf } from '@/lib/contract/payloads';
import { toContractState } from '@/lib/contract/state';
import { notFound, refused, violated } from '@/lib/result';
import { checkChange, japanDate } from '@/lib/rules';
import {
  addChange,
  answerKey,
  cloudConditionViolations,
  insertOrderedOptions,
  keyedService,
  orderQuote,
  placeOrders,
  portInterruptions,
  requestHashOf,
  submitter,
  type Keyed,
} from './common';
import type { OptionOrder, OrderPreview } from './types';

export const addOption = keyedService<{ contractId: string; orders: OptionOrder[] } & Keyed, OrderPreview>(
  'add',
  findAddedOptionsByKey,
  async (tx, actor, input, ctx) => {
    const today = japanDate(ctx.now);
    const contract = await lockContract(tx, { contractId: input.contractId, customerId: actor.customerId }, ctx.mode);
    if (!contract || contract.status === 'ended') return notFound;
    const hash = requestHashOf('add', input);
    if (ctx.mode === 'confirm') {
      const done = await findAddedOptionsByKey(tx, actor.customerId, input.idempotencyKey);
      if (done) return answerKey(done, hash);
    }
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const state = toContractState(await activePbbContracts(tx, actor.customerId), held);
    const change = addChange(input.orders);
    const quote = orderQuote(await pricesInForce(tx, actor.customerId, today), input.orders, false);
    const interruptions = portInterruptions(state, change, held);
    const preview: OrderPreview = { ...quote, interruptions };
    if (contract.endsOn) return refused('contract_ending', preview);
    const verdict = checkChange(state, change);
    const violations = [...(verdict.ok ? [] : verdict.violations), ...cloudConditionViolations(input.orders)];
    if (violations.length) return violated(violations, preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };
    if (!sameAmounts(preview, input.amountsShown)) return refused('prices_changed', preview);

    const rows = await insertOrderedOptions(tx, { customerId: actor.customerId, contractId: contract.id, placed: placeOrders(input.orders) });
    const [first] = rows;
    if (!first) throw new Error('option not inserted');
    const [application] = await tx
      .insert(applications)
      .values({
        customerId: actor.customerId,
        closedNetworkId: contract.closedNetworkId,
        contractId: contract.id,
        type: 'add_option',
        payload: applicationPayloadOf(
          rows.map((o) => o.id),
          preview,
        ),
        ...submitter(actor),
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        submittedAt: ctx.now,
      })
      .returning();
    for (const option of rows) {
      await recordCustomerAction(
        tx,
        actor,
        'option.apply',
        { type: 'option', id: option.id },
        {
          code: option.code,
          kind: option.kind,
          attributes: auditedAttributes(option.attributes),
          ...(option.portId ? { portCode: rows.find((r) => r.id === option.portId)?.code ?? held.find((r) => r.id === option.portId)?.code } : {}),
          applicationId: application?.id,
          options: rows.map((r) => r.code),
        },
        ctx.now,
      );
    }
    await enqueueNotification(
      tx,
      {
        customerId: actor.customerId,
        category: 'applications',
        type: 'application.received',
        facts: { applicationId: application?.id ?? null, contractNumber: contract.contractNumber, applicationType: 'add_option', options: rows.map((r) => r.code).join(', ') },
        link: `/contracts/${contract.id}`,
        to: [{ kind: 'customer_users' }],
      },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: first.id, contractId: contract.id, duplicate: false };
  },
);
