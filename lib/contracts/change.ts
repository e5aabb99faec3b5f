// Flow 4: an M2 public port upgrade (R-M2-UPGRADE-ONLY, Art. 4.4) or a PBB expansion item
// change (R-ITEM-CHANGE, Art. 4.5), sent to IIJ as a change request.
import { and, eq, inArray } from 'drizzle-orm';
import { changeRequests, type OptionAttributes } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import { pricesInForce } from '@/lib/billing/prices';
import { sameAmounts } from '@/lib/contract/amounts';
import { findChangeRequestByKey } from '@/lib/contract/idempotency';
import { activePbbContracts, heldOptions, lockOptionContract } from '@/lib/contract/lock';
import type { OptionRow } from '@/lib/contract/rows';
import { toContractState } from '@/lib/contract/state';
import type { ChangePayload, ChangeTarget } from '@/lib/contract/types';
import { notFound, refused, violated } from '@/lib/result';
import { PBB_EXPANSION_ITEMS, checkChange, japanDate, m2UpgradeTargets, quoteChange, type Change, type Speed } from '@/lib/rules';
import { answerKey, itemPrice, keyedService, requestHashOf, submitter, type Keyed } from './common';
import type { ChangePreview } from './types';

/** What an option may change to, from lib/rules: M2 public port upgrades and PBB expansion items. */
export function changeTargets(option: Pick<OptionRow, 'kind' | 'attributes'>): { type: ChangePreview['type']; targets: string[] } | null {
  const a = option.attributes;
  if (option.kind === 'cloud_port' && a.cloudType === 'M2_PUBLIC' && a.speed) {
    return { type: 'change_speed', targets: m2UpgradeTargets(a.speed) };
  }
  if (option.kind === 'pbb_expansion' && a.speed) {
    return { type: 'change_item', targets: PBB_EXPANSION_ITEMS.filter((s) => s !== a.speed) };
  }
  return null;
}

const sized = (kind: string) => kind === 'napt' || kind === 'firewall';

/** The change the customer asked for, as lib/rules judges it and as the option's attributes will read. */
function requestedChange(option: OptionRow, to: string): { change: Change; target: ChangeTarget } {
  const isItem = option.kind !== 'cloud_port' && option.kind !== 'onprem_port';
  // The form sends text; lib/rules reports a value outside the catalog (R-CATALOG).
  if (sized(option.kind) && /^\d+$/.test(to)) {
    return { change: { type: 'change_item', optionId: option.id, to: Number(to) }, target: { sessions: Number(to) } };
  }
  const speed = to as Speed;
  return {
    change: isItem ? { type: 'change_item', optionId: option.id, to: speed } : { type: 'change_speed', optionId: option.id, to: speed },
    target: { speed },
  };
}

export const requestOptionChange = keyedService<{ optionId: string; to: string } & Keyed, ChangePreview>(
  'change',
  findChangeRequestByKey,
  async (tx, actor, input, ctx) => {
    const today = japanDate(ctx.now);
    const locked = await lockOptionContract(tx, { optionId: input.optionId, customerId: actor.customerId }, ctx.mode);
    if (!locked) return notFound;
    const { option: target, contract } = locked;
    const hash = requestHashOf('change', input);
    if (ctx.mode === 'confirm') {
      const done = await findChangeRequestByKey(tx, actor.customerId, input.idempotencyKey);
      if (done) return answerKey(done, hash);
    }
    const held = await heldOptions(tx, { contractId: contract.id, customerId: actor.customerId, today });
    const option = held.find((o) => o.id === target.id);
    const state = toContractState(await activePbbContracts(tx, actor.customerId), held);
    const { change, target: to } = requestedChange(target, input.to);
    const verdict = checkChange(state, change);
    if (!verdict.ok) return violated(verdict.violations);
    if (!option) return notFound;

    const table = await pricesInForce(tx, actor.customerId, today);
    const attributesAfter: OptionAttributes = { ...target.attributes, ...to };
    const preview: ChangePreview = {
      type: change.type === 'change_item' ? 'change_item' : 'change_speed',
      from: String(sized(target.kind) ? target.attributes.sessions : target.attributes.speed),
      to: input.to,
      ...quoteChange({
        type: change.type === 'change_item' ? 'change_item' : 'change_speed',
        before: itemPrice(table, target.kind, target.attributes),
        after: itemPrice(table, target.kind, attributesAfter),
      }),
    };
    const [pending] = await tx
      .select({ id: changeRequests.id })
      .from(changeRequests)
      .where(
        and(
          eq(changeRequests.optionId, target.id),
          eq(changeRequests.customerId, actor.customerId),
          inArray(changeRequests.status, ['submitted', 'accepted']),
        ),
      );
    if (pending) return refused('pending_change', preview);
    if (option.endsOn) return refused('contract_ending', preview);
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview };
    if (!sameAmounts(preview, input.amountsShown)) return refused('prices_changed', preview);

    const payload: ChangePayload = { ...preview, target: to };
    const [request] = await tx
      .insert(changeRequests)
      .values({
        customerId: actor.customerId,
        optionId: target.id,
        type: preview.type,
        payload,
        ...submitter(actor),
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        submittedAt: ctx.now,
      })
      .returning();
    if (!request) throw new Error('change request not inserted');
    await recordCustomerAction(
      tx,
      actor,
      'option.change',
      { type: 'option', id: target.id },
      { code: target.code, ...preview, changeRequestId: request.id },
      ctx.now,
    );
    return { ok: true, mode: 'confirm', preview, id: request.id, contractId: contract.id, duplicate: false };
  },
);
