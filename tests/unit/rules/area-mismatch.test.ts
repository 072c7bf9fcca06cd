import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('area-mismatch', () => {
  it('flags a maxillary denture with the mandibular arch', () => expect(findingsOf('area-mismatch', [{ code: 'D5110', area: '02' }])).toHaveLength(1));
  it('accepts a maxillary denture with 01', () => expect(findingsOf('area-mismatch', [{ code: 'D5110', area: '01' }])).toEqual([]));
  it('flags a quadrant code given an arch', () => expect(findingsOf('area-mismatch', [{ code: 'D4341', area: '01' }])).toHaveLength(1));
  it('flags a tooth outside the area given', () => expect(findingsOf('area-mismatch', [{ code: 'D4342', area: '30', tooth: '3' }])).toHaveLength(1));
  it('flags text that is not an area', () => expect(findingsOf('area-mismatch', [{ code: 'D4341', area: 'left-ish' }])).toHaveLength(1));
});
