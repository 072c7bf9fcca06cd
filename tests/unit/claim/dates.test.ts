import { describe, expect, it } from 'vitest';
import { ageOn, parseDate, todayIso } from '../../../lib/claim/dates';

describe('dates of service', () => {
  it.each([
    ['11/02/2026', '2026-11-02'],
    ['1/4/2027', '2027-01-04'],
    ['12-30-26', '2026-12-30'],
    ['2026-12-30', '2026-12-30'],
    ['12302026', '2026-12-30'],
    [' 02/29/2024 ', '2024-02-29'],
  ])('reads %j as %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));
  it.each(['02/30/2026', '13/01/2026', 'tomorrow', '', '00/10/2026', '2026-02-29'])('rejects %j', (raw) => expect(parseDate(raw)).toBeNull());
  it('gives today in the local calendar', () => expect(todayIso(new Date(2026, 10, 23, 23, 59))).toBe('2026-11-23'));
  it('computes age on the date of service', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
  });
});

describe('ISO dates with a time', () => {
  it('accepts a real time and rejects anything else after T', () => {
    expect(parseDate('2026-01-02T10:30:00Z')).toBe('2026-01-02');
    expect(parseDate('2024-1-1T99')).toBeNull();
  });
});
