import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('tooth-required', () => {
  it('flags a crown with no tooth', () => expect(findingsOf('tooth-required', [{ code: 'D2740' }])).toHaveLength(1));
  it('flags a filling with no tooth', () => expect(findingsOf('tooth-required', [{ code: 'D2392', surface: 'MO' }])).toHaveLength(1));
  it('passes a crown on a tooth', () => expect(findingsOf('tooth-required', [{ code: 'D2740', tooth: '8' }])).toEqual([]));
  it('leaves an invalid tooth to tooth-invalid', () => expect(findingsOf('tooth-required', [{ code: 'D2740', tooth: '33' }])).toEqual([]));
  it('does not ask codes without a tooth for one', () => expect(findingsOf('tooth-required', [{ code: 'D0120' }])).toEqual([]));
});
