import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('tooth-invalid', () => {
  it.each(['33', 'U', '0', '50', '83', 'ZS', '3-W'])('flags %j in Universal numbering', (tooth) =>
    expect(findingsOf('tooth-invalid', [{ code: 'D2740', tooth }])).toHaveLength(1));
  it.each(['1', '32', 'A', 't', '51', 'AS', '#14', '2-5'])('accepts %j', (tooth) => expect(findingsOf('tooth-invalid', [{ code: 'D2740', tooth }])).toEqual([]));
  it('reads FDI numbers when the tooth system is JO', () => {
    expect(findingsOf('tooth-invalid', [{ code: 'D2740', tooth: '36', toothSystem: 'JO' }])).toEqual([]);
    expect(findingsOf('tooth-invalid', [{ code: 'D2740', tooth: '3', toothSystem: 'JO' }])).toHaveLength(1);
    expect(findingsOf('tooth-invalid', [{ code: 'D2740', tooth: '19', toothSystem: 'JO' }])).toHaveLength(1);
  });
});
