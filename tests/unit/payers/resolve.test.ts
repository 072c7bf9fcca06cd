import { describe, expect, it } from 'vitest';
import { loadPayers } from '../../../lib/catalog/load';
import { payerForUrl, profileMatches } from '../../../lib/payers/resolve';

const profiles = loadPayers();

describe('which payer profile applies to a page', () => {
  it('matches a portal page to its payer', () => {
    expect(payerForUrl('https://www.deltadentalins.com/provider/claims/new', profiles).id).toBe('delta-dental-ddic');
    expect(payerForUrl('https://secure.uhcdental.com/claims?x=1', profiles).id).toBe('unitedhealthcare-dental');
    expect(payerForUrl('https://claimconnect.dentalxchange.com/claim', profiles).id).toBe('dentalxchange');
  });
  it('covers subdomains of bare payer domains', () => expect(payerForUrl('https://provider.deltadentaltn.com/x', profiles).id).toBe('delta-dental-tennessee'));
  it('uses the Default profile elsewhere', () => expect(payerForUrl('http://127.0.0.1:8080/claim.html', profiles).id).toBe('default'));
  it('lets the tab’s explicit choice win, unless that payer is disabled', () => {
    expect(payerForUrl('https://www.deltadentalins.com/', profiles, 'cigna').id).toBe('cigna');
    const disabled = profiles.map((p) => (p.id === 'cigna' ? { ...p, enabled: false } : p));
    expect(payerForUrl('https://www.deltadentalins.com/', disabled, 'cigna').id).toBe('delta-dental-ddic');
  });
  it('never matches look-alike hosts', () => {
    expect(profileMatches({ hosts: ['https://www.deltadentalins.com/*'] }, 'https://www.deltadentalins.com.evil.example/')).toBe(false);
    expect(profileMatches({ hosts: ['https://www.deltadentalins.com/*'] }, 'http://www.deltadentalins.com/')).toBe(false);
  });
  it('ignores malformed patterns instead of throwing', () => expect(profileMatches({ hosts: ['not a pattern'] }, 'https://x.example/')).toBe(false));
});
