import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('tooth-mismatch', () => {
  it('flags a molar root canal on an anterior tooth', () => {
    const [f] = findingsOf('tooth-mismatch', [{ code: 'D3330', tooth: '8' }]);
    expect(f.message).toMatch(/molar/);
  });
  it('accepts D3310 anterior, D3320 premolar, D3330 molar', () => {
    expect(findingsOf('tooth-mismatch', [{ code: 'D3310', tooth: '8' }, { code: 'D3320', tooth: '5' }, { code: 'D3330', tooth: '30' }])).toEqual([]);
  });
  it('flags an anterior resin on a posterior tooth and a posterior resin on an anterior one', () => {
    expect(findingsOf('tooth-mismatch', [{ code: 'D2330', tooth: '30', surface: 'M' }])).toHaveLength(1);
    expect(findingsOf('tooth-mismatch', [{ code: 'D2391', tooth: '8', surface: 'M' }])).toHaveLength(1);
  });
  it('flags a primary-tooth pulpotomy code on a permanent tooth', () => {
    expect(findingsOf('tooth-mismatch', [{ code: 'D3230', tooth: '8' }])).toHaveLength(1);
    expect(findingsOf('tooth-mismatch', [{ code: 'D3230', tooth: 'E' }])).toEqual([]);
  });
  it('treats FDI 36 as a molar', () => expect(findingsOf('tooth-mismatch', [{ code: 'D3330', tooth: '36', toothSystem: 'JO' }])).toEqual([]));
});
