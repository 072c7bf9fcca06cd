/**
 * Compiles data/ into the compact forms the extension ships (written to .generated/, never committed):
 *   catalog-compact.json   rule-relevant facts for every code (content script, rule engine)
 *   lookup.json            names, synonyms and summaries for search (popup, side panel, options)
 *   search-index.json      the prebuilt MiniSearch index over lookup.json (lib/search)
 *   rules.json             typical rule tables (same-day conflicts, frequency, ages, attachments, prior auth), sources stripped
 *   payers.json            default payer profiles
 *   payers-inline.json     the same without where each came from (shown on the settings page only): the inline hints' copy
 *   portal-matches.json    the payer-portal match patterns the content script runs on
 *   public/cards/*.json    full knowledge cards, one file per category, loaded only when a card is opened
 * Every file is validated with its zod schema first; a bad file stops the build with its name and the problem.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeCode } from '../lib/catalog/compact';
import { DataError, loadCodes, loadPayers, loadRuleTables } from '../lib/catalog/load';
import { categorySlug, type LookupEntry } from '../lib/catalog/lookup';
import { CATEGORIES } from '../lib/catalog/schema';
import { shipRuleTables } from '../lib/rules/tables';
import { buildSearchIndex } from '../lib/search/build';

const OUT = resolve(import.meta.dirname, '../.generated');

function write(file: string, data: unknown) {
  const path = join(OUT, file);
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(data));
}

try {
  // --codes DIR compiles another folder of code files (to try a subset while editing); default data/codes.
  const dirArg = process.argv.indexOf('--codes');
  const codes = loadCodes(dirArg > 0 ? resolve(process.argv[dirArg + 1]) : undefined);
  const payers = loadPayers();
  const rules = loadRuleTables();
  rmSync(OUT, { recursive: true, force: true });

  write('catalog-compact.json', {
    categories: CATEGORIES,
    codes: codes.map((c) => encodeCode(c, CATEGORIES, c.category)),
  });
  const lookup: LookupEntry[] = codes.map((c) => ({
    code: c.code,
    name: c.name,
    category: c.category,
    subcategory: c.subcategory,
    synonyms: c.synonyms,
    description: c.description,
    deleted: c.deleted ?? 0,
    added: c.added ?? 0,
    replacedBy: c.replacedBy,
  }));
  write('lookup.json', lookup);
  write('search-index.json', buildSearchIndex(lookup));
  write('rules.json', shipRuleTables(rules));
  write(
    'payers.json',
    payers.map(({ file: _file, ...p }) => p),
  );
  write(
    'payers-inline.json',
    payers.map(({ file: _file, ...p }) => ({ ...p, source: '' })),
  );
  write('portal-matches.json', [...new Set(payers.flatMap((p) => p.hosts))].sort());
  for (const category of CATEGORIES) {
    const inCategory = codes.filter((c) => c.category === category).map(({ file: _file, ...c }) => c);
    write(`public/cards/${categorySlug(category)}.json`, Object.fromEntries(inCategory.map((c) => [c.code, c])));
  }
  console.log(`data: ${codes.length} codes, ${payers.length} payer profiles compiled to .generated/`);
} catch (e) {
  if (e instanceof DataError) {
    console.error(`data: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
