import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('attachment', () => {
  it('lists what root planing usually needs', () => expect(findingsOf('attachment', [{ code: 'D4341', area: '10' }])[0].message).toMatch(/periodontal chart/));
  it('uses the payer’s own list when set', () =>
    expect(findingsOf('attachment', [{ code: 'D0120' }], { payer: { codes: { D0120: { attachments: ['intraoral photo'] } } } })[0].message).toContain('intraoral photo'));
  it('is quiet otherwise', () => expect(findingsOf('attachment', [{ code: 'D0120' }])).toEqual([]));
});
