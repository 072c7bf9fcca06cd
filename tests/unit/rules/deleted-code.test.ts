import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('deleted-code', () => {
  it('flags a code deleted before the date of service and names its replacement', () => {
    const [f] = findingsOf('deleted-code', [{ code: 'D1352', tooth: '3', surface: 'O', date: '01/05/2026' }]);
    expect(f.severity).toBe('error');
    expect(f.fix).toContain('D2391');
  });
  it('accepts the same code for a service before its deletion', () =>
    expect(findingsOf('deleted-code', [{ code: 'D1352', tooth: '3', surface: 'O', date: '12/30/2025' }])).toEqual([]));
  it('names every replacement of a split code', () => {
    const [f] = findingsOf('deleted-code', [{ code: 'D1515', date: '2026-03-01' }]);
    expect(f.fix).toMatch(/D1516.*D1517/);
  });
  it('passes current codes', () => expect(findingsOf('deleted-code', [{ code: 'D2391', tooth: '3', surface: 'O' }])).toEqual([]));
});
