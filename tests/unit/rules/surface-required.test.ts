import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('surface-required', () => {
  it('flags a filling with no surfaces', () => expect(findingsOf('surface-required', [{ code: 'D2391', tooth: '30' }])).toHaveLength(1));
  it('passes a filling with surfaces', () => expect(findingsOf('surface-required', [{ code: 'D2391', tooth: '30', surface: 'o' }])).toEqual([]));
  it('does not ask crowns for surfaces', () => expect(findingsOf('surface-required', [{ code: 'D2740', tooth: '30' }])).toEqual([]));
});
