/** Shared bench helpers: Chromium launches with and without the extension, CDP metrics, statistics. */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { CONTENT_SCRIPT_FILE, INLINE_HINTS_FILE } from '../lib/sites/registration';
import { chromiumArgs, EXTENSION_DIR, launchChromium } from '../tests/support/browser';

export const BENCH_DIR = resolve(import.meta.dirname);
export const PROBE = resolve(BENCH_DIR, 'pages/probe.js');
export const CHURN = resolve(BENCH_DIR, 'pages/churn.js');

/**
 * A private copy of the e2e build, so another engineer rebuilding .output/ mid-run cannot change what is measured.
 * Waits (up to a minute) while a concurrent build has the folder half-written.
 */
export async function snapshotExtension(): Promise<{ dir: string; dispose(): void }> {
  const complete = () => ['manifest.json', CONTENT_SCRIPT_FILE, INLINE_HINTS_FILE, 'background.js'].every((f) => existsSync(join(EXTENSION_DIR, f)));
  for (let waited = 0; !complete(); waited += 1000) {
    if (waited >= 60_000) throw new Error(`No complete build in ${EXTENSION_DIR}: run \`npm run build:e2e\` first.`);
    await sleep(1000);
  }
  const root = mkdtempSync(join(tmpdir(), 'cdt-lens-bench-ext-'));
  const dir = join(root, 'chrome-mv3-e2e');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return { dir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export interface Browser {
  label: 'with' | 'without';
  context: BrowserContext;
  close(): Promise<void>;
}

/** Extension flags; the run without the extension uses every other flag of chromiumArgs() unchanged. */
const EXTENSION_FLAGS = /^--(load-extension|disable-extensions-except)=/;

export async function launch(withExtension: boolean, extensionDir: string): Promise<Browser> {
  const all = chromiumArgs(extensionDir);
  const { context, close } = await launchChromium({
    args: withExtension ? all : all.filter((a) => !EXTENSION_FLAGS.test(a)),
    viewport: { width: 1280, height: 900 },
  });
  if (withExtension && !context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 20_000 });
  // The first tab of a persistent context is not needed: every measurement opens its own.
  for (const p of context.pages()) await p.close();
  return { label: withExtension ? 'with' : 'without', context, close };
}

/** A new tab with the probe installed before any page script, and a CDP session on it. */
export async function openPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.context.newPage();
  await page.addInitScript({ path: PROBE });
  const cdp = await browser.context.newCDPSession(page);
  await trackWorlds(cdp);
  // threadTicks: durations in the main thread's own CPU time, so the other process on a 2-core machine adds less noise.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

interface World {
  id: number;
  name: string;
  auxData?: { type?: string; isDefault?: boolean };
}
const worlds = new WeakMap<CDPSession, Map<number, World>>();

/** Keeps the page's JavaScript worlds (main, the extension's isolated world, Playwright's) known per session. */
async function trackWorlds(cdp: CDPSession) {
  const known = new Map<number, World>();
  worlds.set(cdp, known);
  cdp.on('Runtime.executionContextCreated', (e) => known.set(e.context.id, e.context as World));
  cdp.on('Runtime.executionContextDestroyed', (e) => known.delete(e.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => known.clear());
  await cdp.send('Runtime.enable');
}

export type Metrics = Record<string, number>;

export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Garbage-collects the renderer (twice: the second pass frees what the first one's finalizers released). */
export async function collectGarbage(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

export interface Counters {
  jsHeapUsed: number;
  nodes: number;
  documents: number;
  jsEventListeners: number;
  layoutObjects: number;
  /** Listeners on document and window, the page's world and the extension's together (DOMDebugger.getEventListeners). */
  documentListeners: number;
  windowListeners: number;
  /** Detached DOM trees still retained after GC (DOM.getDetachedDomNodes), when asked for: roots and nodes. */
  detachedTrees?: number;
  detachedNodes?: number;
  detachedByName?: Record<string, number>;
}

/** Renderer-wide counters after GC: the content script's isolated world shares the renderer's V8 heap and DOM. */
export async function counters(cdp: CDPSession, { gc = true, detached = false } = {}): Promise<Counters> {
  if (gc) await collectGarbage(cdp);
  const m = await metrics(cdp);
  const dom = await cdp.send('Memory.getDOMCounters');
  // Listeners are kept per world: count document's and window's in the page's world and in every extension world.
  const measured = [...(worlds.get(cdp)?.values() ?? [])].filter((w) => !w.name.startsWith('__playwright'));
  const listenersOf = async (expression: string) => {
    let n = 0;
    for (const world of measured.length ? measured : [undefined]) {
      const { result } = await cdp.send('Runtime.evaluate', world ? { expression, contextId: world.id } : { expression }).catch(() => ({ result: { objectId: undefined } }));
      if (!result.objectId) continue;
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      n += listeners.length;
    }
    return n;
  };
  const out: Counters = {
    jsHeapUsed: m.JSHeapUsedSize,
    nodes: dom.nodes,
    documents: dom.documents,
    jsEventListeners: dom.jsEventListeners,
    layoutObjects: m.LayoutObjects,
    documentListeners: await listenersOf('document'),
    windowListeners: await listenersOf('window'),
  };
  if (detached) {
    await cdp.send('DOM.enable');
    const { detachedNodes } = (await cdp.send('DOM.getDetachedDomNodes' as never)) as unknown as {
      detachedNodes: { treeNode: { nodeName: string }; retainedNodeIds: number[] }[];
    };
    await cdp.send('DOM.disable');
    out.detachedTrees = detachedNodes.length;
    out.detachedNodes = detachedNodes.reduce((n, d) => n + Math.max(1, d.retainedNodeIds.length), 0);
    out.detachedByName = {};
    for (const d of detachedNodes) out.detachedByName[d.treeNode.nodeName] = (out.detachedByName[d.treeNode.nodeName] ?? 0) + 1;
  }
  return out;
}

// ---- traces -----------------------------------------------------------------------------------------------------

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own CPU time in the event (`dur` is wall time, which includes time the OS gave other processes). */
  tdur?: number;
  tid: number;
  args: { beginData?: { stackTrace?: { url: string; functionName: string }[]; dirtyObjects?: number; totalObjects?: number }; data?: Record<string, unknown>; elementCount?: number };
}

/** Starts tracing the given categories; the function returned ends it and gives the events recorded meanwhile. */
export async function startTrace(cdp: CDPSession, categories: string[]): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => void events.push(...(e.value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories } });
  return async () => {
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** The trace events recorded while `run` runs, in the given categories. */
export async function traced(cdp: CDPSession, run: () => Promise<unknown>, categories: string[]): Promise<TraceEvent[]> {
  const stop = await startTrace(cdp, categories);
  await run();
  return stop();
}

export const isContentScriptUrl = (url: string) => url.endsWith(`/${INLINE_HINTS_FILE}`);

/**
 * A main-thread task of 50 ms or more, with the content script's outermost calls in it: their time less the style
 * and layout they forced (`extensionMs`), and that style and layout (`forcedMs`), which the page had made necessary
 * and its next frame would otherwise have done.
 */
export interface TracedLongTask {
  task: TraceEvent;
  calls: TraceEvent[];
  extensionMs: number;
  forcedMs: number;
  /** The same in the main thread's CPU time: the task's, and the extension's calls' less what they forced. */
  cpuMs: number;
  extensionCpuMs: number;
  /** Garbage collection inside the extension's calls (V8's MajorGC and MinorGC, CPU time): the whole renderer's heap, collected when an allocation of its happened to need room. */
  gcInExtensionCpuMs: number;
}

/** Whether a trace event lies within another (a call within a task, a layout within a call). */
export const within = (outer: TraceEvent) => (e: TraceEvent) => e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + (outer.dur ?? 0);

/** The main-thread tasks of 50 ms or more in a trace (categories toplevel and devtools.timeline at least). */
export function tracedLongTasks(events: readonly TraceEvent[]): TracedLongTask[] {
  const main = mainThreadOf(events);
  const spans = events.filter((e) => e.tid === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const runTask = spans.some((e) => e.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const ours = spans.filter((e) => e.name === 'FunctionCall' && isContentScriptUrl(String(e.args.data?.url ?? '')));
  const styleAndLayout = spans.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree');
  const gc = spans.filter((e) => e.name === 'MajorGC' || e.name === 'MinorGC');
  const total = (list: TraceEvent[], of: 'dur' | 'tdur' = 'dur') => list.reduce((a, e) => a + (e[of] ?? e.dur ?? 0), 0) / 1000;
  return spans
    .filter((e) => e.name === runTask && (e.dur ?? 0) >= 50_000)
    .map((task) => {
      const inside = ours.filter(within(task));
      const calls = inside.filter((c) => !inside.some((o) => o !== c && o.ts <= c.ts && o.ts + (o.dur ?? 0) >= c.ts + (c.dur ?? 0)));
      const forced = calls.flatMap((c) => styleAndLayout.filter(within(c)));
      const forcedMs = total(forced);
      return {
        task,
        calls,
        extensionMs: total(calls) - forcedMs,
        forcedMs,
        cpuMs: total([task], 'tdur'),
        extensionCpuMs: total(calls, 'tdur') - total(forced, 'tdur'),
        gcInExtensionCpuMs: total(calls.flatMap((c) => gc.filter(within(c))), 'tdur'),
      };
    });
}

/**
 * Whether the extension made a task long: its own script in it took 50 ms or more, or without it the task would
 * have stayed under 50 ms. (A page frame of 300 ms with 2 ms of the extension in it is the page's; so is a layout of
 * the page's changes that a badge measurement forced before the frame.)
 */
export const madeLongByExtension = (t: TracedLongTask) => t.extensionMs >= 50 || (t.task.dur ?? 0) / 1000 - t.extensionMs < 50;

/**
 * The same judged on the main thread's CPU time: a task is long if the thread ran 50 ms or more in it, and the
 * extension made it long if its calls ran 50 ms or more or the rest ran under 50. On two cores shared by two browsers
 * and the bench, the OS also takes the thread away mid-task (wall time far above CPU time); that wait is the
 * machine's, whoever's code was on the stack.
 */
export const madeLongByExtensionOnCpu = (t: TracedLongTask) => t.cpuMs >= 50 && (t.extensionCpuMs >= 50 || t.cpuMs - t.extensionCpuMs < 50);

/** The page's main thread in a trace: the one that lays it out. */
export const mainThreadOf = (events: readonly TraceEvent[]) => events.find((e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout')?.tid;

// ---- statistics ------------------------------------------------------------------------------------------------

export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
export const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);
export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
export const mb = (n: number) => `${round(n / 1024 / 1024, 2)} MB`;

/** The least-squares slope of y over x (NaN for fewer than two distinct x). */
export function slope(points: readonly { x: number; y: number }[]): number {
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx ? points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx : NaN;
}

/** Long tasks that ran the extension: a badge was written inside the task (badges are only written by it). */
export function extensionTasks(longtasks: readonly LongTask[], badgeTimes: readonly number[]): LongTask[] {
  const times = [...badgeTimes].sort((a, b) => a - b);
  return longtasks.filter((t) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] < t.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < times.length && times[lo] <= t.start + t.duration;
  });
}

export interface LongTask {
  start: number;
  duration: number;
  name: string;
}

/** What the probe (bench/pages/probe.js) collected in the page. */
export interface ProbeData {
  longtasks: LongTask[];
  lcp: number;
  badgeCount: number;
  lastBadgeAt: number;
  badgeTimes: number[];
  keys: { role: string; key: string; dispatch: number }[];
  completions: { code: string; keydown: number; input: number; badge: number; frame: number }[];
}

export async function probe(page: Page): Promise<ProbeData> {
  // A string, not a function: tsx may wrap functions in helpers that do not exist in the page.
  return (await page.evaluate('JSON.parse(JSON.stringify(window.__bench))')) as ProbeData;
}
