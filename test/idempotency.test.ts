// Issue 14, points 5, 6 and 10: an idempotency key is bound to what was submitted with it, a
// confirm writes only the amounts its review showed, option attributes are never written back
// over a concurrent change, and cloud connection keys stay out of the audit log.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenDatabase } from '@/db/client';
import { applications, auditLog, cancellationNotices, changeRequests, options, prices, smarthubContracts } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/auth/access';
import { acceptChangeRequest, completeChangeRequest } from '@/lib/backoffice/change-requests';
import { amountsDigest } from '@/lib/contract/amounts';
import { requestHashOf } from '@/lib/contracts/common';
import { attributesFor, keyFingerprint, maskKey } from '@/lib/contracts/cloud-keys';
import {
  addOption,
  applyForContract,
  cancelContract,
  cancelOption,
  requestOptionChange,
  updateCloudInfo,
  type Ctx,
  type OptionOrder,
} from '@/lib/contracts/services';
import { DEMO_USERS, seedDemoData } from '@/lib/demo/seed';
import { freshHubCustomer, staffActor } from './helpers/actors';
import { testDatabaseTargets } from './helpers/databases';

const targets = await testDatabaseTargets();

const NOW = new Date('2026-11-24T03:00:00Z');
const review: Ctx = { now: NOW, mode: 'review' };
const confirm: Ctx = { now: NOW, mode: 'confirm' };
let seq = 0;
const key = () => `idem-key-${++seq}`;
let tagSeq = 70;
/** A fresh customer of its own per test (tags 0771, 0772, …), so tests do not see each other's rows. */
const tag = () => `07${++tagSeq}`;

const onpremPort: OptionOrder = { option: { kind: 'onprem_port', line: 'optical', speed: '1G' }, dataCentre: 'Osaka DC2', rack: 'B01' };
const onpremPort10G: OptionOrder = { option: { kind: 'onprem_port', line: 'optical', speed: '10G' }, dataCentre: 'Osaka DC2', rack: 'B02' };

async function hubOf(db: Db, actor: CustomerActor) {
  const [contract] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.customerId, actor.customerId));
  const rows = await db.select().from(options).where(eq(options.customerId, actor.customerId));
  const m2 = rows.find((o) => o.kind === 'cloud_port');
  const onprem = rows.find((o) => o.kind === 'onprem_port');
  if (!contract || !m2 || !onprem) throw new Error('fresh customer without its contract');
  return { contract, m2, onprem };
}

/** Everything a customer's confirm writes, for one customer: "nothing written" compares these. */
async function footprint(db: Db, customerId: string) {
  const n = async (table: typeof applications | typeof changeRequests | typeof cancellationNotices | typeof options | typeof auditLog) => {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.customerId, customerId));
    return row?.n ?? 0;
  };
  const attrs = await db.select({ id: options.id, a: options.attributes, e: options.endsOn }).from(options).where(eq(options.customerId, customerId));
  return {
    applications: await n(applications),
    changes: await n(changeRequests),
    notices: await n(cancellationNotices),
    options: await n(options),
    audit: await n(auditLog),
    attributes: JSON.stringify(attrs.sort((x, y) => x.id.localeCompare(y.id))),
  };
}

