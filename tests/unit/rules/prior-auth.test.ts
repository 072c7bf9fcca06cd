import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('prior-auth', () => {
  it('notes that crowns are often pre-authorised', () => expect(findingsOf('prior-auth', [{ code: 'D2740', tooth: '8' }])).toHaveLength(1));
  it('follows the payer profile both ways', () => {
    expect(findingsOf('prior-auth', [{ code: 'D2740', tooth: '8' }], { payer: { codes: { D2740: { priorAuth: false } } } })).toEqual([]);
    expect(findingsOf('prior-auth', [{ code: 'D0120' }], { payer: { name: 'Acme', codes: { D0120: { priorAuth: true } } } })[0].message).toContain('Acme requires');
  });
});
