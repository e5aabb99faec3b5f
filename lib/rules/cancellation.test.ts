import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  cancellationPlan,
  endDatesAfterWithdrawal,
  endDatesIfWithdrawn,
  isWithdrawableOn,
  noticeStatusOn,
  keepsOwnLastDay,
  lastWithdrawalDate,
  noticeWithdrawal,
  optionLastDay,
  pbbEndPlan,
  requestedDateRefusal,
  thirtyDaysAfterArrival,
  type PlanOption,
} from './index';

// 2026-11-24 12:00 in Japan.
const NOW = new Date('2026-11-24T03:00:00Z');
const port = (id: string, extra: Partial<PlanOption> = {}): PlanOption => ({
  id,
  kind: 'onprem_port',
  billingStartDate: '2026-10-24',
  monthlyFeeYen: 31_000,
  ...extra,
});

describe('requested date bounds', () => {
  it.each([
    [undefined, null],
    ['2026-11-23', 'date_in_past'],
    ['2026-11-24', null],
    ['2027-11-24', null],
    ['2027-11-25', 'date_too_far'],
  ] as const)('requested %s: %s', (requested, refusal) => {
    expect(requestedDateRefusal(NOW, requested)).toBe(refusal);
  });
});

describe('one definition: an option already ending earlier keeps its day', () => {
  it.each([
    [null, '2026-12-24', false, '2026-12-24'],
    ['2026-12-20', '2026-12-24', true, '2026-12-20'],
    ['2026-12-24', '2026-12-24', true, '2026-12-24'],
    ['2026-12-31', '2026-12-24', false, '2026-12-24'],
  ] as const)('own %s, contract %s', (own, end, keeps, last) => {
    expect(keepsOwnLastDay(own, end)).toBe(keeps);
    expect(optionLastDay(own, end)).toBe(last);
  });
});

describe('cancellationPlan', () => {
  it('of one port inside its minimum period: dates, ETF lines, tax on the total, withdrawal deadline', () => {
    const plan = cancellationPlan({ receivedAt: NOW, scope: 'option', options: [port('p')] });
    expect(plan).toMatchObject({
      noticeDate: '2026-11-24',
      earliestDate: '2026-12-24',
      effectiveDate: '2026-12-24',
      latestRequestableDate: '2027-11-24',
      requestedDate: null,
      refusal: null,
      withdrawableUntil: '2026-12-23',
    });
    const [line] = plan.ending;
    expect(line).toMatchObject({ optionId: 'p', endsOn: '2026-12-24', minimumTermLastDay: '2027-01-23', keepsOwnDay: false });
    expect(plan.totalEarlyTerminationYen).toBe(line?.earlyTermination?.totalYen);
    expect(plan.totalEarlyTerminationYen).toBe(30_000); // 7 of 31 December days + 23 of 31 January days, 31,000 yen a month
    expect(plan.taxOnEarlyTerminationYen).toBe(3_000);
  });

  it('of the contract: an option already ending earlier keeps its day and is charged to that day', () => {
    const plan = cancellationPlan({
      receivedAt: NOW,
      requestedDate: '2027-01-10',
      scope: 'contract',
      options: [port('a'), port('b', { endsOn: '2026-12-31' }), { id: 'n', kind: 'napt', billingStartDate: null, monthlyFeeYen: 9_000 }],
    });
    expect(plan.effectiveDate).toBe('2027-01-10');
    expect(plan.ending.map((e) => [e.optionId, e.endsOn, e.keepsOwnDay])).toEqual([
      ['a', '2027-01-10', false],
      ['b', '2026-12-31', true],
      ['n', '2027-01-10', false],
    ]);
    expect(plan.ending[2]?.earlyTermination).toBeNull();
  });

  it('names the cheapest end date: the last day of the minimum period, which owes nothing', () => {
    const plan = cancellationPlan({ receivedAt: NOW, scope: 'option', options: [port('p')] });
    expect(plan.cheapest).toEqual({ date: '2027-01-23', totalEarlyTerminationYen: 0, savesYen: 30_000 });
    const then = cancellationPlan({ receivedAt: NOW, requestedDate: plan.cheapest!.date, scope: 'option', options: [port('p')] });
    expect(then.effectiveDate).toBe('2027-01-23');
    expect(then.totalEarlyTerminationYen).toBe(0);
    expect(then.cheapest).toBeNull();
  });

  it('the cheapest end date of a contract: the latest minimum period; a port keeping its own earlier day keeps its charge', () => {
    const options = [port('a'), port('b', { billingStartDate: '2026-11-10' }), port('c', { endsOn: '2026-12-20' })];
    const plan = cancellationPlan({ receivedAt: NOW, scope: 'contract', options });
    const kept = plan.ending.find((e) => e.optionId === 'c')!.earlyTermination!.totalYen;
    expect(kept).toBeGreaterThan(0);
    // b's period runs to 2027-02-09, later than a's 2027-01-23.
    expect(plan.cheapest).toEqual({ date: '2027-02-09', totalEarlyTerminationYen: kept, savesYen: plan.totalEarlyTerminationYen - kept });
  });

  it('names no cheapest date when nothing is owed, or when the date would be refused', () => {
    expect(cancellationPlan({ receivedAt: NOW, scope: 'option', options: [port('p', { billingStartDate: '2026-01-01' })] }).cheapest).toBeNull();
    expect(cancellationPlan({ receivedAt: NOW, requestedDate: '2026-11-01', scope: 'option', options: [port('p')] }).cheapest).toBeNull();
  });

  it('a requested date too far is reported with the plan', () => {
    expect(cancellationPlan({ receivedAt: NOW, requestedDate: '2028-01-01', scope: 'contract', options: [] }).refusal).toBe('date_too_far');
  });
});

