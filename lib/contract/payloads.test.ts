import { describe, expect, it } from 'vitest';
import { readApplicationPayload, readCancellationSummary } from './payloads';

const ending = (extra: object = {}) => ({
  optionId: 'o1',
  code: 'SH-O-1',
  kind: 'napt',
  attributes: { sessions: 30_000 },
  billingStartDate: '2026-01-01',
  endsOn: '2026-12-31',
  minimumTermLastDay: null,
  monthlyFeeYen: 8_000,
  earlyTermination: null,
  ...extra,
});
const summary = (extra: object = {}, endingExtra: object = {}) => ({
  noticeDate: '2026-12-01',
  earliestDate: '2026-12-31',
  requestedDate: null,
  effectiveDate: '2026-12-31',
  latestRequestableDate: '2027-12-01',
  ending: [ending(endingExtra)],
  totalEarlyTerminationYen: 0,
  taxOnEarlyTerminationYen: 0,
  ...extra,
});
const interruption = { portId: 'p1', portCode: 'SH-O-2', speed: '1G', sessionsBefore: 480_000, sessionsAfter: 510_000 };
const fees = { fees: [], totalInitialYen: 0, totalMonthlyYen: 0, taxOnTotalInitialYen: 0, taxOnTotalMonthlyYen: 0 };

describe('stored previews read back', () => {
  it('keeps the NAPT that end with their port and the ports a cancellation interrupts', () => {
    const read = readCancellationSummary(summary({ interruptions: [interruption] }, { endsWithPort: 'SH-O-2' }));
    expect(read?.ending[0]?.endsWithPort).toBe('SH-O-2');
    expect(read?.interruptions).toEqual([interruption]);
  });

  it('reads a notice kept before NAPT per port as one without interruptions', () => {
    const read = readCancellationSummary(summary());
    expect(read).not.toBeNull();
    expect(read?.interruptions).toBeUndefined();
    expect(read?.ending[0]?.endsWithPort).toBeUndefined();
  });

  it('keeps an application\'s interruptions, and drops a damaged list instead of the whole payload', () => {
    expect(readApplicationPayload({ optionIds: ['a'], fees: { ...fees, interruptions: [interruption] } }).fees?.interruptions).toEqual([
      interruption,
    ]);
    const damaged = readApplicationPayload({ optionIds: ['a'], fees: { ...fees, interruptions: [{ portId: 1 }] } });
    expect(damaged.fees).not.toBeNull();
    expect(damaged.fees?.interruptions).toBeUndefined();
    expect(readApplicationPayload({ optionIds: ['a'], fees }).fees?.interruptions).toBeUndefined();
  });
});
