// Flow 7: the disclosed cloud information of a cloud port (Art. 4.3(3)); each edit recorded.
import { and, eq } from 'drizzle-orm';
import { options } from '@/db/schema';
import { recordCustomerAction } from '@/lib/audit';
import { findOption, lockContract } from '@/lib/contract/lock';
import { notFound, refused } from '@/lib/result';
import { customerService } from './common';

export const updateCloudInfo = customerService<{ optionId: string; cloudAccountId: string; cloudConnectionKey: string }, null>(
  async (tx, actor, input, ctx) => {
    const option = await findOption(tx, { optionId: input.optionId, customerId: actor.customerId });
    if (!option || option.status === 'ended') return notFound;
    if (!(await lockContract(tx, { contractId: option.contractId, customerId: actor.customerId }))) return notFound;
    if (option.kind !== 'cloud_port') return refused('not_cloud_port');
    if (ctx.mode === 'review') return { ok: true, mode: 'review', preview: null };
    const before = { cloudAccountId: option.attributes.cloudAccountId, cloudConnectionKey: option.attributes.cloudConnectionKey };
    const after = { cloudAccountId: input.cloudAccountId, cloudConnectionKey: input.cloudConnectionKey };
    await tx
      .update(options)
      .set({ attributes: { ...option.attributes, ...after } })
      .where(and(eq(options.id, option.id), eq(options.customerId, actor.customerId)));
    await recordCustomerAction(tx, actor, 'option.cloud_info', { type: 'option', id: option.id }, { code: option.code, before, after }, ctx.now);
    return { ok: true, mode: 'confirm', preview: null, id: option.id, contractId: option.contractId, duplicate: false };
  },
);
