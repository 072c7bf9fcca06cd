/**
 * `npm run bench` (after `npm run build:e2e`): CDT Lens's performance against its budgets, in real Chromium with
 * the extension and without it, on this machine. Prints a table and writes bench/results/latest.json.
 *   npm run bench                  everything (about ten minutes; the load test alone is five)
 *   npm run bench -- --quick       fewer repetitions and a 20-second load test
 *   npm run bench -- --only=inline|load|search   one part (comma-separate several)
 * Timings are not assertions: nothing here runs in `npm test`. The exit code is 0 even when a budget is missed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CONTENT_SCRIPT_FILE, INLINE_HINTS_FILE } from '../lib/sites/registration';
import { findChromium } from '../tests/support/browser';
import { startPageServer } from '../tests/support/server';
import { CARD_REST_MS } from '../lib/inline/controller';
import { benchInline, type InlineResult, KEY_DELAY_MS } from './inline';
import { BENCH_DIR, mb, round, snapshotExtension } from './lib';
import { benchLoadTest, type LoadTestResult } from './loadtest';
import { PAGES, writePages } from './pages/generate';

type Part = 'inline' | 'load' | 'search';
const PARTS: Part[] = ['inline', 'load', 'search'];

export interface Row {
  id: string;
  metric: string;
  value: number | string;
  unit: string;
  target: string;
  pass: boolean | null;
  detail: string;
}

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--only='));
  const parts = only ? (only.slice('--only='.length).split(',').filter(Boolean) as Part[]) : PARTS;
  for (const p of parts) if (!PARTS.includes(p)) throw new Error(`--only: unknown part "${p}" (inline, load, search)`);
  return { quick, parts: new Set(parts) };
}

const ms = (n: number, d = 1) => `${round(n, d)} ms`;
const kb = (n: number) => `${round(n / 1024, 1)} KB`;

// ---- search (bench/search.ts belongs to the popup; run it as it is) ---------------------------------------------

interface SearchFigures {
  searches: number;
  p50: number;
  p95: number;
  max: number;
  how: string;
}

async function runSearch(): Promise<SearchFigures> {
  const path = join(BENCH_DIR, 'search.ts');
  try {
    const mod = (await import(pathToFileURL(path).href)) as { benchSearch?: () => { searches: number; p50: number; p95: number; max: number } };
    if (typeof mod.benchSearch === 'function') return { ...mod.benchSearch(), how: 'benchSearch() from bench/search.ts' };
  } catch (e) {
    console.warn(`bench/search.ts did not import (${(e as Error).message}); running it as a subprocess`);
  }
  const out = spawnSync(process.execPath, ['--import', 'tsx', path], { encoding: 'utf8', cwd: resolve(BENCH_DIR, '..') });
  const text = `${out.stdout}\n${out.stderr}`;
  const num = (name: string) => Number(new RegExp(`${name}\\s*([\\d.]+)\\s*ms`).exec(text)?.[1] ?? NaN);
  return { searches: Number(/(\d+) keystrokes/.exec(text)?.[1] ?? NaN), p50: num('p50'), p95: num('p95'), max: num('max'), how: 'subprocess: npx tsx bench/search.ts' };
}

// ---- rows ---------------------------------------------------------------------------------------------------------

/** Long tasks the extension made long: each task's wall time and the extension's share, with the CPU time of both. */
const tracedList = (tasks: LoadTestResult['traced']['byExtension']) =>
  tasks.length
    ? ` (${tasks.map((t) => `${round(t.ms, 0)} ms with ${round(t.extensionMs, 0)} ms of it, CPU ${round(t.cpuMs, 0)} with ${round(t.extensionCpuMs, 0)}${t.gcMs >= 1 ? `, ${round(t.gcMs, 0)} of which garbage collection` : ''}${t.longestCall ? `, longest call ${t.longestCall}` : ''}`).join('; ')})`
    : '';