describe('withdrawing a notice', () => {
  it('up to the day before the effective date', () => {
    expect(lastWithdrawalDate('2026-12-24')).toBe('2026-12-23');
    expect(isWithdrawableOn('2026-12-23', '2026-12-24')).toBe(true);
    expect(isWithdrawableOn('2026-12-24', '2026-12-24')).toBe(false);
  });

  it.each([
    ['pending', '2026-11-24', 1, { ok: true }],
    ['withdrawn', '2026-11-24', 1, { ok: false, reason: 'not_pending' }],
    ['pending', '2026-12-24', 1, { ok: false, reason: 'past_deadline' }],
    ['pending', '2026-11-24', 0, { ok: false, reason: 'pbb_ended' }],
  ] as const)('%s notice on %s with %s active PBB contract(s) (R-PBB-ENDS)', (status, today, pbb, verdict) => {
    expect(noticeWithdrawal({ status, today, effectiveDate: '2026-12-24', activePbbContracts: pbb })).toEqual(verdict);
  });

  it('the contract notice withdrawn: options it ended go back to their own notice or to no end', () => {
    expect(
      endDatesAfterWithdrawal({
        withdrawn: { optionId: null, effectiveDate: '2027-01-10' },
        pending: [{ optionId: 'b', effectiveDate: '2027-01-10' }],
        options: [
          { id: 'a', endsOn: '2027-01-10' },
          { id: 'b', endsOn: '2027-01-10' },
          { id: 'c', endsOn: '2026-12-31' },
        ],
      }),
    ).toEqual({ contractEndsOn: null, options: [{ optionId: 'a', endsOn: null }, { optionId: 'b', endsOn: '2027-01-10' }] });
  });

  it('an option notice withdrawn while the contract notice is pending: the option ends with the contract', () => {
    expect(
      endDatesAfterWithdrawal({
        withdrawn: { optionId: 'a', effectiveDate: '2026-12-24' },
        pending: [{ optionId: null, effectiveDate: '2027-02-01' }],
        options: [{ id: 'a', endsOn: '2026-12-24' }],
      }),
    ).toEqual({ contractEndsOn: 'unchanged', options: [{ optionId: 'a', endsOn: '2027-02-01' }] });
  });

  it('every pending notice withdrawn at once: the dates before any notice; an end no notice set stays', () => {
    const contractNotice = { optionId: null, effectiveDate: '2027-02-01' };
    const optionNotice = { optionId: 'a', effectiveDate: '2026-12-24' };
    const after = endDatesIfWithdrawn({
      withdrawing: [optionNotice, contractNotice],
      pending: [optionNotice, contractNotice],
      contractEndsOn: '2027-02-01',
      options: [
        { id: 'a', endsOn: '2026-12-24' },
        { id: 'b', endsOn: '2027-02-01' },
      ],
    });
    expect(after.contractEndsOn).toBeNull();
    expect([...after.optionEndsOn]).toEqual([
      ['a', null],
      ['b', null],
    ]);
    // Only the option's notice is withdrawable: it ends with the contract instead.
    const partly = endDatesIfWithdrawn({
      withdrawing: [optionNotice],
      pending: [optionNotice, contractNotice],
      contractEndsOn: '2027-02-01',
      options: [{ id: 'a', endsOn: '2026-12-24' }],
    });
    expect(partly).toEqual({ contractEndsOn: '2027-02-01', optionEndsOn: new Map([['a', '2027-02-01']]) });
    // A contract ended with its designated-service contract (no notice): nothing to withdraw, nothing moves.
    expect(endDatesIfWithdrawn({ withdrawing: [], pending: [], contractEndsOn: '2026-12-20', options: [{ id: 'a', endsOn: '2026-12-20' }] })).toEqual({
      contractEndsOn: '2026-12-20',
      optionEndsOn: new Map([['a', '2026-12-20']]),
    });
  });
});

