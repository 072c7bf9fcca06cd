import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('frequency-limit', () => {
  it('shows the typical limit and the codes sharing it', () => {
    const [f] = findingsOf('frequency-limit', [{ code: 'D1110' }]);
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/2 per calendar year.*D1120/);
  });
  it('shows the payer’s own limit when the profile sets one', () => {
    const [f] = findingsOf('frequency-limit', [{ code: 'D1110' }], {
      payer: { name: 'Acme Dental', codes: { D1110: { frequency: { count: 3, period: 'benefit-year', scope: 'patient' } } } },
    });
    expect(f.message).toBe('Acme Dental pays D1110 3 per benefit year.');
  });
  it('is quiet for codes without a limit', () => expect(findingsOf('frequency-limit', [{ code: 'D9110' }])).toEqual([]));
});
