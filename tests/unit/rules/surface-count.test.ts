import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('surface-count', () => {
  it('flags D2392 with MODB and points to the four-surface code', () => {
    const [f] = findingsOf('surface-count', [{ code: 'D2392', tooth: '30', surface: 'MODB' }]);
    expect(f.severity).toBe('error');
    expect(f.fix).toContain('D2394');
  });
  it('counts distinct letters in any order and case', () => expect(findingsOf('surface-count', [{ code: 'D2392', tooth: '30', surface: 'o, m' }])).toEqual([]));
  it('accepts four or more surfaces on the 4+ codes', () => expect(findingsOf('surface-count', [{ code: 'D2161', tooth: '30', surface: 'MODBL' }])).toEqual([]));
  it('points an amalgam to its own family', () => expect(findingsOf('surface-count', [{ code: 'D2150', tooth: '30', surface: 'MOD' }])[0].fix).toContain('D2160'));
});
