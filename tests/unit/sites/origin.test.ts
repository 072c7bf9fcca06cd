import { describe, expect, it } from 'vitest';
import { SiteError, originPattern, patternOrigin, planSync, scriptId, siteEnabledFor, toOrigin } from '../../../lib/sites/origin';

describe('site addresses', () => {
  it.each([
    ['pms.example.com', 'https://pms.example.com'],
    ['https://PMS.Example.com/claims/new?id=1#x', 'https://pms.example.com'],
    ['http://10.0.0.5:8080/', 'http://10.0.0.5:8080'],
    ['  https://portal.example.org  ', 'https://portal.example.org'],
  ])('%s is the origin %s', (input, origin) => expect(toOrigin(input)).toBe(origin));

  it.each(['', 'chrome://extensions', 'file:///C:/claims.html', 'ftp://files.example.com', 'https://*.example.com', 'http://'])(
    'refuses %j with a plain explanation',
    (input) => expect(() => toOrigin(input)).toThrow(SiteError),
  );

  it('turns origins into port-free match patterns and back', () => {
    expect(originPattern('https://pms.example.com')).toBe('https://pms.example.com/*');
    expect(originPattern('http://10.0.0.5:8080')).toBe('http://10.0.0.5/*');
    expect(patternOrigin('https://pms.example.com/*')).toBe('https://pms.example.com');
    expect(patternOrigin('https://*/*')).toBeNull();
    expect(patternOrigin('<all_urls>')).toBeNull();
  });

  it('knows where CDT Lens runs: bundled portals and enabled sites only', () => {
    const portals = ['https://www.deltadentalins.com/*'];
    expect(siteEnabledFor('https://www.deltadentalins.com/claims', [], portals)).toBe(true);
    expect(siteEnabledFor('https://pms.example.com/claim/1', ['https://pms.example.com'], portals)).toBe(true);
    expect(siteEnabledFor('https://pms.example.com.evil.example/', ['https://pms.example.com'], portals)).toBe(false);
    expect(siteEnabledFor('https://news.example.com/', ['https://pms.example.com'], portals)).toBe(false);
  });
});

describe('planning registrations', () => {
  const a = 'https://a.example';
  const b = 'https://b.example';
  it('registers stored sites whose permission is granted, once', () => {
    const plan = planSync({ sites: [a, b], granted: [originPattern(a)], registered: [] });
    expect(plan).toEqual({ register: [{ id: scriptId('https://a.example/*'), pattern: 'https://a.example/*' }], unregister: [] });
  });

  it('unregisters sites that were removed or whose permission was withdrawn, and leaves others alone', () => {
    const plan = planSync({
      sites: [a, b],
      granted: [originPattern(a)],
      registered: [scriptId(originPattern(a)), scriptId(originPattern(b)), scriptId('https://gone.example/*'), 'someone-elses-script'],
    });
    expect(plan.register).toEqual([]);
    expect(plan.unregister).toEqual([scriptId(originPattern(b)), scriptId('https://gone.example/*')]);
  });

  it('is a no-op when everything is in line (after a restart Chrome kept them)', () => {
    expect(planSync({ sites: [a], granted: [originPattern(a)], registered: [scriptId(originPattern(a))] })).toEqual({ register: [], unregister: [] });
  });
});
