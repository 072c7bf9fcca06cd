import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('duplicate-line', () => {
  it('flags the same code, tooth, surfaces and date twice', () =>
    expect(findingsOf('duplicate-line', [{ code: 'D2392', tooth: '30', surface: 'MO' }, { code: 'd2392', tooth: '30', surface: 'OM' }])).toHaveLength(1));
  it('does not flag different teeth', () =>
    expect(findingsOf('duplicate-line', [{ code: 'D2392', tooth: '30', surface: 'MO' }, { code: 'D2392', tooth: '31', surface: 'MO' }])).toEqual([]));
});
