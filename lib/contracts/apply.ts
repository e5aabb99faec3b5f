// Flow 2: a Smart HUB contract for a closed network that has none, with at least one port.
import { and, eq, ne } from 'drizzle-orm';
import { applications, smarthubContracts } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import { enqueueNotification } from '@/lib/notify/outbox';
import { pricesInForce } from '@/lib/billing/prices';
import { sameAmounts } from '@/lib/contract/amounts';
import { findApplicationByKey } from '@/lib/contract/idempotency';
import { activePbbContracts, lockClosedNetwork } from '@/lib/contract/lock';
import { applicationPayloadOf } from '@/lib/contract/payloads';
import { toContractState } from '@/lib/contract/state';
import { notFound, refused, violated, type RuleViolation } from '@/lib/result';
import { checkChange, japanDate } from '@/lib/rules';
import { answerKey, cloudConditionViolations, insertOrderedOptions, keyedService, newCode, orderQuote, placeOrders, portInterruptions, requestHashOf, submitter, type Keyed } from './common';
import type { OptionOrder, OrderPreview } from './types';

export const applyForContract = keyedService<{ closedNetworkId: string; orders: OptionOrder[] } & Keyed, OrderPreview>(
  'apply',
  findApplicationByKey,
  async (tx, actor, input, ctx) => {
    const today = japanDate(ctx.now);
    const network = await lockClosedNetwork(tx, { closedNetworkId: input.closedNetworkId, customerId: actor.customerId }, ctx.mode);
    if (!network) return notFound;
    const hash = requestHashOf('apply', input);
    if (ctx.mode === 'confirm') {
      const done = await findApplicationByKey(tx, actor.customerId, input.idempotencyKey);
      if (done) return answerKey(done, hash);
    }
    const state = toContractState(await activePbbContracts(tx, actor.customerId), []);
    const change = { type: 'new_contract' as const, options: input.orders.map((o) => o.option) };
    const preview: OrderPreview = {
      ...orderQuote(await pricesInForce(tx, actor.customerId, today), input.orders, true),
      interruptions: portInterruptions(state, change, []),
    };
    const violations: RuleViolation[] = [];
    const [existing] = await tx
      .select({ id: smarthubContracts.id })
      .from(smarthubContracts)
      .where(and(eq(smarthubContracts.closedNetworkId, network.id), ne(smarthubContracts.status, 'ended')));
    if (existing) {
      violations.push({ rule: 'R-ONE-PER-NETWORK', message: 'this closed network already has a Smart HUB contract' });
    }
    const verdict = checkChange(state, change);
    if (!verdict.ok) violations.push(...verdict.violations);
    violations.push(...cloudConditionViolations(input.orders));
    if (violations.length) return violated(violations, preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };
    if (!sameAmounts(preview, input.amountsShown)) return refused('prices_changed', preview);

    const [contract] = await tx
      .insert(smarthubContracts)
      .values({ customerId: actor.customerId, closedNetworkId: network.id, contractNumber: newCode('SH'), status: 'applied' })
      .returning();
    if (!contract) throw new Error('contract not inserted');
    const optionRows = await insertOrderedOptions(tx, {
      customerId: actor.customerId,
      contractId: contract.id,
      placed: placeOrders(input.orders),
    });
    const [application] = await tx
      .insert(applications)
      .values({
        customerId: actor.customerId,
        closedNetworkId: network.id,
        contractId: contract.id,
        type: 'new_contract',
        payload: applicationPayloadOf(
          optionRows.map((o) => o.id),
          preview,
        ),
        ...submitter(actor),
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        submittedAt: ctx.now,
      })
      .returning();
    await recordCustomerAction(
      tx,
      actor,
      'contract.apply',
      { type: 'contract', id: contract.id },
      { contractNumber: contract.contractNumber, applicationId: application?.id, options: optionRows.map((o) => o.code) },
      ctx.now,
    );
    await enqueueNotification(
      tx,
      {
        customerId: actor.customerId,
        category: 'applications',
        type: 'application.received',
        facts: { applicationId: application?.id ?? null, contractNumber: contract.contractNumber, applicationType: 'new_contract', options: optionRows.map((o) => o.code).join(', ') || null },
        link: `/contracts/${contract.id}`,
        to: [{ kind: 'customer_users' }],
      },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: application?.id ?? contract.id, contractId: contract.id, duplicate: false };
  },
);
