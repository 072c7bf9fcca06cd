/**
 * Checks data/codes/*.yaml files while they are written: schema, coverage of the reference tables,
 * agreement with the reference area/surfaces/tooth class, and near-duplicate card bodies.
 * Usage: npx tsx scripts/check-codes.ts [data/codes/file.yaml ...]   (no args = every file)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cardText } from '../lib/catalog/card-text';
import { readReferenceCodes, readReferenceDeleted } from '../lib/catalog/reference';
import { type CodeEntry, CodeFile } from '../lib/catalog/schema';
import { jaccard, shingles } from '../lib/catalog/similarity';

const dir = 'data/codes';
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(dir, f));
const refCodes = new Map(readReferenceCodes().map((r) => [r.code, r]));
const refDeleted = new Map(readReferenceDeleted().map((r) => [r.code, r]));
let problems = 0;
const report = (m: string) => {
  problems++;
  console.log(`  ✗ ${m}`);
};
const all: CodeEntry[] = [];
for (const file of files) {
  console.log(file);
  const parsed = CodeFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    for (const i of parsed.error.issues.slice(0, 40)) report(`${i.path.join('.')}: ${i.message}`);
    continue;
  }
  for (const c of parsed.data.codes) {
    all.push(c);
    const ref = refCodes.get(c.code);
    const del = refDeleted.get(c.code);
    if (!ref && !del) console.log(`  · ${c.code} is not in the reference tables (an addition: say why in provenance)`);
    if (ref && c.deleted !== undefined)
      report(`${c.code}: reference lists it as current in 2026 but it has deleted: ${c.deleted}`);
    if (del && c.deleted === undefined) report(`${c.code}: reference lists it as deleted; give deleted: <edition>`);
    if (ref && ref.area !== c.area)
      console.log(
        `  · ${c.code}: area ${c.area} differs from reference ${ref.area} (fine if deliberate; explain in provenance)`,
      );
    if (ref?.surfaces) {
      const m = /^(\d)(\+)?/.exec(ref.surfaces);
      if (m && c.surfaces && (c.surfaces.min !== Number(m[1]) || (!m[2] && c.surfaces.max !== Number(m[1]))))
        report(`${c.code}: surfaces ${JSON.stringify(c.surfaces)} vs reference ${ref.surfaces}`);
    }
    for (const r of [...c.card.related, ...c.card.confusedWith.map((x) => x.code), ...c.replacedBy])
      if (!refCodes.has(r) && !refDeleted.has(r))
        console.log(`  · ${c.code} refers to ${r}, which is not in the reference tables`);
  }
  const seen = new Set<string>();
  for (const c of parsed.data.codes) {
    if (seen.has(c.code)) report(`${c.code} appears twice`);
    seen.add(c.code);
  }
}
const sh = all.map((c) => ({ code: c.code, s: shingles(cardText(c)) }));
for (let i = 0; i < sh.length; i++)
  for (let j = i + 1; j < sh.length; j++) {
    const sim = jaccard(sh[i].s, sh[j].s);
    if (sim > 0.5)
      report(`${sh[i].code} and ${sh[j].code} cards are ${(sim * 100).toFixed(0)}% the same text: make each specific`);
  }
const categories = new Set(all.map((c) => c.code));
console.log(`${all.length} codes checked, ${problems} problem(s)`);
void categories;
process.exit(problems ? 1 : 0);
