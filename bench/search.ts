/**
 * Search latency over the real prebuilt index: every query is typed one keystroke at a time and each prefix is
 * searched as the popup would. The budget is 5 ms per keystroke. Run: npx tsx bench/search.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { LookupEntry } from '../lib/catalog/lookup';
import { createCodeSearch } from '../lib/search/search';

const GENERATED = resolve(import.meta.dirname, '../.generated');

/** What billing staff type: code numbers and fragments, lay terms, abbreviations, typos, several words. */
export const BENCH_QUERIES = [
  'D0120', 'd2391', '0386', 'D4341', 'D7210', 'D9944',
  'deep cleaning', 'pano', 'fmx', 'night guard', 'zirconia crown', 'root canal molar', 'nitrous',
  'prophy', 'perio maintenance', 'four bitewings', 'composite two surfaces posterior', 'stainless steel crown',
  'surgical extraction of wisdom tooth', 'full upper denture', 'implant abutment', 'core buildup',
  'extration', 'gingivectmy', 'fluoride varnish', 'sealant', 'silver diamine fluoride', 'sports mouthguard',
  'missed appointment', 'iv sedation',
];

export interface BenchResult {
  /** Keystrokes timed (each searched `rounds` times). */
  searches: number;
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Every prefix of every query, as typed one keystroke at a time. */
export function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

/**
 * Times each keystroke's search (ms) after a warm-up pass. Every keystroke runs `rounds` times and counts with its
 * median, so a garbage collection or a busy machine does not stand in for the search itself.
 */
export function benchSearch({ queries = BENCH_QUERIES, rounds = 5 } = {}): BenchResult {
  const index = readFileSync(resolve(GENERATED, 'search-index.json'), 'utf8');
  const entries = JSON.parse(readFileSync(resolve(GENERATED, 'lookup.json'), 'utf8')) as LookupEntry[];
  const search = createCodeSearch(index, entries);
  const typed = keystrokes(queries);
  for (const q of typed) search.search(q);
  const samples: number[][] = typed.map(() => []);
  for (let round = 0; round < rounds; round++) {
    typed.forEach((q, i) => {
      const start = performance.now();
      search.search(q);
      samples[i].push(performance.now() - start);
    });
  }
  const times = samples.map((s) => percentile([...s].sort((a, b) => a - b), 50)).sort((a, b) => a - b);
  return {
    searches: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = benchSearch();
  const ms = (n: number) => `${n.toFixed(3)} ms`;
  console.log(`search: ${r.searches} keystrokes, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, max ${ms(r.max)} (budget 5 ms)`);
}