function inlineRows(r: InlineResult): Row[] {
  const k = r.keystroke;
  const l = r.load;
  const t = r.longtasks;
  const f = k.frames;
  const frames = f
    ? `; traced typing, per key with vs without: ${round(f.with.paints, 2)} vs ${round(f.without.paints, 2)} paints (${ms(f.with.paintMs)} vs ${ms(f.without.paintMs)} of paint), ${round(f.with.layerizes, 2)} vs ${round(f.without.layerizes, 2)} layerizations, ${round(f.with.layouts, 2)} vs ${round(f.without.layouts, 2)} layouts`
    : '';
  const roles = Object.entries(k.byRole)
    .map(([role, v]) => `${role} keys p50 ${ms(v.withP50, 2)} / p95 ${ms(v.withP95)} (without ${ms(v.withoutP50, 2)})`)
    .join('; ');
  return [
    {
      id: 'keystroke-to-badge-p95',
      metric: 'Keystroke to badge, p95 (300 lines)',
      value: round(r.latency.p95, 1),
      unit: 'ms',
      target: '<= 16 ms',
      pass: r.latency.count > 0 && r.latency.missing === 0 && r.latency.p95 <= 16,
      detail: `p50 ${ms(r.latency.p50)}, max ${ms(r.latency.max)}; to next frame p50 ${ms(r.latency.frameP50)}, p95 ${ms(r.latency.frameP95)}; ${r.latency.count} codes typed (${r.samples} lines x ${r.repetitions.typing} runs), ${r.latency.missing} without a badge`,
    },
    {
      id: 'keystroke-main-thread-added',
      metric: 'Main-thread time added per keystroke',
      value: round(k.addedScriptPerKey + k.addedLayoutStylePerKey, 2),
      unit: 'ms',
      target: '<= 0.5 ms',
      pass: k.addedScriptPerKey + k.addedLayoutStylePerKey <= 0.5,
      detail: `CDP ScriptDuration+Layout+RecalcStyle per key, with minus without (script ${ms(k.addedScriptPerKey, 2)}, style+layout ${ms(k.addedLayoutStylePerKey, 2)}); layouts ${round(k.layoutsPerKeyWith, 1)}/key vs ${round(k.layoutsPerKeyWithout, 1)}; all main-thread tasks incl. paint +${ms(k.addedTaskPerKey, 1)}/key (${ms(k.taskPerKeyWith)} vs ${ms(k.taskPerKeyWithout)}); in the key's own event dispatch: mean +${ms(k.dispatchAddedMean, 2)}, p50 +${ms(k.dispatchAddedP50, 2)}, p95 +${ms(k.dispatchAddedP95)}; ${roles}; ${k.keystrokes} keys a run, median of ${r.repetitions.typing}${frames}`,
    },
    {
      id: 'card-opened-main-thread',
      metric: 'Card opened on a paused code field',
      value: round(r.card.addedScript + r.card.addedLayoutStyle, 1),
      unit: 'ms',
      target: 'per card',
      pass: null,
      detail: `A card opens once its field has been still for ${CARD_REST_MS} ms, so the typing runs (a key every ${KEY_DELAY_MS} ms, then on to the next field) draw none; here ${r.card.fields} code fields were each focused and left still, then the next field focused: ${r.card.opened} cards opened. CDP ScriptDuration+Layout+RecalcStyle per card opened and closed, with minus without (script ${ms(r.card.addedScript, 2)}, style+layout ${ms(r.card.addedLayoutStyle, 2)})`,
    },
    {
      id: 'page-load-event-added',
      metric: 'Page load: load event delayed by',
      value: round(l.addedLoadEvent, 1),
      unit: 'ms',
      target: '<= 10 ms',
      pass: l.addedLoadEvent <= 10,
      detail: `median load event ${ms(l.loadWith, 0)} with vs ${ms(l.loadWithout, 0)} without; DOMContentLoaded ${ms(l.dclWith, 0)} vs ${ms(l.dclWithout, 0)}; LCP ${ms(l.lcpWith, 0)} vs ${ms(l.lcpWithout, 0)}; median of ${r.repetitions.load} loads each, taking turns (median of the differences pair by pair ${ms(l.pairedAddedLoadEvent, 0)}); the extension's own main-thread work before the load event, traced: content-script injection (the loader and its isolated world) ${ms(l.injectionBeforeLoad, 1)}, median of ${l.injectionLoads} loads`,
    },
    {
      id: 'page-load-main-thread-added',
      metric: 'First read of the page, after its load event',
      value: round(l.addedScriptToIdle + l.addedLayoutStyleToIdle, 1),
      unit: 'ms',
      target: 'in idle slices',
      pass: null,
      detail: `Not a page-load cost: none of it runs before the load event, and it runs in slices of at most 10 ms of idle time (see long tasks). CDP ScriptDuration+Layout+RecalcStyle from navigation to load + 2.5 s, with minus without (script ${ms(l.addedScriptToIdle)}, style+layout ${ms(l.addedLayoutStyleToIdle)}); all tasks incl. paint ${ms(l.taskWith, 0)} vs ${ms(l.taskWithout, 0)} (+${ms(l.addedTaskToIdle, 0)}); ${l.layoutsWith} layouts vs ${l.layoutsWithout}; all ${l.badges} badges shown ${ms(l.badgesReadyAt, 0)} after navigation start; median of ${r.repetitions.load} loads`,
    },
    {
      id: 'long-tasks-added',
      metric: 'Long tasks caused by the extension (load + typing)',
      value: t.loadExtension + t.typingExtension,
      unit: 'per run',
      target: 'none',
      pass: t.loadExtension + t.typingExtension === 0,
      detail: `tasks over 50 ms that wrote badges, median per run: load ${t.loadExtension} (longest ${ms(t.loadExtensionMaxMs, 0)}), typing ${t.typingExtension} (longest ${ms(t.typingExtensionMaxMs, 0)}); all long tasks with vs without: load ${t.loadWith} vs ${t.loadWithout}, typing ${t.typingWith} vs ${t.typingWithout}`,
    },
    {
      id: 'heap-added',
      metric: 'JS heap added (renderer, after GC)',
      value: round(r.heap.addedBytes / 1024 / 1024, 2),
      unit: 'MB',
      target: '<= 3 MB',
      pass: r.heap.addedBytes <= 3 * 1024 * 1024,
      detail: `JSHeapUsedSize after scan + typing + GC: ${mb(r.heap.with.jsHeapUsed)} with vs ${mb(r.heap.without.jsHeapUsed)} without; DOM nodes +${r.heap.addedNodes}, JS event listeners +${r.heap.addedListeners}`,
    },
  ];
}

