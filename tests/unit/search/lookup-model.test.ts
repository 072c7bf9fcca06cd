import { describe, expect, test } from 'vitest';
import { codeFacts, frequencyText } from '../../../components/lookup/facts';
import { MAX_RECENT, withRecent } from '../../../components/lookup/recent';
import { parseRoute, routeHash } from '../../../components/lookup/route';
import { tabStatus } from '../../../components/lookup/tab-status';
import { chartMarks, describeLineNeeds } from '../../../components/Odontogram';
import type { RuleTables } from '../../../lib/rules/tables';

describe('routes (deep links)', () => {
  test('a code, a comparison, or search', () => {
    expect(parseRoute('#D0370')).toEqual({ view: 'code', code: 'D0370' });
    expect(parseRoute('#d0370')).toEqual({ view: 'code', code: 'D0370' });
    expect(parseRoute('#compare=D0370,D0386')).toEqual({ view: 'compare', codes: ['D0370', 'D0386'] });
    expect(parseRoute('#compare=D4341,D4342,D4355,D4910')).toMatchObject({ codes: ['D4341', 'D4342', 'D4355'] });
    expect(parseRoute('#compare=D4341,D4341,nonsense')).toEqual({ view: 'compare', codes: ['D4341'] });
    expect(parseRoute('')).toEqual({ view: 'search' });
    expect(parseRoute('#D12')).toEqual({ view: 'search' });
  });

  test('hashes round-trip', () => {
    for (const hash of ['#D0120', '#compare=D0370,D0386', '#']) expect(routeHash(parseRoute(hash))).toBe(hash);
  });
});

describe('recent codes', () => {
  test('newest first, no repeats, at most twelve', () => {
    expect(withRecent(['D0120', 'D0330'], 'D0330')).toEqual(['D0330', 'D0120']);
    const many = Array.from({ length: 20 }, (_, i) => `D0${100 + i}`);
    const next = withRecent(many, 'D9999');
    expect(next).toHaveLength(MAX_RECENT);
    expect(next[0]).toBe('D9999');
  });
});

describe('tab status', () => {
  const portals = ['https://www.deltadentalins.com/*', 'https://apps.availity.com/*'];
  const sites = { portals, builtIn: [...portals, 'http://127.0.0.1/*'], userSites: ['https://pms.example.com', 'http://10.0.0.5:8080'] };

  test('on for bundled portals and built-in hosts, which cannot be turned off', () => {
    expect(tabStatus('https://www.deltadentalins.com/claims', sites)).toEqual({
      state: 'active',
      origin: 'https://www.deltadentalins.com',
      source: 'portal',
    });
    expect(tabStatus('http://127.0.0.1:4000/demo/claim.html', sites)).toEqual({
      state: 'active',
      origin: 'http://127.0.0.1:4000',
      source: 'built-in',
    });
  });

  test('on for a site the user turned on, naming the stored origins that cover it (any port)', () => {
    expect(tabStatus('https://pms.example.com/claim/1', sites)).toEqual({
      state: 'active',
      origin: 'https://pms.example.com',
      source: 'user',
      sites: ['https://pms.example.com'],
    });
    expect(tabStatus('http://10.0.0.5:9090/x', sites)).toMatchObject({ source: 'user', sites: ['http://10.0.0.5:8080'] });
  });

  test('off for other web pages, with the origin to turn on; never for pages that are not web pages', () => {
    expect(tabStatus('https://example.com/a?b=c', sites)).toEqual({ state: 'inactive', origin: 'https://example.com' });
    expect(tabStatus('https://pms.example.com.evil.example/', sites)).toMatchObject({ state: 'inactive' });
    expect(tabStatus('http://portal.example.invalid:8080/claims', sites)).toEqual({
      state: 'inactive',
      origin: 'http://portal.example.invalid:8080',
    });
    for (const url of ['chrome://newtab/', 'about:blank', 'file:///C:/claims.html', 'chrome-extension://abc/popup.html'])
      expect(tabStatus(url, sites)).toEqual({ state: 'not-web' });
  });

  test('unknown without an address (the browser did not give it)', () => {
    expect(tabStatus(undefined, sites)).toEqual({ state: 'unknown' });
    expect(tabStatus('', sites)).toEqual({ state: 'unknown' });
  });
});

