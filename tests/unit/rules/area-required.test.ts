import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('area-required', () => {
  it('flags root planing with no quadrant, even when a tooth is given', () => {
    expect(findingsOf('area-required', [{ code: 'D4341' }])).toHaveLength(1);
    expect(findingsOf('area-required', [{ code: 'D4341', tooth: '3' }])).toHaveLength(1);
  });
  it.each(['10', 'UR', 'upper right', 'URQ'])('accepts a quadrant written %j', (area) => expect(findingsOf('area-required', [{ code: 'D4341', area }])).toEqual([]));
  it('flags an occlusal guard with no arch', () => expect(findingsOf('area-required', [{ code: 'D9944' }])).toHaveLength(1));
});