// ── laws ───────────────────────────────────────────────────────────────────────────────────
const calendarDate = fc.integer({ min: 0, max: 36_000 }).map((n) => addDays('2000-01-01', n));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2098-01-01T00:00:00Z'), noInvalidDate: true });
const planOption = fc.record({
  kind: fc.constantFrom('onprem_port', 'cloud_port', 'napt', 'firewall', 'static_nat', 'pbb_expansion' as const),
  billingStartDate: fc.option(calendarDate, { nil: null }),
  endsOn: fc.option(calendarDate, { nil: null }),
  monthlyFeeYen: fc.integer({ min: 0, max: 1_000_000 }),
});
const planOptions = fc.array(planOption, { maxLength: 6 }).map((os) => os.map((o, i) => ({ ...o, id: `o${i}` })));

describe('laws of the cancellation plan', () => {
  it('the effective date is never before arrival + 30 days, nor before a requested date', () => {
    fc.assert(
      fc.property(instant, fc.option(fc.integer({ min: -10, max: 400 }), { nil: undefined }), planOptions, (at, offset, options) => {
        const requestedDate = offset === undefined ? undefined : addDays(thirtyDaysAfterArrival(at), offset - 30);
        const plan = cancellationPlan({ receivedAt: at, requestedDate, scope: 'contract', options });
        expect(plan.effectiveDate >= thirtyDaysAfterArrival(at)).toBe(true);
        if (requestedDate) expect(plan.effectiveDate >= requestedDate).toBe(true);
        expect(plan.withdrawableUntil < plan.effectiveDate).toBe(true);
        expect(plan.refusal === null).toBe(!requestedDate || (requestedDate >= plan.noticeDate && requestedDate <= plan.latestRequestableDate));
      }),
    );
  });

  it('every option’s end is on or before the contract’s end, and one ending earlier keeps its day', () => {
    fc.assert(
      fc.property(instant, planOptions, (at, options) => {
        const plan = cancellationPlan({ receivedAt: at, scope: 'contract', options });
        plan.ending.forEach((e, i) => {
          expect(e.endsOn <= plan.effectiveDate).toBe(true);
          const own = options[i]?.endsOn;
          expect(e.endsOn).toBe(own && own <= plan.effectiveDate ? own : plan.effectiveDate);
        });
      }),
    );
  });

  it('ETF totals equal the sum of the lines, and the tax is on the total', () => {
    fc.assert(
      fc.property(instant, planOptions, fc.constantFrom('option', 'contract' as const), (at, options, scope) => {
        const plan = cancellationPlan({ receivedAt: at, scope, options });
        const sum = plan.ending.reduce((s, e) => s + (e.earlyTermination?.totalYen ?? 0), 0);
        expect(plan.totalEarlyTerminationYen).toBe(sum);
        expect(plan.taxOnEarlyTerminationYen).toBe(Math.floor(sum / 10));
      }),
    );
  });

  it('cancelling then withdrawing is the identity on end dates', () => {
    const ownNotice = fc.option(calendarDate, { nil: null });
    fc.assert(
      fc.property(instant, fc.array(ownNotice, { maxLength: 6 }), fc.boolean(), (at, owns, wholeContract) => {
        // Each option's own end comes from its own pending notice (or none).
        const before = owns.map((endsOn, i) => ({ id: `o${i}`, endsOn }));
        const ownPending = before.flatMap((o) => (o.endsOn ? [{ optionId: o.id, effectiveDate: o.endsOn }] : []));
        if (wholeContract) {
          const plan = cancellationPlan({
            receivedAt: at,
            scope: 'contract',
            options: before.map((o) => ({ ...o, kind: 'onprem_port' as const, monthlyFeeYen: 0 })),
          });
          const after = plan.ending.map((e) => ({ id: e.optionId, endsOn: e.endsOn }));
          const back = endDatesAfterWithdrawal({ withdrawn: { optionId: null, effectiveDate: plan.effectiveDate }, pending: ownPending, options: after });
          const restored = after.map((o) => {
            const changed = back.options.find((b) => b.optionId === o.id);
            return changed ? changed.endsOn : o.endsOn;
          });
          expect(back.contractEndsOn).toBeNull();
          expect(restored).toEqual(before.map((o) => o.endsOn));
        } else {
          // R-ALREADY-ENDING: only an option without an end may be cancelled on its own.
          const target = before.find((o) => o.endsOn === null);
          if (!target) return;
          const plan = cancellationPlan({ receivedAt: at, scope: 'option', options: [{ ...target, kind: 'napt', monthlyFeeYen: 0 }] });
          const after = before.map((o) => (o.id === target.id ? { ...o, endsOn: plan.effectiveDate } : o));
          const back = endDatesAfterWithdrawal({
            withdrawn: { optionId: target.id, effectiveDate: plan.effectiveDate },
            pending: ownPending,
            options: after,
          });
          const restored = after.map((o) => {
            const changed = back.options.find((b) => b.optionId === o.id);
            return changed ? changed.endsOn : o.endsOn;
          });
          expect(back.contractEndsOn).toBe('unchanged');
          expect(restored).toEqual(before.map((o) => o.endsOn));
        }
      }),
    );
  });
});

