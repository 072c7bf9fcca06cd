import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog, ruleTables } from '../../../lib/catalog';
import type { Catalog } from '../../../lib/catalog/catalog';
import { parseLine, type RawLine } from '../../../lib/claim/line';
import { checkClaim, createClaimChecker, worstSeverity } from '../../../lib/rules/engine';
import { RULES } from '../../../lib/rules/index';
import { RULE_IDS } from '../../../lib/rules/ids';
import type { Finding } from '../../../lib/rules/types';
import { DEFAULT_PAYER } from './helpers';

/** The real catalog, counting lookups: each lookup is one line's line rules being run. */
function countingCatalog(): Catalog & { lookups: number } {
  const counted = { ...catalog, lookups: 0 };
  counted.lookupCode = (code, date) => {
    counted.lookups++;
    return catalog.lookupCode(code, date);
  };
  return counted;
}

const lines = (raw: Omit<RawLine, 'id'>[]) => raw.map((l, i) => parseLine({ id: `l${i}`, ...l }, { today: '2026-06-15' }));

describe('the rule engine', () => {
  it('has exactly one rule module per public rule id', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of RULES) {
      expect(r.description.length).toBeGreaterThan(20);
      expect(['info', 'warning', 'error']).toContain(r.defaultSeverity);
    }
  });

  it('re-runs line rules only for the line that changed', () => {
    const counted = countingCatalog();
    const checker = createClaimChecker({ catalog: counted, tables: ruleTables(), payer: DEFAULT_PAYER });
    const raw = Array.from({ length: 10 }, (_, i) => ({ code: 'D2391', tooth: String(i + 2), surface: 'O' }));
    checker.check({ lines: lines(raw) });
    expect(counted.lookups).toBe(10);
    raw[4] = { ...raw[4], surface: 'MO' };
    const { byLine } = checker.check({ lines: lines(raw) });
    expect(counted.lookups).toBe(11);
    expect(byLine.get('l4')?.map((f) => f.ruleId)).toContain('surface-count');
  });

  it('gives the same findings incrementally as from scratch', () => {
    const checker = createClaimChecker({ catalog, tables: ruleTables(), payer: DEFAULT_PAYER });
    const raw: Omit<RawLine, 'id'>[] = [{ code: 'D0120' }, { code: 'D0150' }, { code: 'D2392', tooth: '30', surface: 'MODB' }, { code: 'D4341' }];
    checker.check({ lines: lines(raw.slice(0, 2)) });
    const incremental = checker.check({ lines: lines(raw) }).findings;
    const fresh = checkClaim({ lines: lines(raw) }, { catalog, tables: ruleTables(), payer: DEFAULT_PAYER });
    expect(incremental).toEqual(fresh);
  });

  it('checks a long claim in steps, pausing between lines, with the findings of a check at once', () => {
    const raw = Array.from({ length: 120 }, (_, i) => ({ code: i % 3 ? 'D2391' : 'D0120', tooth: String((i % 32) + 1), surface: i % 5 ? 'O' : '' }));
    const steps = createClaimChecker({ catalog, tables: ruleTables(), payer: DEFAULT_PAYER }).checkInSteps({ lines: lines(raw) });
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(3);
    expect(r.value.findings).toEqual(checkClaim({ lines: lines(raw) }, { catalog, tables: ruleTables(), payer: DEFAULT_PAYER }));
  });

  it('reports only the lines whose fields or findings changed, including lines a claim rule reaches', () => {
    const checker = createClaimChecker({ catalog, tables: ruleTables(), payer: DEFAULT_PAYER });
    const raw: Omit<RawLine, 'id'>[] = [{ code: 'D0120' }, { code: 'D1110' }, { code: 'D2391', tooth: '30', surface: 'O' }, { code: 'D1206' }];
    expect([...checker.check({ lines: lines(raw) }).changed].sort()).toEqual(['l0', 'l1', 'l2', 'l3']);
    expect(checker.check({ lines: lines(raw) }).changed.size).toBe(0);
    // The tooth of line 2 changes: only line 2.
    raw[2] = { ...raw[2], tooth: '31' };
    expect([...checker.check({ lines: lines(raw) }).changed]).toEqual(['l2']);
    // Line 3 becomes a duplicate of line 0: a claim rule now flags line 0 as well, although its fields are the same.
    raw[3] = { code: 'D0120' };
    const dup = checker.check({ lines: lines(raw) });
    expect(dup.byLine.get('l0')?.map((f) => f.ruleId)).toContain('duplicate-line');
    expect([...dup.changed].sort()).toEqual(['l0', 'l3']);
    // And back: both lose the finding.
    raw[3] = { code: 'D1206' };
    expect([...checker.check({ lines: lines(raw) }).changed].sort()).toEqual(['l0', 'l3']);
    // A removed line is reported too, so its badge can go.
    expect([...checker.check({ lines: lines(raw.slice(0, 3)) }).changed]).toEqual(['l3']);
  });

  it('keeps the same findings as a fresh check through any run of edits, and reports every line whose badge must change', () => {
    // Few codes, teeth and dates, so lines keep meeting in claim-rule groups (duplicates, same-day conflicts).
    const rawLine = fc.record({
      code: fc.constantFrom('D0120', 'D0150', 'D1110', 'D4341', 'D4342', 'D2391', 'D2392', 'D0370', 'D0386', ''),
      tooth: fc.constantFrom('', '3', '30', '30,31', '14'),
      surface: fc.constantFrom('', 'O', 'MO', 'B'),
      area: fc.constantFrom('', '10', '40'),
      date: fc.constantFrom('', '11/02/2026', '11/03/2026'),
    });
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), line: rawLine }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: rawLine }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('birth' as const), date: fc.constantFrom(undefined, '2015-01-01', '1960-05-05') }),
    );
    const ctx = { catalog, tables: ruleTables(), payer: DEFAULT_PAYER };
    fc.assert(
      fc.property(fc.array(rawLine, { maxLength: 8 }), fc.array(edit, { maxLength: 12 }), (start, edits) => {
        let serial = 0;
        let raw: RawLine[] = start.map((l) => ({ id: `l${serial++}`, ...l }));
        let birth: string | undefined;
        // Unchanged lines are passed as the same objects, as the content script does.
        const parsedOf = new Map<RawLine, ReturnType<typeof parseLine>>();
        const claim = () => ({
          lines: raw.map((r) => parsedOf.get(r) ?? parsedOf.set(r, parseLine(r, { today: '2026-11-24' })).get(r)!),
          ...(birth ? { patientBirthDate: birth } : {}),
        });
        const signatures = (byLine: Map<string, Finding[]>) =>
          new Map(raw.map((r) => [r.id, (byLine.get(r.id) ?? []).map((f) => `${f.ruleId}:${f.severity}`).sort().join()]));
        const checker = createClaimChecker(ctx);
        let before = signatures(checker.check(claim()).byLine);
        for (const e of edits) {
          const ids = new Set(raw.map((r) => r.id));
          if (e.kind === 'set' && raw.length) raw = raw.map((r, i) => (i === e.at % raw.length ? { id: r.id, ...e.line } : r));
          if (e.kind === 'insert') raw = raw.toSpliced(e.at % (raw.length + 1), 0, { id: `l${serial++}`, ...e.line });
          if (e.kind === 'remove' && raw.length) raw = raw.toSpliced(e.at % raw.length, 1);
          if (e.kind === 'birth') birth = e.date;
          const result = checker.check(claim());
          const fresh = createClaimChecker(ctx).check(claim());
          expect(result.findings).toEqual(fresh.findings);
          expect(new Map([...result.byLine].filter(([id]) => raw.some((r) => r.id === id)))).toEqual(fresh.byLine);
          const after = signatures(fresh.byLine);
          for (const [id, signature] of after) if (before.get(id) !== signature) expect(result.changed).toContain(id);
          for (const id of ids) if (!after.has(id)) expect(result.changed).toContain(id);
          before = after;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reports the worst severity for a badge', () => {
    const findings = checkClaim({ lines: lines([{ code: 'D2392', tooth: '30', surface: 'MODB' }]) }, { catalog, tables: ruleTables(), payer: DEFAULT_PAYER });
    expect(worstSeverity(findings)).toBe('error');
    expect(worstSeverity([])).toBe('ok');
  });

  it('lets a payer raise or silence any rule, as a linter config does', () => {
    const ctx = { catalog, tables: ruleTables() };
    const line = lines([{ code: 'D2740', tooth: '8' }]);
    const base = checkClaim({ lines: line }, { ...ctx, payer: DEFAULT_PAYER }).find((f) => f.ruleId === 'prior-auth');
    expect(base?.severity).toBe('info');
    const raised = checkClaim({ lines: line }, { ...ctx, payer: { ...DEFAULT_PAYER, rules: { 'prior-auth': 'error' } } }).find((f) => f.ruleId === 'prior-auth');
    expect(raised?.severity).toBe('error');
    const off = checkClaim({ lines: line }, { ...ctx, payer: { ...DEFAULT_PAYER, rules: { 'prior-auth': 'off' } } });
    expect(off.some((f) => f.ruleId === 'prior-auth')).toBe(false);
  });

  it('never throws on any catalog code with odd line values', () => {
    const odd = ['', '33', 'ZZ', '1-32', 'A-T', '  ', '#', 'MODBFLI', 'xyz', '99/99/9999', '00', '40', 'U/L'];
    for (const entry of catalog.listCodes()) {
      const raw = odd.map((v, i) => ({ code: entry.code, tooth: v, surface: odd[(i + 3) % odd.length], area: odd[(i + 5) % odd.length], date: odd[(i + 9) % odd.length] }));
      expect(() => checkClaim({ lines: lines(raw), patientBirthDate: '2010-01-01' }, { catalog, tables: ruleTables(), payer: DEFAULT_PAYER })).not.toThrow();
    }
  });
});
