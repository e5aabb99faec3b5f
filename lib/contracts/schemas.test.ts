import { describe, expect, it } from 'vitest';
import { flows } from './flows';

const optionId = '0b7e6a52-3f0a-4d6e-9d51-5f4a1c2b3d4e';

describe('form parsing: every bad input gets a field message', () => {
  it.each([
    ['not-a-date', 'invalidDate'],
    ['2026-02-30', 'invalidDate'],
    ['2026-13-01', 'invalidDate'],
  ])('a requested date %j is refused as %s', (requestedDate, message) => {
    const parsed = flows.cancelOption.parse({ optionId, requestedDate });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe(message);
  });

  it('an empty requested date means none', () => {
    const parsed = flows.cancelOption.parse({ optionId, requestedDate: '' });
    expect(parsed).toMatchObject({ success: true, data: { optionId, requestedDate: undefined } });
  });

  it('a tampered id is refused before anything is looked up', () => {
    expect(flows.cancelOption.parse({ optionId: "1' OR '1'='1" }).success).toBe(false);
  });

  it('an on-premises port needs its line, interface, data centre and rack', () => {
    const parsed = flows.add.parse({ contractId: optionId, kind: 'onprem_port' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.issues.map((i) => i.path.at(-1)).sort()).toEqual(['dataCentre', 'line', 'rack', 'speed']);
    }
  });

  it('a cloud port keeps every confirmed condition, and an unknown kind is refused', () => {
    const parsed = flows.add.parse({
      contractId: optionId,
      kind: 'cloud_port',
      cloudType: 'A_PUBLIC',
      speed: '1G',
      cloudAccountId: 'acct',
      cloudConnectionKey: 'key',
      conditions: ['operator_terms', 'cloud_side_setup'],
    });
    expect(parsed).toMatchObject({ success: true, data: { orders: [{ cloudConditions: ['operator_terms', 'cloud_side_setup'] }] } });
    expect(flows.add.parse({ contractId: optionId, kind: 'router' }).success).toBe(false);
  });

  it('too long text is refused', () => {
    const parsed = flows.add.parse({ contractId: optionId, kind: 'onprem_port', line: 'optical', speed: '1G', dataCentre: 'x'.repeat(101), rack: 'r' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe('tooLong');
  });

  it('a public cloud port is followed by one NAPT add-on per size, each assigned to it by its ref; empty sizes are left out', () => {
    const parsed = flows.add.parse({
      contractId: optionId,
      kind: 'cloud_port',
      cloudType: 'M2_PUBLIC',
      speed: '1G',
      cloudAccountId: 'acct',
      cloudConnectionKey: 'key',
      naptSessions: ['30000', '', '240000'],
    });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.orders.map((o) => o.option)).toEqual([
      { kind: 'cloud_port', cloudType: 'M2_PUBLIC', speed: '1G', ref: 'port' },
      { kind: 'napt', sessions: 30_000, portId: 'port' },
      { kind: 'napt', sessions: 240_000, portId: 'port' },
    ]);
    // One value (a form without JavaScript sends a single select) reads the same way.
    const single = flows.apply.parse({ closedNetworkId: optionId, kind: 'cloud_port', cloudType: 'A_PUBLIC', speed: '1G', cloudAccountId: 'a', cloudConnectionKey: 'k', naptSessions: '60000' });
    expect(single.success && single.data.orders.map((o) => o.option.kind)).toEqual(['cloud_port', 'napt']);
  });

  it('a private cloud port or an on-premises port ignores NAPT sizes', () => {
    const parsed = flows.add.parse({ contractId: optionId, kind: 'cloud_port', cloudType: 'A_PRIVATE', speed: '1G', cloudAccountId: 'a', cloudConnectionKey: 'k', naptSessions: ['30000'] });
    expect(parsed.success && parsed.data.orders.map((o) => o.option)).toEqual([{ kind: 'cloud_port', cloudType: 'A_PRIVATE', speed: '1G' }]);
  });

  it('a NAPT add-on names its port by id; a tampered port id or size is refused with a field message', () => {
    const parsed = flows.add.parse({ contractId: optionId, kind: 'napt', sessions: '30000', portId: optionId });
    expect(parsed.success && parsed.data.orders).toEqual([{ option: { kind: 'napt', sessions: 30_000, portId: optionId } }]);
    const badPort = flows.add.parse({ contractId: optionId, kind: 'napt', sessions: '30000', portId: 'port' });
    expect(badPort.success).toBe(false);
    if (!badPort.success) expect(badPort.error.issues.map((i) => [i.path.at(-1), i.message])).toEqual([['portId', 'invalid']]);
    const badSize = flows.add.parse({ contractId: optionId, kind: 'cloud_port', cloudType: 'A_PUBLIC', speed: '1G', cloudAccountId: 'a', cloudConnectionKey: 'k', naptSessions: ['lots'] });
    expect(badSize.success).toBe(false);
  });
});
