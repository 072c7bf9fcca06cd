/**
 * Where the content script's time goes: builds the e2e extension unminified (same code, same config, only
 * `build.minify: false`, into a temporary folder), runs it on a bench page under the V8 sampling profiler, and
 * sums self time by source module (the bundle's //#region comments) and by function. Not part of `npm run bench`:
 * a tool for the owner of a missed budget.
 *   npx tsx bench/profile.ts                 claim-300.html: load, then typing into 20 lines
 *   npx tsx bench/profile.ts --churn         claim-2000.html: load, then 20 s of the load test's mutations
 *   npx tsx bench/profile.ts --size          what the content script is made of (each part gzipped alone)
 *   npx tsx bench/profile.ts --trace         typing into claim-300.html with and without the extension, traced:
 *                                            style recalcs and layouts, which of them the content script forced,
 *                                            and what invalidated them (node and reason); TRACE_LAYOUTS=N lists
 *                                            the first N style recalcs and layouts, TRACE_STYLE=1 what each style
 *                                            recalc ran inside, TRACE_LONG=1 what each long task (50 ms or more) held
 *   --trace --churn                          the long tasks of loading claim-2000.html and of 20 s of churn: how much of
 *                                            each the content script ran
 *   --build=DIR                              reuse an unminified build's chrome-mv3-e2e folder
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from '@playwright/test';
import { INLINE_HINTS_FILE } from '../lib/sites/registration';
import { startPageServer } from '../tests/support/server';
import { CHURN, isContentScriptUrl, launch, mainThreadOf, openPage, sleep, type TraceEvent, traced, tracedLongTasks, within } from './lib';
import { PAGES, PROCEDURES, writePages } from './pages/generate';
import { sampleLines, typeSamples } from './inline';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function buildUnminified(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'cdt-lens-profile-build-'));
  process.env.CDT_LENS_E2E = '1';
  const { build } = await import('wxt');
  await build({ mode: 'production', outDir: out, vite: () => ({ build: { minify: false } }) });
  return join(out, 'chrome-mv3-e2e');
}

/** Source module of each line of the unminified bundle, from the `// path/to/module.ts` line opening each module. */
function regions(source: string): string[] {
  const byLine: string[] = [];
  let current = '(bundle glue)';
  source.split('\n').forEach((line, i) => {
    const open = /^\s*\/\/ ((?:node_modules|lib|components|entrypoints|\.generated|\.wxt|wxt)\/\S+|\S+\.(?:ts|tsx|js|mjs|json))$/.exec(line);
    if (open) current = open[1].replace(/^.*node_modules\//, 'node_modules/');
    byLine[i] = current;
  });
  return byLine;
}

/**
 * The bundler merges some modules without a marker of their own; a function declared once in the sources is
 * credited to the file that declares it.
 */
function declaredIn(): Map<string, string> {
  const root = resolve(import.meta.dirname, '..');
  const seen = new Map<string, string | null>();
  for (const dir of ['lib', 'components', 'entrypoints'])
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      for (const m of readFileSync(file, 'utf8').matchAll(/\bfunction\s+(\w+)\s*[<(]/g)) {
        const rel = relative(root, file);
        seen.set(m[1], seen.has(m[1]) && seen.get(m[1]) !== rel ? null : rel);
      }
    }
  return new Map([...seen].filter((e): e is [string, string] => e[1] !== null));
}

/**
 * Each sample goes to the nearest content-script frame on its stack (itself, or the caller of the DOM or
 * native function it was in: a forced style/layout inside getBoundingClientRect counts to the code that
 * asked), or else to the kind of work it was.
 */
function summarize(profile: Profile, regionOf: (line: number) => string, label: string) {
  const declared = declaredIn();
  const moduleOf = (line: number, name: string) => declared.get(name) ?? regionOf(line);
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const c of node.children ?? []) parent.set(c, node.id);
  }
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byKind = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t);
  profile.samples.forEach((id, i) => {
    const t = (profile.timeDeltas[i] ?? 0) / 1000;
    let at: number | undefined = id;
    while (at !== undefined && !isContentScriptUrl(byId.get(at)!.callFrame.url)) at = parent.get(at);
    if (at !== undefined) {
      const { functionName, lineNumber } = byId.get(at)!.callFrame;
      const mod = moduleOf(lineNumber, functionName);
      add(byKind, 'extension content script (incl. the DOM work it called)', t);
      add(byModule, mod, t);
      add(byFunction, `${functionName || '(anonymous)'} (${mod}:${lineNumber + 1})`, t);
      return;
    }
    const { url, functionName } = byId.get(id)!.callFrame;
    add(byKind, url.startsWith('chrome-extension://') ? 'extension (other)' : url ? 'page scripts' : functionName.startsWith('(') ? functionName : 'native, called by page or browser', t);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${v.toFixed(1).padStart(9)} ms  ${k}`)
      .join('\n');
  console.log(`\n== ${label}: sampled time by kind ((program) is the browser's own work outside JS: style, layout, paint)\n${top(byKind, 10)}`);
  console.log(`-- content script time by module\n${top(byModule, 15)}`);
  console.log(`-- content script time by function\n${top(byFunction, 20)}`);
}

async function profiled(cdp: CDPSession, run: () => Promise<unknown>): Promise<Profile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  return profile as unknown as Profile;
}

/**
 * The unminified content script split into source folders (and the compiled data it inlines), each part gzipped
 * on its own: indicative shares, not additive (the real bundle is minified and gzipped whole).
 */
function sizeBreakdown(source: string) {
  const parts = new Map<string, string>();
  let current = '(bundle glue)';
  for (const line of source.split('\n')) {
    const open = /^\s*\/\/ ((?:node_modules|lib|components|entrypoints|\.generated|\.wxt|wxt)\/\S+|\S+\.(?:ts|tsx|js|mjs|json))$/.exec(line);
    if (open) {
      const path = open[1].replace(/^.*node_modules\//, 'node_modules/').split('/');
      current = path[0] === 'node_modules' ? path.slice(0, path[1].startsWith('@') ? 3 : 2).join('/') : path.slice(0, 2).join('/');
    }
    const data = /^\s*var (\w+)_default = /.exec(line);
    if (data && /^(catalog_compact|rules|payers|portal_matches|card)$/.test(data[1])) current = `compiled data: ${data[1]}`;
    parts.set(current, `${parts.get(current) ?? ''}${line}\n`);
  }
  const rows = [...parts].map(([name, text]) => [name, gzipSync(text).length, text.length] as const).sort((a, b) => b[1] - a[1]);
  console.log('gzip alone   raw (unminified)  part');
  for (const [name, gz, raw] of rows) console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${(raw / 1024).toFixed(1).padStart(9)} KB  ${name}`);
}

const TIMELINE = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-devtools.timeline.invalidationTracking',
];

/** Style recalcs and layouts on the page's main thread: totals, those forced by the content script, and their invalidations. */
function summarizeTrace(events: TraceEvent[], label: string, keys: number, moduleOf: (line: number) => string) {
  const main = mainThreadOf(events);
  const ours = (stack?: { url: string }[]) => !!stack?.some((f) => isContentScriptUrl(f.url));
  const sum = (name: string) => {
    const list = events.filter((e) => e.tid === main && e.name === name && e.ph === 'X');
    const forced = list.filter((e) => ours(e.args.beginData?.stackTrace));
    const ms = (l: TraceEvent[]) => l.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
    console.log(
      `  ${name.padEnd(17)} ${String(list.length).padStart(5)} (${(list.length / keys).toFixed(2)}/key) ${ms(list).toFixed(1).padStart(8)} ms (${(ms(list) / keys).toFixed(2)} ms/key); forced by the content script: ${forced.length}, ${ms(forced).toFixed(1)} ms`,
    );
  };
  console.log(`\n== ${label}: ${keys} keys`);
  sum('UpdateLayoutTree');
  sum('Layout');
  const reasons = new Map<string, number>();
  for (const e of events) {
    if (!/InvalidationTracking$/.test(e.name)) continue;
    const d = e.args.data ?? {};
    const stack = d.stackTrace as { url: string; functionName: string }[] | undefined;
    const who = ours(stack) ? `content script ${stack!.find((f) => isContentScriptUrl(f.url))!.functionName || '(anon)'}` : stack?.length ? 'page script' : 'browser';
    const key = `${e.name.replace('InvalidationTracking', '')}: ${String(d.nodeName ?? '?').slice(0, 40)} ${d.reason ?? ''} <- ${who}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  if (process.env.TRACE_STYLE) {
    // What each style recalc ran inside: the enclosing events on the main thread (frame lifecycle, a callback, a task).
    const spans = events.filter((e) => e.tid === main && e.ph === 'X' && e.dur);
    const enclosing = new Map<string, number>();
    for (const e of spans.filter((x) => x.name === 'UpdateLayoutTree')) {
      const outer = spans
        .filter((o) => o !== e && within(o)(e) && !['RunTask', 'ThreadControllerImpl::RunTask'].includes(o.name))
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .map((o) => o.name)
        .slice(0, 4)
        .join(' > ');
      enclosing.set(outer, (enclosing.get(outer) ?? 0) + 1);
    }
    for (const [k, n] of [...enclosing].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${String(n).padStart(5)}  style inside ${k}`);
  }
  const long = longTasks(events, main, moduleOf);
  console.log(`  long tasks (50 ms or more): ${long.length}`);
  if (process.env.TRACE_LONG) for (const line of long) console.log(`  ${line}`);
  if (process.env.TRACE_LAYOUTS) {
    const layouts = events.filter((e) => e.tid === main && (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    for (const e of layouts.slice(0, Number(process.env.TRACE_LAYOUTS))) {
      const b = e.args.beginData ?? {};
      const inv = events
        .filter((x) => /LayoutInvalidationTracking$/.test(x.name) && x.ts <= e.ts && x.ts > e.ts - 20_000)
        .map((x) => `${String(x.args.data?.nodeName).slice(0, 12)}:${x.args.data?.reason}`);
      console.log(`    ${e.name === 'Layout' ? 'layout' : `style (${e.args.elementCount} el)`} ${(e.ts / 1000).toFixed(1)} ${((e.dur ?? 0) / 1000).toFixed(2)} ms dirty ${b.dirtyObjects}/${b.totalObjects} ${ours(b.stackTrace) ? 'FORCED' : ''} ${[...new Set(inv)].slice(0, 4).join(', ')}`);
    }
  }
  console.log(
    [...reasons]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, n]) => `    ${String(n).padStart(6)}  ${k}`)
      .join('\n'),
  );
}

async function traceTyping(dir: string, lines: Parameters<typeof sampleLines>[0], server: Awaited<ReturnType<typeof startPageServer>>, moduleOf: (line: number) => string) {
  for (const withExtension of [false, true]) {
    const browser = await launch(withExtension, dir);
    try {
      const { page, cdp } = await openPage(browser);
      await page.goto(server.url('claim-300.html'), { waitUntil: 'load', timeout: 120_000 });
      await sleep(4000);
      let keys = 0;
      const events = await traced(cdp, async () => (keys = await typeLines(page, lines, 10)), TIMELINE);
      summarizeTrace(events, withExtension ? 'with the extension' : 'without', keys, moduleOf);
    } finally {
      await browser.close();
    }
  }
}

/**
 * Main-thread tasks of 50 ms or more, one line each: how much of it the content script ran (its outermost calls,
 * by function and module) and the longest other events inside it.
 */
function longTasks(events: TraceEvent[], main: number | undefined, moduleOf: (line: number) => string): string[] {
  const spans = events.filter((e) => e.tid === main && e.ph === 'X');
  const ms = (e: TraceEvent) => ((e.dur ?? 0) / 1000).toFixed(1);
  const where = (e: TraceEvent) => `${e.args.data?.functionName || '(anon)'}@${moduleOf(Number(e.args.data?.lineNumber ?? 0)).split('/').pop()}:${e.args.data?.lineNumber}`;
  return tracedLongTasks(events).map(({ task: t, calls, extensionMs }) => {
    const inside = within(t);
    const named = [...calls].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 3).map((c) => `${where(c)} ${ms(c)}`);
    const top = spans
      .filter((e) => inside(e) && e !== t && (e.dur ?? 0) >= 5_000 && !['RunTask', 'ThreadControllerImpl::RunTask', 'FunctionCall'].includes(e.name))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 4)
      .map((e) => `${e.name}${e.args.data?.type ? ` ${e.args.data.type}` : ''} ${ms(e)}`);
    return `${ms(t).padStart(6)} ms, content script ${extensionMs.toFixed(1)} ms (${named.join(', ')}): ${top.join('; ')}`;
  });
}

/**
 * The long tasks of loading the 2,000-line page, then of 20 s of churn on it, with the extension: how much of each
 * the content script ran (its calls, not nested in each other) and what else filled it.
 */
async function traceChurn(dir: string, server: Awaited<ReturnType<typeof startPageServer>>, moduleOf: (line: number) => string) {
  const browser = await launch(true, dir);
  try {
    const { page, cdp } = await openPage(browser);
    const categories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];
    const load = async () => {
      await page.goto(server.url('claim-2000.html'), { waitUntil: 'load', timeout: 120_000 });
      await sleep(15_000);
    };
    for (const [label, run] of [
      ['loading the 2,000-line page', load],
      ['churn', () => runChurn(page)],
    ] as const) {
      const events = await traced(cdp, run, categories);
      const long = longTasks(events, mainThreadOf(events), moduleOf);
      console.log(`\n== ${label}: ${long.length} main-thread tasks of 50 ms or more`);
      for (const line of long) console.log(`  ${line}`);
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  if (process.argv.includes('--size')) {
    const given = process.argv.find((a) => a.startsWith('--build='))?.slice('--build='.length);
    const dir = given ?? (await buildUnminified());
    sizeBreakdown(readFileSync(join(dir, INLINE_HINTS_FILE), 'utf8'));
    if (!given) rmSync(join(dir, '..'), { recursive: true, force: true });
    return;
  }
  const churn = process.argv.includes('--churn');
  const { claim300 } = writePages();
  // --build=DIR reuses an unminified build (its chrome-mv3-e2e folder) instead of building one.
  const given = process.argv.find((a) => a.startsWith('--build='))?.slice('--build='.length);
  const dir = given ?? (await buildUnminified());
  const moduleOf = ((byLine: string[]) => (line: number) => byLine[line] ?? '?')(regions(readFileSync(join(dir, INLINE_HINTS_FILE), 'utf8')));
  const server = await startPageServer(PAGES);
  if (process.argv.includes('--trace')) {
    try {
      if (churn) await traceChurn(dir, server, moduleOf);
      else await traceTyping(dir, claim300, server, moduleOf);
    } finally {
      await server.close();
      if (!given) rmSync(join(dir, '..'), { recursive: true, force: true });
    }
    return;
  }
  const browser = await launch(true, dir);
  try {
    const { page, cdp } = await openPage(browser);
    const load = await profiled(cdp, async () => {
      await page.goto(server.url(churn ? 'claim-2000.html' : 'claim-300.html'), { waitUntil: 'load', timeout: 120_000 });
      await sleep(churn ? 15_000 : 4000);
    });
    summarize(load, moduleOf, 'page load to idle');
    const work = await profiled(cdp, () => (churn ? runChurn(page) : typeLines(page, claim300)));
    summarize(work, moduleOf, churn ? '20 s of churn' : 'typing');
  } finally {
    await browser.close();
    await server.close();
    if (!given) rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/** Retypes the code and the tooth (or quantity) of evenly spread lines, as the bench does; the number of keys pressed. */
async function typeLines(page: Page, lines: Parameters<typeof sampleLines>[0], count = 20): Promise<number> {
  const keys = await typeSamples(page, sampleLines(lines, count));
  await sleep(1000);
  return keys;
}

async function runChurn(page: Page) {
  await page.evaluate(readFileSync(CHURN, 'utf8'));
  await page.evaluate(`window.__churn.start(${JSON.stringify({ perMinute: 5000, durationMs: 20_000, seed: 8, procedures: PROCEDURES })})`);
  await page.waitForFunction('window.__churn.state.finished', undefined, { timeout: 120_000, polling: 1000 });
  await sleep(5000);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
