import { describe, expect, it } from 'vitest';
import {
  addDays,
  cancellationEffectiveDate,
  isCalendarDate,
  japanDate,
  latestRequestableDate,
  noticeArrivalDate,
  thirtyDaysAfterArrival,
} from './index';

const jst = (isoLocal: string) => new Date(`${isoLocal}+09:00`);

describe('noticeArrivalDate (R-EFFECTIVE-DATE): the Japan-time date a notice was received', () => {
  it.each([
    ['2026-01-01T00:00:00', '2026-01-01'],
    ['2026-01-01T08:59:59', '2026-01-01'], // still 2025-12-31 in UTC
    ['2026-01-01T23:59:59', '2026-01-01'],
    ['2026-01-02T00:00:00', '2026-01-02'], // one second after the line above
    ['2028-02-29T12:00:00', '2028-02-29'],
    ['2026-12-31T23:59:59.999', '2026-12-31'],
  ])('a notice received at %s JST is dated %s', (at, date) => {
    expect(noticeArrivalDate(jst(at))).toBe(date);
  });

  it('a notice at 23:59:59 JST and one a second later fall on consecutive days', () => {
    const late = new Date('2026-01-01T14:59:59Z');
    const next = new Date(late.getTime() + 1000);
    expect([noticeArrivalDate(late), noticeArrivalDate(next)]).toEqual(['2026-01-01', '2026-01-02']);
  });

  it.each([[new Date('nope')], ['2026-01-01' as unknown as Date], [undefined as unknown as Date]])(
    'an invalid instant is refused with a RangeError naming receivedAt (%s)',
    (bad) => {
      expect(() => noticeArrivalDate(bad)).toThrow(RangeError);
      expect(() => noticeArrivalDate(bad)).toThrow(/receivedAt/);
    },
  );
});

describe('cancellationEffectiveDate (R-EFFECTIVE-DATE): the later of arrival + 30 days and the named date', () => {
  it.each([
    ['2026-01-01T00:00:00', undefined, '2026-01-31'],
    ['2026-01-01T12:34:56', undefined, '2026-01-31'],
    ['2026-01-01T23:59:59', undefined, '2026-01-31'],
    ['2026-01-02T00:00:00', undefined, '2026-02-01'],
    ['2026-01-01T09:00:00', '2026-01-15', '2026-01-31'], // named date too early: 30 days win
    ['2026-01-01T09:00:00', '2026-01-31', '2026-01-31'], // equal
    ['2026-01-01T09:00:00', '2026-02-01', '2026-02-01'], // named date later: it wins
    ['2026-01-01T09:00:00', '2026-06-30', '2026-06-30'],
    ['2028-02-01T10:00:00', undefined, '2028-03-02'], // leap February has 29 days
    ['2027-02-01T10:00:00', undefined, '2027-03-03'],
    ['2026-12-15T10:00:00', undefined, '2027-01-14'],
  ])('notice at %s JST naming %s takes effect %s', (at, requested, expected) => {
    expect(cancellationEffectiveDate(jst(at), requested)).toBe(expected);
  });

  it('shows arrival + 30 days separately for the confirmation screen', () => {
    expect(thirtyDaysAfterArrival(jst('2026-01-01T23:59:59'))).toBe('2026-01-31');
  });

  it('the latest date a customer may name is 365 days after arrival', () => {
    expect(latestRequestableDate(jst('2026-01-01T10:00:00'))).toBe('2027-01-01');
    expect(latestRequestableDate(jst('2027-03-01T10:00:00'))).toBe('2028-02-29');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-5', '20260105', '', '2026-02-29'])(
    'a named date that is not a real date (%j) is refused with a RangeError naming requestedDate',
    (bad) => {
      expect(() => cancellationEffectiveDate(jst('2026-01-01T10:00:00'), bad)).toThrow(/requestedDate/);
      expect(() => cancellationEffectiveDate(jst('2026-01-01T10:00:00'), bad)).toThrow(RangeError);
    },
  );
});

describe('calendar helpers', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addDays(%s, %i) is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('japanDate reads any instant in Japan time', () => {
    expect(japanDate(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
    expect(japanDate(new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-4-1', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
