import { expect, test } from 'vitest';
import { realSearch } from './load';
import { QUALITY_CASES } from './quality-cases';

test('lay terms, abbreviations and typos find the code a coder means in the top three', () => {
  const search = realSearch();
  const misses: string[] = [];
  for (const { query, answers } of QUALITY_CASES) {
    const top = search.search(query).slice(0, 3).map((e) => e.code);
    if (!top.some((code) => answers.includes(code)))
      misses.push(`${query} -> ${top.join(' ')} (want ${answers.join('/')})`);
  }
  const found = QUALITY_CASES.length - misses.length;
  console.log(`search quality: ${found}/${QUALITY_CASES.length} queries have a right answer in the top three`);
  for (const miss of misses) console.log(`  miss: ${miss}`);
  expect(QUALITY_CASES.length).toBeGreaterThanOrEqual(40);
  expect(misses).toEqual([]);
});
