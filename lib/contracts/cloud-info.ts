// Flow 7: the disclosed cloud information of a cloud port (Art. 4.3(3)); each edit recorded, the
// connection key only as a fingerprint (lib/contracts/cloud-keys.ts).
import { and, eq, sql } from 'drizzle-orm';
import { options } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import { findOption, lockContract } from '@/lib/contract/lock';
import { notFound, refused } from '@/lib/result';
import { keyFingerprint } from './cloud-keys';
import { customerService } from './common';

export const updateCloudInfo = customerService<{ optionId: string; cloudAccountId: string; cloudConnectionKey: string }, null>(
  async (tx, actor, input, ctx) => {
    const where = { optionId: input.optionId, customerId: actor.customerId };
    // An option's contract never changes: this read only says which contract to lock.
    const unlocked = await findOption(tx, where);
    if (!unlocked || !(await lockContract(tx, { contractId: unlocked.contractId, customerId: actor.customerId }))) return notFound;
    // Read again under the lock, so a concurrent change (an operator completing a speed change) is seen.
    const option = await findOption(tx, where);
    if (!option || option.status === 'ended') return notFound;
    if (option.kind !== 'cloud_port') return refused('not_cloud_port');
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };
    const before = { cloudAccountId: option.attributes.cloudAccountId, cloudConnectionKey: keyFingerprint(option.attributes.cloudConnectionKey) };
    const after = { cloudAccountId: input.cloudAccountId, cloudConnectionKey: keyFingerprint(input.cloudConnectionKey) };
    // Only these two keys are merged in: every other attribute stays as the database holds it.
    await tx
      .update(options)
      .set({
        attributes: sql`${options.attributes} || jsonb_build_object('cloudAccountId', ${input.cloudAccountId}::text, 'cloudConnectionKey', ${input.cloudConnectionKey}::text)`,
      })
      .where(and(eq(options.id, option.id), eq(options.customerId, actor.customerId)));
    await recordCustomerAction(tx, actor, 'option.cloud_info', { type: 'option', id: option.id }, { code: option.code, before, after }, ctx.now);
    return { ok: true, mode: 'confirm', preview: null, id: option.id, contractId: option.contractId, duplicate: false };
  },
);
