import { describe, expect, it } from 'vitest';
import * as rules from './index';

describe('lib/rules public surface (spec/rules.md §7)', () => {
  it.each([
    'checkChange',
    'cloudPortSpeeds',
    'm2UpgradeTargets',
    'noticeArrivalDate',
    'cancellationEffectiveDate',
    'minimumTermLastDay',
    'earlyTerminationFeeYen',
    'availabilityCreditYen',
    'notificationCreditYen',
    'slaClaimDeadline',
  ])('exports the function %s', (name) => {
    expect(typeof (rules as Record<string, unknown>)[name]).toBe('function');
  });
});
