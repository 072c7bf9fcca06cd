import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('not-yet-valid', () => {
  it('flags a CDT 2026 code on a 2025 date of service', () => {
    const [f] = findingsOf('not-yet-valid', [{ code: 'D0426', date: '12/30/2025' }]);
    expect(f).toMatchObject({ severity: 'error' });
    expect(f.message).toContain('2026');
  });
  it('accepts it from 1 January 2026', () => expect(findingsOf('not-yet-valid', [{ code: 'D0426', date: '01/01/2026' }])).toEqual([]));
});
