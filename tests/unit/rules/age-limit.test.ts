import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('age-limit', () => {
  it('flags fluoride for an adult', () => {
    const [f] = findingsOf('age-limit', [{ code: 'D1208', date: '2026-06-15' }], { birthDate: '1990-01-01' });
    expect(f.message).toMatch(/36/);
  });
  it('passes fluoride for a child', () => expect(findingsOf('age-limit', [{ code: 'D1208', date: '2026-06-15' }], { birthDate: '2018-01-01' })).toEqual([]));
  it('uses the age on the date of service, to the day', () => {
    expect(findingsOf('age-limit', [{ code: 'D1208', date: '2026-06-14' }], { birthDate: '2007-06-15' })).toEqual([]);
    expect(findingsOf('age-limit', [{ code: 'D1208', date: '2026-06-15' }], { birthDate: '2007-06-15' })).toHaveLength(1);
  });
  it('needs a birth date', () => expect(findingsOf('age-limit', [{ code: 'D1208' }])).toEqual([]));
  it('uses the payer’s own age limit', () =>
    expect(findingsOf('age-limit', [{ code: 'D1208' }], { birthDate: '2005-01-01', payer: { codes: { D1208: { maxAge: 25 } } } })).toEqual([]));
});