describe('tooth chart', () => {
  test('tooth codes highlight the allowed teeth only', () => {
    const molars = chartMarks({ area: 'TOOTH', teeth: { position: 'molar', dentition: 'permanent' } });
    expect([...molars.teeth].sort()).toEqual(['1', '14', '15', '16', '17', '18', '19', '2', '3', '30', '31', '32']);
    const primary = chartMarks({ area: 'TOOTH', teeth: { dentition: 'primary' } });
    expect(primary.teeth.size).toBe(20);
    const posterior = chartMarks({ area: 'SURF', teeth: { position: 'posterior' }, surfaces: { min: 1, max: 1 } });
    expect(posterior.teeth.has('4')).toBe(true);
    expect(posterior.teeth.has('8')).toBe(false);
    expect(posterior.teeth.has('A')).toBe(true);
  });

  test('quadrant and arch codes outline what they need; whole-mouth codes show every tooth', () => {
    expect(chartMarks({ area: 'QUAD', teeth: {} })).toMatchObject({ quadrants: true, arches: [] });
    expect(chartMarks({ area: 'ARCH', teeth: {} }).arches).toEqual(['maxillary', 'mandibular']);
    const upper = chartMarks({ area: 'ARCH_IN_CODE', arch: 'maxillary', teeth: { dentition: 'permanent' } });
    expect(upper.arches).toEqual(['maxillary']);
    expect(upper.teeth.size).toBe(16);
    expect(chartMarks({ area: 'MOUTH', teeth: {} }).teeth.size).toBe(52);
  });

  test('the text alternative says the same in words', () => {
    const anterior = describeLineNeeds({ area: 'SURF', teeth: { position: 'anterior' }, surfaces: { min: 1, max: 1 } });
    expect(anterior).toMatch(/^One tooth and 1 surface: front teeth \(6, 7, 8/);
    expect(describeLineNeeds({ area: 'QUAD', teeth: {} })).toContain('upper right (10)');
    expect(describeLineNeeds({ area: 'ARCH_IN_CODE', arch: 'mandibular', teeth: {} })).toContain('lower arch');
    expect(describeLineNeeds({ area: 'NONE', teeth: {} })).toBe('No tooth, quadrant or arch on the line.');
  });
});

describe('typical payer rules for a code', () => {
  const typical = { typical: true as const, source: 'test' };
  const tables: RuleTables = {
    sameDayConflicts: [
      { id: 'a', kind: 'conflict', codes: ['D0120', 'D0150'], scope: 'visit', reason: 'One exam a visit.', ...typical },
      {
        id: 'b',
        kind: 'conflict',
        a: ['D1110'],
        b: ['D4341', 'D4342'],
        scope: 'visit',
        reason: 'No prophy with SRP.',
        ...typical,
      },
    ],
    frequencyGroups: [
      {
        id: 'f',
        codes: ['D4341', 'D4342'],
        count: 1,
        period: 'rolling-months',
        months: 24,
        scope: 'quadrant',
        note: 'Per quadrant.',
        ...typical,
      },
    ],
    ageLimits: [{ id: 'g', codes: ['D1206'], maxAge: 18, note: 'Children only.', ...typical }],
    attachments: [{ id: 'h', codes: ['D4341'], attachments: ['perio chart'], ...typical }],
    priorAuth: [{ id: 'i', codes: ['D4341'], reason: 'Often pre-authorised.', ...typical }],
  };

  test('frequency, same-day conflicts (both shapes), ages, attachments, prior authorisation', () => {
    const f = codeFacts('D4341', tables);
    expect(f.frequency[0]).toMatch(/^once every 24 months, per quadrant \(shared with D4342\)/);
    expect(f.conflicts).toEqual([{ codes: ['D1110'], reason: 'No prophy with SRP.' }]);
    expect(f.attachments).toEqual(['perio chart']);
    expect(f.priorAuth).toEqual(['Often pre-authorised.']);
    expect(codeFacts('D0120', tables).conflicts[0].codes).toEqual(['D0150']);
    expect(codeFacts('D1206', tables).ages[0]).toMatch(/^up to age 18/);
    expect(frequencyText({ count: 2, period: 'calendar-year', scope: 'patient' })).toBe(
      'twice per calendar year, per patient',
    );
  });
});