function loadRows(r: LoadTestResult): Row[] {
  const w = r.with;
  const wo = r.without;
  const g = r.growth;
  const tasks = w.churnExtensionLongtasks;
  const longest = (list: { duration: number }[]) => list.reduce((m, t) => Math.max(m, t.duration), 0);
  const names = (c: { detachedByName?: Record<string, number> }) =>
    Object.entries(c.detachedByName ?? {})
      .map(([n, k]) => `${k} ${n.toLowerCase()}`)
      .join(', ') || 'none';
  return [
    {
      id: 'load-test-badges-correct',
      metric: `Load test: badges match the page's codes at the end`,
      value: `${w.final.matched}/${w.final.expected}`,
      unit: 'codes',
      target: 'all, count equal',
      pass: w.final.equal,
      detail: `${r.page.lines} lines (${r.page.controls} controls); ${w.final.badges} badges for ${w.final.expected} codes at the end${w.convergedMs >= 0 ? `, matched ${w.convergedMs} ms after the page stopped` : ', still not matching once the extension went quiet'}; after the first load ${w.initial.check.matched}/${w.initial.check.expected}${w.initial.readyMs >= 0 ? ` in ${w.initial.readyMs} ms` : ''}; during the churn ${round(r.midChurnCorrect.median * 100, 0)}% matched (median of samples, min ${round(r.midChurnCorrect.min * 100, 0)}%)`,
    },
    {
      id: 'load-test-page-mutations',
      metric: `Load test: the page's own mutations made, with the extension`,
      value: `${w.mutations.done}/${w.mutations.total}`,
      unit: 'mutations',
      target: '>= 95% (as without)',
      pass: r.mutationsShare >= 0.95,
      detail: `${r.perMinute}/min planned for ${r.durationSec} s: with the extension ${w.mutations.done} in ${round(w.mutations.seconds, 0)} s (${round(r.mutationsShare * 100, 0)}%; the page's longest timer tick ${ms(w.mutations.maxTickMs, 0)}, its dispatched input events run the extension's listener), without ${wo.mutations.done} (longest tick ${ms(wo.mutations.maxTickMs, 0)})`,
    },
    {
      id: 'load-test-heap-growth',
      metric: `Load test: heap growth after the first minute, the extension's share`,
      value: round(g.heapAfterWarmup / 1024 / 1024, 2),
      unit: 'MB',
      target: '<= 0.5 MB, trend <= 0.1 MB a minute',
      pass: g.heapAfterWarmup <= 512 * 1024 && g.heapSlopePerMinute <= 0.1 * 1024 * 1024,
      detail: `renderer JSHeapUsedSize after GC, with the churn paused and the badges caught up, at ${g.checkpoints.map((c) => `${round(c.atSec, 0)}`).join(', ')} s of churn: with ${g.checkpoints.map((c) => round(c.with / 1024 / 1024, 2)).join(', ')} MB, without ${g.checkpoints.map((c) => round(c.without / 1024 / 1024, 2)).join(', ')} MB; the extension's share (with minus without) from the first checkpoint to the end ${mb(g.heapAfterWarmup)}, least-squares trend ${round(g.heapSlopePerMinute / 1024 / 1024, 3)} MB a minute; start to end with the extension ${mb(g.heapBytes)}, the page alone ${mb(g.heapBytesWithout)} (the first minute adds optimised code and hash-table capacity once)`,
    },
    {
      id: 'load-test-detached-nodes',
      metric: 'Load test: detached DOM nodes retained',
      value: g.detachedNodes,
      unit: 'nodes',
      target: '<= 100, not growing',
      pass: g.detachedNodes <= 100 && g.detachedNodesGrowth <= 100,
      detail: `DOM.getDetachedDomNodes after GC at the end, with minus without (growth over the run with the extension ${g.detachedNodesGrowth}); with: ${names(w.end)}; without: ${names(wo.end)}; DOM counters nodes with ${w.start.nodes} -> ${w.end.nodes}, without ${wo.start.nodes} -> ${wo.end.nodes} (rows re-rendered by the page differ)`,
    },
    {
      id: 'load-test-listener-growth',
      metric: 'Load test: event listeners and documents added',
      value: g.listeners,
      unit: 'listeners',
      target: '<= 10, documents 0',
      pass: g.listeners <= 10 && g.documentWindowListeners <= 0 && g.documents <= 0,
      detail: `jsEventListeners growth with minus without ${g.listeners} (with ${w.start.jsEventListeners} -> ${w.end.jsEventListeners}: two per badge); on document + window, page and extension worlds (DOMDebugger.getEventListeners) ${w.start.documentListeners + w.start.windowListeners} -> ${w.end.documentListeners + w.end.windowListeners} with, ${wo.start.documentListeners + wo.start.windowListeners} -> ${wo.end.documentListeners + wo.end.windowListeners} without; documents ${g.documents}`,
    },
    {
      id: 'load-test-long-tasks',
      metric: 'Load test: long tasks caused by the extension during churn',
      value: r.traced.byExtensionOnCpu.length,
      unit: 'tasks',
      target: 'none',
      pass: r.traced.byExtensionOnCpu.length === 0,
      detail: `traced on the extension's side, ${round(r.traced.seconds, 0)} s of the ${round(w.mutations.seconds, 0)} s of churn in windows between the heap checkpoints, the page without the extension paused meanwhile (side by side, the two browsers stretch each other's tasks; tracing slows the page and the extension alike): ${r.traced.longTasks} main-thread tasks of 50 ms or more; made long by the extension (its own script 50 ms or more, or the task under 50 ms without it), judged on the main thread's CPU time: ${r.traced.byExtensionOnCpu.length}${tracedList(r.traced.byExtensionOnCpu)}; judged on wall time: ${r.traced.byExtension.length}${tracedList(r.traced.byExtension)}; the extension's script inside all of them ${round(r.traced.extensionMsInLongTasks, 0)} ms, and ${round(r.traced.forcedMsInLongTasks, 0)} ms of the page's style and layout that its calls forced before the page's frame. Untraced count over the whole churn, tasks over 50 ms with a badge write in them: ${tasks.length} (longest ${ms(longest(tasks), 0)}); all long tasks with ${w.churnLongtasks.length} vs without ${wo.churnLongtasks.length}; first load of the 2,000-line page: ${w.initial.extensionLongtasks.length} (longest ${ms(longest(w.initial.extensionLongtasks), 0)})`,
    },
  ];
}

