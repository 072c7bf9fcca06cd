import { beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../../lib/catalog/card-text';
import { type LoadedCode, loadCodes, loadPayers, loadRuleTables } from '../../../lib/catalog/load';
import { readReferenceCodes, readReferenceDeleted } from '../../../lib/catalog/reference';
import { closestPair, shingles } from '../../../lib/catalog/similarity';
import type { RuleTables } from '../../../lib/rules/tables';

/** The knowledge base as reviewers see it: every data file validated, cross-checked and compared. */
let codes: LoadedCode[];
let byCode: Map<string, LoadedCode>;
let tables: RuleTables;
const reference = readReferenceCodes();
const deletedReference = readReferenceDeleted();

beforeAll(() => {
  codes = loadCodes();
  byCode = new Map(codes.map((c) => [c.code, c]));
  tables = loadRuleTables();
});

const POSITION_OF: Record<string, string | undefined> = {
  anterior: 'anterior',
  premolar: 'premolar',
  molar: 'molar',
  posterior: 'posterior',
  'primary anterior': 'anterior',
  'primary posterior': 'posterior',
};

describe('catalog data files', () => {
  it('parse with their zod schemas, with unique D+4-digit codes', () => {
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(c.code).toMatch(/^D\d{4}$/);
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  });

  it('hold every reference code as current and every deleted reference code as deleted', () => {
    const missing = reference.filter((r) => !byCode.has(r.code)).map((r) => r.code);
    expect(missing, 'reference codes missing from data/codes').toEqual([]);
    const wronglyDeleted = reference.filter((r) => byCode.get(r.code)?.deleted !== undefined).map((r) => r.code);
    expect(wronglyDeleted).toEqual([]);
    const notDeleted = deletedReference.filter((r) => byCode.get(r.code)?.deleted === undefined).map((r) => r.code);
    expect(notDeleted, 'deleted reference codes missing or not marked deleted').toEqual([]);
  });

  it('put each code in its reference category', () => {
    const wrong = reference
      .filter((r) => byCode.has(r.code) && !r.category.startsWith(byCode.get(r.code)!.category.split(' (')[0]))
      .map((r) => `${r.code}: ${byCode.get(r.code)!.category} vs ${r.category}`);
    expect(wrong).toEqual([]);
  });

  it('agree with the reference line area, surface count and tooth class (or say why not)', () => {
    const problems: string[] = [];
    for (const r of reference) {
      const c = byCode.get(r.code);
      if (!c) continue;
      if (c.area !== r.area && !/area/i.test(c.provenance) && !c.provenance.includes(r.area)) problems.push(`${r.code}: area ${c.area} vs ${r.area}`);
      const surfaces = /^(\d)(\+)?/.exec(r.surfaces);
      if (surfaces && c.surfaces && !/surface/i.test(c.provenance)) {
        if (c.surfaces.min !== Number(surfaces[1])) problems.push(`${r.code}: surfaces.min ${c.surfaces.min} vs ${r.surfaces}`);
        if (!surfaces[2] && c.surfaces.max !== Number(surfaces[1])) problems.push(`${r.code}: surfaces.max ${c.surfaces.max} vs ${r.surfaces}`);
      }
      const position = POSITION_OF[r.toothClass];
      if (position && c.teeth.position !== position) problems.push(`${r.code}: tooth position ${c.teeth.position} vs ${r.toothClass}`);
      if (r.toothClass.startsWith('primary') && c.teeth.dentition !== 'primary') problems.push(`${r.code}: not limited to primary teeth`);
    }
    expect(problems).toEqual([]);
  });

  it('keep tooth classes and areas consistent with the surfaces implied', () => {
    for (const c of codes) {
      if (c.surfaces) {
        expect(c.area, c.code).toBe('SURF');
        expect(c.surfaces.max, c.code).toBeLessThanOrEqual(5);
      }
      if (c.teeth.position || c.teeth.dentition) expect(['TOOTH', 'SURF', 'TOOTHRANGE'], c.code).toContain(c.area);
      if (c.area === 'ARCH_IN_CODE') expect(c.arch, c.code).toBeDefined();
    }
  });

  it('give every current code a name, description, area and a card with at least three checklist items', () => {
    for (const c of codes.filter((x) => x.deleted === undefined)) {
      expect(c.name.length, c.code).toBeGreaterThan(2);
      expect(c.description.length, c.code).toBeGreaterThanOrEqual(60);
      expect(c.card.checklist.length, c.code).toBeGreaterThanOrEqual(3);
      expect(c.card.whenToUse.length, c.code).toBeGreaterThanOrEqual(2);
      expect(c.card.faq.length, c.code).toBeGreaterThanOrEqual(2);
    }
  });

  it('give deleted codes their edition and, where the reference names them, their replacements', () => {
    for (const r of deletedReference) {
      const c = byCode.get(r.code)!;
      const named = r.status.match(/D\d{4}/g) ?? [];
      const replacementsNamed = /replaced by|use /i.test(r.status);
      if (replacementsNamed) for (const n of named.filter((x) => x !== r.code && byCode.get(x)?.deleted === undefined)) expect(c.replacedBy, r.code).toContain(n);
      const year = /CDT (\d{4})/.exec(r.status);
      if (!year) continue;
      // "~CDT 2017" is the table's own estimate: a year either side is accepted when the entry says it is recalled.
      const approximate = r.status.includes('~') && c.confidence === 'recall';
      if (approximate) expect(Math.abs(c.deleted! - Number(year[1])), r.code).toBeLessThanOrEqual(1);
      else expect(c.deleted, r.code).toBe(Number(year[1]));
    }
  });
});

describe('references between data files', () => {
  it('name only codes that exist: cards, replacements, rule tables and payer profiles', () => {
    const unknown: string[] = [];
    const check = (where: string, code: string) => {
      if (!byCode.has(code)) unknown.push(`${where} -> ${code}`);
    };
    for (const c of codes) {
      for (const r of c.card.related) check(`${c.code} related`, r);
      for (const x of c.card.confusedWith) check(`${c.code} confusedWith`, x.code);
      for (const r of c.replacedBy) check(`${c.code} replacedBy`, r);
    }
    const t = tables;
    for (const e of t.sameDayConflicts) for (const code of [...(e.codes ?? []), ...(e.a ?? []), ...(e.b ?? [])]) check(`conflict ${e.id}`, code);
    for (const e of [...t.frequencyGroups, ...t.ageLimits, ...t.attachments, ...t.priorAuth]) for (const code of e.codes) check(`rule ${e.id}`, code);
    for (const p of loadPayers()) for (const code of Object.keys(p.codes)) check(`payer ${p.id}`, code);
    expect(unknown).toEqual([]);
  });

  it('point replacements at current codes, and never at themselves', () => {
    for (const c of codes)
      for (const r of c.replacedBy) {
        expect(r).not.toBe(c.code);
        expect(byCode.get(r)?.deleted, `${c.code} -> ${r}`).toBeUndefined();
      }
  });

  it('use unique rule-table ids, each entry labelled a typical default with a source', () => {
    const t = tables;
    for (const list of [t.sameDayConflicts, t.frequencyGroups, t.ageLimits, t.attachments, t.priorAuth]) {
      expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
      for (const e of list) {
        expect(e.typical).toBe(true);
        expect(e.source.length).toBeGreaterThan(3);
      }
    }
  });
});

describe('knowledge cards', () => {
  it('are not copied from one another with only the code changed', () => {
    const worst = closestPair(codes.map((c) => ({ key: c.code, shingles: shingles(cardText(c)) })));
    // Reported so reviewers see how close the closest pair is.
    console.log(`closest pair of cards: ${worst.a} and ${worst.b}, ${(worst.similarity * 100).toFixed(1)}% shared 5-word shingles`);
    expect(worst.similarity).toBeLessThan(0.5);
  });

  it('mention same-day conflicts in the cards of the codes concerned', () => {
    const missing: string[] = [];
    for (const e of tables.sameDayConflicts) {
      const pairs = e.codes ? e.codes.flatMap((a) => e.codes!.filter((b) => b !== a).map((b) => [a, b])) : e.a!.flatMap((a) => e.b!.map((b) => [a, b]));
      for (const [a, b] of pairs) {
        const card = byCode.get(a);
        if (card && !cardText(card).includes(b) && !card.card.related.includes(b)) missing.push(`${a} does not mention ${b} (${e.id})`);
      }
    }
    // Every capture-only / capture-with-interpretation pair must be explained on both cards.
    const capture = missing.filter((m) => m.includes('pair'));
    expect(capture).toEqual([]);
  });
});
