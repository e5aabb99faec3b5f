// Flow 3: a port or add-on on an existing contract.
import { applications, options } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import { pricesInForce } from '@/lib/billing/prices';
import { findApplicationByKey } from '@/lib/contract/idempotency';
import { activePbbContracts, heldOptions, lockContract } from '@/lib/contract/lock';
import { applicationPayloadOf } from '@/lib/contract/payloads';
import { toContractState } from '@/lib/contract/state';
import { notFound, refused, violated } from '@/lib/result';
import { checkChange, japanDate } from '@/lib/rules';
import { attributesOf, cloudConditionViolations, customerService, duplicate, newCode, orderQuote, submitter } from './common';
import type { OptionOrder, OrderPreview } from './types';

export const addOption = customerService<{ contractId: string; order: OptionOrder; idempotencyKey: string }, OrderPreview>(
  async (tx, actor, input, ctx) => {
    const today = japanDate(ctx.now);
    const contract = await lockContract(tx, { contractId: input.contractId, customerId: actor.customerId });
    if (!contract || contract.status === 'ended') return notFound;
    if (ctx.mode === 'confirm') {
      const done = await findApplicationByKey(tx, actor.customerId, input.idempotencyKey);
      if (done) return duplicate(done.id, contract.id);
    }
    const preview = orderQuote(await pricesInForce(tx, actor.customerId, today), [input.order], false);
    if (contract.endsOn) return refused('contract_ending', preview);
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const verdict = checkChange(toContractState(await activePbbContracts(tx, actor.customerId), held), {
      type: 'add_option',
      option: input.order.option,
    });
    const violations = [...(verdict.ok ? [] : verdict.violations), ...cloudConditionViolations([input.order])];
    if (violations.length) return violated(violations, preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };

    const [option] = await tx
      .insert(options)
      .values({
        customerId: actor.customerId,
        contractId: contract.id,
        code: newCode('SH-O'),
        kind: input.order.option.kind,
        attributes: attributesOf(input.order),
        status: 'applied',
      })
      .returning();
    if (!option) throw new Error('option not inserted');
    const [application] = await tx
      .insert(applications)
      .values({
        customerId: actor.customerId,
        closedNetworkId: contract.closedNetworkId,
        contractId: contract.id,
        type: 'add_option',
        payload: applicationPayloadOf([option.id], preview),
        ...submitter(actor),
        idempotencyKey: input.idempotencyKey,
        submittedAt: ctx.now,
      })
      .returning();
    await recordCustomerAction(
      tx,
      actor,
      'option.apply',
      { type: 'option', id: option.id },
      { code: option.code, kind: option.kind, attributes: option.attributes, applicationId: application?.id },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: option.id, contractId: contract.id, duplicate: false };
  },
);
