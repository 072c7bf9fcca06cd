import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('by-report', () => {
  it('asks for a narrative on by-report codes', () => {
    const [f] = findingsOf('by-report', [{ code: 'D7999' }]);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('narrative');
  });
  it('is quiet for ordinary codes', () => expect(findingsOf('by-report', [{ code: 'D0120' }])).toEqual([]));
});
