import { describe, expect, test } from 'vitest';
import { buildSearchIndex } from '../../../lib/search/build';
import { createCodeSearch, isCodeFragment } from '../../../lib/search/search';
import { processTerm, stem, tokenize } from '../../../lib/search/terms';
import { lookupEntries, realSearch } from './load';

const search = realSearch();
const codes = (query: string, filter?: Parameters<typeof search.search>[1]) =>
  search.search(query, filter).map((e) => e.code);

describe('terms', () => {
  test('plurals fold to one term; codes, "abscess" and "caries" stay as they are', () => {
    expect(['crowns', 'cavities', 'teeth', 'abscess', 'abscesses', 'caries', 'd0120'].map(stem)).toEqual([
      'crown', 'cavity', 'tooth', 'abscess', 'abscess', 'caries', 'd0120',
    ]);
  });

  test('the code field also yields the bare number; stop words are dropped', () => {
    expect(tokenize('D0386', 'code')).toEqual(['D0386', '0386']);
    expect(tokenize('exam of a child', 'name').map(processTerm).filter(Boolean)).toEqual(['exam', 'child']);
  });

  test('code fragments are told from words', () => {
    expect(['D03', '0386', 'd2391', ' D 0120 ', '4'].every(isCodeFragment)).toBe(true);
    expect(['pano', 'D0120 exam', '4 bitewings', 'D12345'].some(isCodeFragment)).toBe(false);
  });
});

describe('code numbers and fragments', () => {
  test('a full code, in any case, comes first', () => {
    expect(codes('D0120')[0]).toBe('D0120');
    expect(codes('d2391')[0]).toBe('D2391');
  });

  test('the bare number finds the code', () => {
    expect(codes('0386')[0]).toBe('D0386');
  });

  test('a prefix lists that range in code order, current codes before deleted ones', () => {
    const d03 = search.search('D03', { limit: 200 });
    expect(d03.length).toBeGreaterThan(5);
    expect(d03.every((e) => e.code.startsWith('D03'))).toBe(true);
    const current = d03.filter((e) => !e.deleted).map((e) => e.code);
    expect(current).toEqual([...current].sort());
    const firstDeleted = d03.findIndex((e) => e.deleted);
    if (firstDeleted >= 0) expect(d03.slice(firstDeleted).every((e) => e.deleted)).toBe(true);
  });
});

describe('words, lay terms and typos', () => {
  test.each([
    ['deep cleaning', ['D4341', 'D4342']],
    ['pano', ['D0330']],
    ['FMX', ['D0210']],
    ['night guard', ['D9944', 'D9945', 'D9946']],
    ['zirconia crown', ['D2740', 'D2928', 'D2929']],
    ['root canal molar', ['D3330']],
    ['nitrous', ['D9230']],
  ])('"%s" finds %s in the top three', (query, answers) => {
    expect(codes(query).slice(0, 3).some((c) => answers.includes(c))).toBe(true);
  });

  test('one or two typos still find the procedure', () => {
    expect(codes('extration').slice(0, 3).some((c) => ['D7140', 'D7210'].includes(c))).toBe(true);
    expect(codes('pulpotmy')[0]).toBe('D3220');
    expect(codes('gingivectmy').slice(0, 3).some((c) => ['D4210', 'D4211'].includes(c))).toBe(true);
  });

  test('words from descriptions are searched too', () => {
    expect(codes('ultrasound').slice(0, 5)).toEqual(expect.arrayContaining(['D0370', 'D0386']));
  });

  test('nothing matches nonsense; a blank query without a category lists nothing', () => {
    expect(codes('qqqxxzz')).toEqual([]);
    expect(codes('   ')).toEqual([]);
  });
});

describe('filters', () => {
  test('a category filter keeps only that category', () => {
    const hits = search.search('crown', { category: 'Implant services' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((e) => e.category === 'Implant services')).toBe(true);
    expect(search.search('pano', { category: 'Periodontics' }).map((e) => e.code)).not.toContain('D0330');
  });

  test('a blank query with a category lists the category, current codes first', () => {
    const all = search.search('', { category: 'Endodontics', limit: 500 });
    const expected = lookupEntries().filter((e) => e.category === 'Endodontics');
    expect(all).toHaveLength(expected.length);
    const firstDeleted = all.findIndex((e) => e.deleted);
    if (firstDeleted >= 0) expect(all.slice(firstDeleted).every((e) => e.deleted)).toBe(true);
  });

  test('limit caps the results', () => {
    expect(search.search('crown', { limit: 7 })).toHaveLength(7);
  });
});

describe('deleted codes', () => {
  const entries = lookupEntries();
  const deleted = entries.filter((e) => e.deleted && e.replacedBy.length);

  test('a deleted code is still found by its number, marked deleted, with its replacements', () => {
    const sample = deleted[0];
    const hit = search.search(sample.code)[0];
    expect(hit.code).toBe(sample.code);
    expect(hit.deleted).toBeGreaterThan(0);
    expect(hit.replacedBy.length).toBeGreaterThan(0);
  });

  test('for the same text, the current code outranks the deleted one', () => {
    const current = entries.find((e) => !e.deleted)!;
    const twin = { ...current, code: 'D0001', deleted: 2024, replacedBy: [current.code] };
    const pair = [twin, { ...current, code: 'D0002' }];
    const small = createCodeSearch(JSON.stringify(buildSearchIndex(pair)), pair);
    expect(small.search(current.name).map((e) => e.code)).toEqual(['D0002', 'D0001']);
  });

  test('a frenectomy search puts the current frenum codes above the deleted catch-all', () => {
    const top = codes('frenectomy');
    const deletedAt = top.findIndex((c) => entries.find((e) => e.code === c)?.deleted);
    expect(deletedAt).toBeGreaterThan(0);
  });
});