describe.each(targets)('idempotency keys and reviewed amounts on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
  });
  afterAll(async () => open?.close());

  it('the same key with other inputs is refused with idempotency_mismatch, and nothing is written', async () => {
    const actor = await freshHubCustomer(db, tag());
    const { contract, onprem } = await hubOf(db, actor);
    const k = key();
    const first = await addOption(db, actor, { contractId: contract.id, orders: [onpremPort], idempotencyKey: k }, confirm);
    expect(first).toMatchObject({ ok: true, mode: 'confirm', duplicate: false });
    const before = await footprint(db, actor.customerId);

    // Another order, another flow on the same table, a cancellation: each with the key already used.
    expect(await addOption(db, actor, { contractId: contract.id, orders: [onpremPort10G], idempotencyKey: k }, confirm)).toEqual({
      ok: false,
      kind: 'refused',
      reason: 'idempotency_mismatch',
    });
    const [network] = await db.select().from(smarthubContracts).where(eq(smarthubContracts.id, contract.id));
    expect(await applyForContract(db, actor, { closedNetworkId: network!.closedNetworkId, orders: [onpremPort], idempotencyKey: k }, confirm)).toMatchObject({
      reason: 'idempotency_mismatch',
    });
    const k2 = key();
    expect(await cancelOption(db, actor, { optionId: onprem.id, requestedDate: '2027-01-10', idempotencyKey: k2 }, confirm)).toMatchObject({ ok: true });
    const afterCancel = await footprint(db, actor.customerId);
    expect(await cancelOption(db, actor, { optionId: onprem.id, requestedDate: '2027-01-20', idempotencyKey: k2 }, confirm)).toMatchObject({
      reason: 'idempotency_mismatch',
    });
    expect(await cancelContract(db, actor, { contractId: contract.id, idempotencyKey: k2 }, confirm)).toMatchObject({ reason: 'idempotency_mismatch' });
    expect(await footprint(db, actor.customerId)).toEqual(afterCancel);
    expect(afterCancel.applications).toBe(before.applications);
  });

  it('the same key with the same inputs, twice: one row, and the same answer', async () => {
    const actor = await freshHubCustomer(db, tag());
    const { contract, m2 } = await hubOf(db, actor);
    const input = { contractId: contract.id, orders: [onpremPort], idempotencyKey: key() };
    const first = await addOption(db, actor, input, confirm);
    const again = await addOption(db, actor, input, confirm);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    if (!first.ok || first.mode !== 'confirm' || !again.ok || again.mode !== 'confirm') throw new Error('not confirmed');
    expect({ id: again.id, contractId: again.contractId }).toEqual({ id: first.id, contractId: first.contractId });
    const rows = await db
      .select()
      .from(applications)
      .where(and(eq(applications.customerId, actor.customerId), eq(applications.idempotencyKey, input.idempotencyKey)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.requestHash).toBe(requestHashOf('add', input));

    const change = { optionId: m2.id, to: '1G', idempotencyKey: key() };
    const changed = await requestOptionChange(db, actor, change, confirm);
    const changedAgain = await requestOptionChange(db, actor, change, confirm);
    if (!changed.ok || changed.mode !== 'confirm') throw new Error('change not confirmed');
    expect(changedAgain).toMatchObject({ ok: true, duplicate: true, id: changed.id, contractId: changed.contractId });
    expect(await db.select().from(changeRequests).where(eq(changeRequests.idempotencyKey, change.idempotencyKey))).toHaveLength(1);
  });

  it('a row made before the hash was kept answers its key as before', async () => {
    const actor = await freshHubCustomer(db, tag());
    const { contract } = await hubOf(db, actor);
    const k = key();
    const first = await addOption(db, actor, { contractId: contract.id, orders: [onpremPort], idempotencyKey: k }, confirm);
    await db.update(applications).set({ requestHash: null }).where(and(eq(applications.customerId, actor.customerId), eq(applications.idempotencyKey, k)));
    const other = await addOption(db, actor, { contractId: contract.id, orders: [onpremPort10G], idempotencyKey: k }, confirm);
    expect(other).toMatchObject({ ok: true, duplicate: true, id: first.ok && first.mode === 'confirm' ? first.id : 'none' });
  });

  it('prices changed between review and confirm: refused with prices_changed, nothing written; a new review confirms', async () => {
    const actor = await freshHubCustomer(db, tag());
    const { contract, m2, onprem } = await hubOf(db, actor);
    const addInput = { contractId: contract.id, orders: [onpremPort] };
    const changeInput = { optionId: m2.id, to: '1G' };
    const cancelInput = { optionId: onprem.id, requestedDate: '2027-01-10' };
    const shown = async <P>(outcome: Promise<{ ok: boolean; mode?: string; preview?: P }>) => {
      const o = await outcome;
      if (!o.ok || o.mode !== 'review') throw new Error(`review failed: ${JSON.stringify(o)}`);
      return amountsDigest(o.preview);
    };
    const addShown = await shown(addOption(db, actor, { ...addInput, idempotencyKey: key() }, review));
    const changeShown = await shown(requestOptionChange(db, actor, { ...changeInput, idempotencyKey: key() }, review));
    const cancelShown = await shown(cancelOption(db, actor, { ...cancelInput, idempotencyKey: key() }, review));

    // The operator edits this customer's prices after the reviews were shown.
    await db.insert(prices).values([
      { kind: 'onprem_port', item: 'optical:1G', customerId: actor.customerId, initialYen: 31_000, monthlyYen: 42_000, appliesFrom: '2026-11-24' },
      { kind: 'cloud_port', item: 'M2_PUBLIC:1G', customerId: actor.customerId, initialYen: 0, monthlyYen: 99_000, appliesFrom: '2026-11-24' },
    ]);
    const before = await footprint(db, actor.customerId);
    expect(await addOption(db, actor, { ...addInput, idempotencyKey: key(), amountsShown: addShown }, confirm)).toMatchObject({
      ok: false,
      reason: 'prices_changed',
    });
    expect(await requestOptionChange(db, actor, { ...changeInput, idempotencyKey: key(), amountsShown: changeShown }, confirm)).toMatchObject({
      reason: 'prices_changed',
    });
    expect(await cancelOption(db, actor, { ...cancelInput, idempotencyKey: key(), amountsShown: cancelShown }, confirm)).toMatchObject({
      reason: 'prices_changed',
    });
    expect(await footprint(db, actor.customerId)).toEqual(before);

    // Reviewed again, the new amounts are what is confirmed.
    const reviewedAgain = await shown(addOption(db, actor, { ...addInput, idempotencyKey: key() }, review));
    expect(reviewedAgain).not.toBe(addShown);
    expect(await addOption(db, actor, { ...addInput, idempotencyKey: key(), amountsShown: reviewedAgain }, confirm)).toMatchObject({ ok: true });
  });

  it('cloud information: the audit row keeps a fingerprint of the connection key, never the key', async () => {
    const actor = await freshHubCustomer(db, tag());
    const { m2, contract } = await hubOf(db, actor);
    const secret = 'pairing-key-7f3a9c1e-SECRET';
    const outcome = await updateCloudInfo(db, actor, { optionId: m2.id, cloudAccountId: 'acct-1', cloudConnectionKey: secret }, confirm);
    expect(outcome).toMatchObject({ ok: true });
    const privatePort: OptionOrder = {
      option: { kind: 'cloud_port', cloudType: 'A_PRIVATE', speed: '1G' },
      cloudAccountId: '123456789012',
      cloudConnectionKey: 'dxcon-SECRET-private',
      cloudConditions: ['operator_terms', 'cloud_side_setup', 'disclose_cloud_info', 'cloud_support_elsewhere'],
    };
    expect(await addOption(db, actor, { contractId: contract.id, orders: [privatePort], idempotencyKey: key() }, confirm)).toMatchObject({ ok: true });

    const rows = await db.select().from(auditLog).where(eq(auditLog.customerId, actor.customerId));
    const cloud = rows.find((r) => r.action === 'option.cloud_info');
    expect(cloud?.detail).toMatchObject({ after: { cloudAccountId: 'acct-1', cloudConnectionKey: keyFingerprint(secret) } });
    expect(keyFingerprint(secret)).toMatch(/^sha256:[0-9a-f]{12}$/);
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain('SECRET');
    expect(everything).not.toContain('peering-'); // the seeded key, as "before"
    // The option itself keeps the key whole: its admins read and edit it.
    const [saved] = await db.select().from(options).where(eq(options.id, m2.id));
    expect(saved!.attributes.cloudConnectionKey).toBe(secret);
  });
});