function sizeRow(extensionDir: string): Row {
  const hints = readFileSync(join(extensionDir, INLINE_HINTS_FILE));
  const loader = readFileSync(join(extensionDir, CONTENT_SCRIPT_FILE));
  const gz = gzipSync(hints).length;
  return {
    id: 'content-script-gzip',
    metric: 'Content script size, gzipped',
    value: round(gz / 1024, 1),
    unit: 'KB',
    target: '<= 40 KB',
    pass: gz <= 40 * 1024,
    detail: `${INLINE_HINTS_FILE} (injected after load) ${kb(hints.length)} raw, ${kb(gz)} gzip; the loader that runs at document start, ${CONTENT_SCRIPT_FILE}, ${kb(loader.length)} raw, ${kb(gzipSync(loader).length)} gzip (zlib default level)`,
  };
}

function searchRow(s: SearchFigures): Row {
  return {
    id: 'popup-search-p95',
    metric: 'Popup search per keystroke, p95',
    value: round(s.p95, 2),
    unit: 'ms',
    target: '<= 5 ms',
    pass: s.p95 <= 5,
    detail: `${s.searches} searches; p50 ${ms(s.p50, 3)}, max ${ms(s.max, 1)} (${s.how})`,
  };
}

function table(rows: Row[]): string {
  const head = ['metric', 'value', 'target', 'result'];
  const body = rows.map((r) => [r.metric, `${r.value} ${r.unit}`, r.target, r.pass === null ? '-' : r.pass ? 'pass' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  const { quick, parts } = parseArgs(process.argv.slice(2));
  const log = (m: string) => console.log(m);
  const load0 = loadavg();
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};

  const chromium = findChromium();
  const chromiumVersion = safeExec(chromium, ['--version']);
  log(`CDT Lens bench${quick ? ' (quick)' : ''}: ${[...parts].join(', ')}; ${cpus().length} cores, load average ${load0.map((n) => n.toFixed(1)).join(' ')}; ${chromiumVersion}`);

  const ext = parts.has('inline') || parts.has('load') ? await snapshotExtension() : null;
  const server = parts.has('inline') || parts.has('load') ? await startPageServer(PAGES) : null;
  try {
    if (ext) rows.push(sizeRow(ext.dir));
    if (parts.has('search')) {
      log('search: bench/search.ts');
      const s = await runSearch();
      raw.search = s;
      rows.push(searchRow(s));
    }
    const { claim300 } = writePages();
    if (parts.has('inline') && ext && server) {
      log('inline: claim-300.html, with and without the extension');
      const r = await benchInline({ server, extensionDir: ext.dir, lines: claim300, quick, log });
      raw.inline = r;
      rows.push(...inlineRows(r));
    }
    if (parts.has('load') && ext && server) {
      log(`load test: claim-2000.html, 5,000 mutations a minute for ${quick ? '20 seconds' : 'five minutes'}, with and without the extension side by side`);
      const r = await benchLoadTest({ server, extensionDir: ext.dir, quick, log });
      raw.loadTest = r;
      rows.push(...loadRows(r));
    }
  } finally {
    await server?.close();
    ext?.dispose();
  }

  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${table(rows)}\n`);
  for (const r of rows) console.log(`- ${r.metric}: ${r.detail}`);
  const budgets = rows.filter((r) => r.pass !== null);
  const failed = budgets.filter((r) => !r.pass).length;
  console.log(`\n${budgets.length - failed} of ${budgets.length} budgets met; bench took ${seconds.toFixed(0)} s (load average now ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);

  const results = resolve(BENCH_DIR, 'results');
  mkdirSync(results, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    parts: [...parts],
    seconds: round(seconds, 0),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      loadAverageAtStart: load0.map((n) => round(n, 2)),
      loadAverageAtEnd: loadavg().map((n) => round(n, 2)),
      node: process.version,
      chromium: chromiumVersion,
    },
    rows,
    raw,
  };
  writeFileSync(join(results, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log('wrote bench/results/latest.json');
}

function safeExec(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
