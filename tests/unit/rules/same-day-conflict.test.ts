import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('same-day-conflict', () => {
  it('flags two evaluations on one date, with the reason', () => {
    const [f] = findingsOf('same-day-conflict', [{ code: 'D0120', date: '11/02/2026' }, { code: 'D0150', date: '11/02/2026' }]);
    expect(f.lineIds).toEqual(['line-1', 'line-2']);
    expect(f.message).toMatch(/one oral evaluation/);
  });
  it('does not flag them on different dates', () =>
    expect(findingsOf('same-day-conflict', [{ code: 'D0120', date: '11/02/2026' }, { code: 'D0150', date: '11/03/2026' }])).toEqual([]));
  it('flags a prophylaxis with root planing', () => expect(findingsOf('same-day-conflict', [{ code: 'D1110' }, { code: 'D4341', area: '10' }])).toHaveLength(1));
  it('does not flag a periodic evaluation with periodontal maintenance', () =>
    expect(findingsOf('same-day-conflict', [{ code: 'D0120' }, { code: 'D4910' }, { code: 'D0180', date: '2026-01-02' }])).toEqual([]));
  it('flags an image billed both as capture only and with interpretation', () => {
    const [f] = findingsOf('same-day-conflict', [{ code: 'D0370' }, { code: 'D0386' }]);
    expect(f.fix).toMatch(/image once/);
  });
  it('flags D4341 and D4342 only in the same quadrant', () => {
    expect(findingsOf('same-day-conflict', [{ code: 'D4341', area: '10' }, { code: 'D4342', area: '10' }])).toHaveLength(1);
    expect(findingsOf('same-day-conflict', [{ code: 'D4341', area: '10' }, { code: 'D4342', area: '20' }])).toEqual([]);
  });
  it('flags two fillings on one tooth but not on different teeth', () => {
    expect(findingsOf('same-day-conflict', [{ code: 'D2391', tooth: '30', surface: 'O' }, { code: 'D2391', tooth: '30', surface: 'B' }])).toHaveLength(1);
    expect(findingsOf('same-day-conflict', [{ code: 'D2391', tooth: '30', surface: 'O' }, { code: 'D2391', tooth: '31', surface: 'O' }])).toEqual([]);
  });
  it('reports two fillings sharing two teeth once, not once per tooth', () => {
    const findings = findingsOf('same-day-conflict', [{ code: 'D2391', tooth: '30,31', surface: 'O' }, { code: 'D2391', tooth: '30,31', surface: 'B' }]);
    expect(findings.map((f) => f.lineIds)).toEqual([['line-1', 'line-2']]);
  });
  it('stays linear: a 2,000-line claim is checked with one finding per conflicting pair', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => ({ code: 'D2391', tooth: String((i % 32) + 1), surface: 'MODBL'[i % 5], date: `2026-0${(i % 9) + 1}-01` }));
    const findings = findingsOf('same-day-conflict', lines);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.lineIds).toHaveLength(2);
  });
});