describe('cloud connection keys as shown', () => {
  it('whole for who may change them, the last 4 characters for anyone else', () => {
    const row = { id: 'x', attributes: { cloudType: 'M2_PUBLIC' as const, cloudConnectionKey: 'peering-acme-hq-01' } };
    expect(attributesFor(row, true).attributes.cloudConnectionKey).toBe('peering-acme-hq-01');
    const masked = attributesFor(row, false).attributes.cloudConnectionKey;
    expect(masked).toBe('••••••••q-01');
    expect(masked).not.toContain('peering');
    expect(maskKey('short')).toBe('••••••••');
    expect(maskKey(undefined)).toBe('');
  });
});

// PGlite runs one transaction at a time, so these races exist only on PostgreSQL.
describe.each(targets.filter((t) => t.name === 'postgres'))('races on $name', (target) => {
  let open: OpenDatabase;
  let db: Db;
  let olivia: StaffActor;

  beforeAll(async () => {
    open = await target.open();
    db = open.db;
    await seedDemoData(db, NOW);
    olivia = await staffActor(db, DEMO_USERS.olivia);
  });
  afterAll(async () => open?.close());

  /** Runs `during` while another transaction holds `hold`'s locks, then lets it commit. */
  async function whileHeld<T>(hold: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<unknown>, during: () => Promise<T>): Promise<T> {
    let release!: () => void;
    let taken!: () => void;
    const lockTaken = new Promise<void>((resolve) => (taken = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = db.transaction(async (tx) => {
      await hold(tx);
      taken();
      await held;
    });
    await lockTaken;
    let result: Promise<T>;
    try {
      result = during();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      release();
      await holder;
    }
    return result;
  }

  it('five concurrent confirms with one key: one row, and every one answers the same success', async () => {
    const actor = await freshHubCustomer(db, tag());
    const { contract } = await hubOf(db, actor);
    const input = { contractId: contract.id, orders: [onpremPort], idempotencyKey: key() };
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => addOption(db, actor, input, confirm)));
    expect(outcomes.every((o) => o.ok && o.mode === 'confirm')).toBe(true);
    const ids = new Set(outcomes.map((o) => (o.ok && o.mode === 'confirm' ? `${o.id}/${o.contractId}` : 'failed')));
    expect(ids.size).toBe(1);
    expect(outcomes.filter((o) => o.ok && o.mode === 'confirm' && !o.duplicate)).toHaveLength(1);
    expect(await db.select().from(applications).where(eq(applications.idempotencyKey, input.idempotencyKey))).toHaveLength(1);
  });

  it('a confirm that loses the race to the unique index answers the winner, not "failed"', async () => {
    const actor = await freshHubCustomer(db, tag());
    const { contract, onprem } = await hubOf(db, actor);
    const input = { contractId: contract.id, orders: [onpremPort], idempotencyKey: key() };
    const before = await footprint(db, actor.customerId);
    // The winner's row is inserted (not yet committed) before the confirm looks for the key; the
    // confirm misses it, writes, and waits on the unique index until the winner commits.
    // Without a contract id: its foreign key check would lock the contract row and queue the confirm before its lookup.
    const winner = {
      customerId: actor.customerId,
      closedNetworkId: contract.closedNetworkId,
      contractId: null,
      type: 'add_option' as const,
      payload: { optionIds: [onprem.id], fees: {} },
      submittedBy: actor.userId,
      idempotencyKey: input.idempotencyKey,
    };
    const same = await whileHeld(
      (tx) => tx.insert(applications).values({ ...winner, requestHash: requestHashOf('add', input) }),
      () => addOption(db, actor, input, confirm),
    );
    expect(same).toMatchObject({ ok: true, mode: 'confirm', duplicate: true, id: onprem.id });

    const other = { ...input, idempotencyKey: key() };
    const mismatch = await whileHeld(
      (tx) => tx.insert(applications).values({ ...winner, idempotencyKey: other.idempotencyKey, requestHash: requestHashOf('add', { ...other, orders: [onpremPort10G] }) }),
      () => addOption(db, actor, other, confirm),
    );
    expect(mismatch).toMatchObject({ ok: false, reason: 'idempotency_mismatch' });
    // Only the two winners' rows: the losers' options and audit rows were rolled back.
    const after = await footprint(db, actor.customerId);
    expect(after).toEqual({ ...before, applications: before.applications + 2 });
  });

  it('an operator completing a speed change and the customer saving cloud information at once: both changes survive', async () => {
    const actor = await freshHubCustomer(db, tag());
    const { contract, m2 } = await hubOf(db, actor);
    const requested = await requestOptionChange(db, actor, { optionId: m2.id, to: '1G', idempotencyKey: key() }, confirm);
    if (!requested.ok || requested.mode !== 'confirm') throw new Error(`change failed: ${JSON.stringify(requested)}`);
    expect(await acceptChangeRequest(db, olivia, { changeRequestId: requested.id }, { now: NOW })).toMatchObject({ ok: true });

    // Both start while the contract is locked by someone else, so both read the option before either writes.
    const [completed, saved] = await whileHeld(
      (tx) => tx.select().from(smarthubContracts).where(eq(smarthubContracts.id, contract.id)).for('update'),
      () =>
        Promise.all([
          completeChangeRequest(db, olivia, { changeRequestId: requested.id }, { now: NOW }),
          updateCloudInfo(db, actor, { optionId: m2.id, cloudAccountId: 'acct-new', cloudConnectionKey: 'pairing-new' }, confirm),
        ]),
    );
    expect(completed).toMatchObject({ ok: true });
    expect(saved).toMatchObject({ ok: true });
    const [option] = await db.select().from(options).where(eq(options.id, m2.id));
    expect(option!.attributes).toMatchObject({ cloudType: 'M2_PUBLIC', speed: '1G', cloudAccountId: 'acct-new', cloudConnectionKey: 'pairing-new' });
  });
});
