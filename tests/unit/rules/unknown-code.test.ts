import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('unknown-code', () => {
  it('passes real codes', () => expect(findingsOf('unknown-code', [{ code: 'D0120' }])).toEqual([]));
  it('flags D + 4 digits that is not a CDT code, suggesting codes one keystroke away', () => {
    const [f] = findingsOf('unknown-code', [{ code: 'D0121' }]);
    expect(f).toMatchObject({ severity: 'error', lineIds: ['line-1'] });
    expect(f.message).toContain('D0121');
    expect(f.fix).toContain('D0120');
  });
  it('can be turned off per payer', () => expect(findingsOf('unknown-code', [{ code: 'D0121' }], { payer: { rules: { 'unknown-code': 'off' } } })).toEqual([]));
});