describe('pbbEndPlan (R-PBB-ENDS)', () => {
  const hub = (id: string, endsOn: string | null, options: Parameters<typeof pbbEndPlan>[0]['hubs'][number]['options']) => ({
    id,
    endsOn,
    options,
  });

  it('another active PBB contract: nothing ends', () => {
    expect(pbbEndPlan({ endedOn: '2026-12-01', today: '2026-11-24', otherActive: 1, hubs: [hub('h', null, [])] })).toEqual({
      lastEnded: false,
      hubs: [],
    });
  });

  it('the last one: every hub ends that day with ETF; a hub or option ending earlier keeps its day', () => {
    const plan = pbbEndPlan({
      endedOn: '2026-12-01',
      today: '2026-11-24',
      otherActive: 0,
      hubs: [
        hub('h1', null, [
          { id: 'p', kind: 'onprem_port', line: 'optical', speed: '1G', billingStartDate: '2026-10-24', monthlyFeeYen: 30_000 },
          { id: 'q', kind: 'onprem_port', line: 'optical', speed: '1G', billingStartDate: '2026-01-01', endsOn: '2026-11-30', monthlyFeeYen: 30_000 },
        ]),
        hub('h2', '2026-11-30', []),
      ],
    });
    expect(plan.lastEnded).toBe(true);
    expect(plan.hubs[0]).toMatchObject({ id: 'h1', ends: true, endsOn: '2026-12-01' });
    expect(plan.hubs[0]?.ending.map((e) => e.optionId)).toEqual(['p']);
    expect(plan.hubs[0]?.ending[0]?.earlyTerminationYen).toBeGreaterThan(0);
    expect(plan.hubs[1]).toMatchObject({ id: 'h2', ends: false, endsOn: '2026-11-30', ending: [] });
  });

  it('law: every option listed ends on the PBB end date, no later than the hub', () => {
    fc.assert(
      fc.property(calendarDate, fc.array(fc.option(calendarDate, { nil: undefined }), { maxLength: 5 }), (endedOn, ends) => {
        const options = ends.map((endsOn, i) => ({ id: `o${i}`, kind: 'napt' as const, sessions: 30_000, ...(endsOn ? { endsOn } : {}), monthlyFeeYen: 0 }));
        const plan = pbbEndPlan({ endedOn, today: '2000-01-01', otherActive: 0, hubs: [hub('h', null, options)] });
        const listed = new Set(plan.hubs[0]?.ending.map((e) => e.optionId));
        options.forEach((o) => expect(listed.has(o.id)).toBe(!(o.endsOn && o.endsOn <= endedOn)));
      }),
    );
  });
});

describe('noticeStatusOn', () => {
  it.each([
    ['pending', '2026-12-24', '2026-12-24', 'pending'],
    ['pending', '2026-12-24', '2026-12-25', 'effective'],
    ['withdrawn', '2026-12-24', '2026-12-25', 'withdrawn'],
    ['settled', '2026-12-24', '2026-12-25', 'settled'],
  ])('a %s notice effective %s is shown on %s as %s', (status, effectiveDate, today, shown) => {
    expect(noticeStatusOn({ status, effectiveDate }, today)).toBe(shown);
  });
  it('refuses a date that is not real', () => {
    expect(() => noticeStatusOn({ status: 'pending', effectiveDate: '2026-02-30' }, '2026-03-01')).toThrow(RangeError);
  });
});
