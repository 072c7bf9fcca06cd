/**
 * Issue 5 on the 300-line claim page (2,700 controls): keystroke-to-badge latency, main-thread time per keystroke,
 * page-load cost, long tasks and heap, with the extension against the same page without it. Both browsers stay
 * open and take turns (never both busy), so slow drift of the machine falls on both alike.
 */
import type { Page } from '@playwright/test';
import { CARD_REST_MS } from '../lib/inline/controller';
import type { PageServer } from '../tests/support/server';
import type { Line } from './pages/generate';
import {
  type Browser,
  type Counters,
  counters,
  extensionTasks,
  launch,
  type LongTask,
  mainThreadOf,
  mean,
  median,
  metrics,
  openPage,
  probe,
  quantile,
  sleep,
  traced,
} from './lib';

export interface InlineOptions {
  server: PageServer;
  extensionDir: string;
  lines: readonly Line[];
  quick: boolean;
  log(message: string): void;
}

/** After the load event, both runs wait this long before the load is counted done (the inline hints are injected after the load event, then scan in idle time). */
const SETTLE_MS = 2500;
/** Pause between keys: a fast typist, and long enough for frames to run between keys. */
export const KEY_DELAY_MS = 30;

interface LoadRun {
  layouts: number;
  dcl: number;
  load: number;
  lcp: number;
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  longtasks: LongTask[];
  extensionLongtasks: LongTask[];
  badges: number;
  badgesReadyAt: number;
}

interface TypingRun {
  keys: { role: string; dispatch: number }[];
  latencies: { badge: number; frame: number; fromInput: number }[];
  missing: number;
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  layouts: number;
  longtasks: LongTask[];
  extensionLongtasks: LongTask[];
  after: Counters;
}

/** Pausing on code fields: each field's card opened and closed, with the main-thread time it took. */
interface CardRun {
  fields: number;
  opened: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

/** Frame work per key from a trace (counts do not vary with the machine's speed as durations do). */
interface FrameCounts {
  keys: number;
  paints: number;
  layerizes: number;
  layouts: number;
  paintMs: number;
}

const PAGE = 'claim-300.html';

async function navigate(page: Page, url: string, expectBadges: number | null): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await sleep(SETTLE_MS);
  if (expectBadges !== null)
    await page.waitForFunction(`window.__bench.badgeCount >= ${expectBadges}`, undefined, { timeout: 15_000, polling: 100 }).catch(() => undefined);
}

async function loadRun(b: Browser, o: InlineOptions): Promise<LoadRun> {
  const { page, cdp } = await openPage(b);
  const m0 = await metrics(cdp);
  await navigate(page, o.server.url(PAGE), b.label === 'with' ? codeCount(o.lines) : null);
  const m1 = await metrics(cdp);
  const data = await probe(page);
  const nav = (await page.evaluate(
    'JSON.parse(JSON.stringify(performance.getEntriesByType("navigation")[0]))',
  )) as { domContentLoadedEventEnd: number; loadEventEnd: number };
  await page.close();
  return {
    dcl: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    lcp: data.lcp,
    ...durations(m0, m1),
    longtasks: data.longtasks,
    extensionLongtasks: extensionTasks(data.longtasks, data.badgeTimes),
    badges: data.badgeCount,
    badgesReadyAt: data.lastBadgeAt,
  };
}

const durations = (m0: Record<string, number>, m1: Record<string, number>) => ({
  taskMs: (m1.TaskDuration - m0.TaskDuration) * 1000,
  scriptMs: (m1.ScriptDuration - m0.ScriptDuration) * 1000,
  layoutMs: (m1.LayoutDuration - m0.LayoutDuration) * 1000,
  styleMs: (m1.RecalcStyleDuration - m0.RecalcStyleDuration) * 1000,
  layouts: m1.LayoutCount - m0.LayoutCount,
});

const codeCount = (lines: readonly Line[]) => lines.filter((l) => l.code).length;

/** The lines typed into: evenly spread over the table. */
export function sampleLines(lines: readonly Line[], samples: number): Line[] {
  return Array.from({ length: samples }, (_, k) => lines[Math.floor(((k + 0.5) * lines.length) / samples)]);
}

/** Retypes a field the way a person corrects it: select all, delete, type. */
async function retype(page: Page, name: string, value: string) {
  await page.locator(`[name="${name}"]`).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value, { delay: KEY_DELAY_MS });
}

/**
 * Retypes each line's code, which completes on its last key (the badge for it must follow), then its tooth (or
 * quantity), whose every key re-reads the line and re-checks the claim. The number of keys pressed.
 */
export async function typeSamples(page: Page, samples: readonly Line[]): Promise<number> {
  let keys = 0;
  for (const line of samples) {
    const [role, value] = line.tooth ? ['tooth', line.tooth] : ['qty', line.qty];
    await retype(page, `line[${line.n}][code]`, line.code);
    await retype(page, `line[${line.n}][${role}]`, value);
    keys += 4 + line.code.length + value.length;
  }
  return keys;
}

async function typingRun(b: Browser, o: InlineOptions, samples: readonly Line[]): Promise<TypingRun> {
  const { page, cdp } = await openPage(b);
  await navigate(page, o.server.url(PAGE), b.label === 'with' ? codeCount(o.lines) : null);
  const before = await probe(page);
  await page.evaluate('window.__bench.tracking = true');
  const m0 = await metrics(cdp);
  await typeSamples(page, samples);
  await sleep(1000);
  await page.evaluate('window.__bench.tracking = false');
  const m1 = await metrics(cdp);
  const data = await probe(page);
  const after = await counters(cdp);
  await page.close();
  const typingTasks = data.longtasks.slice(before.longtasks.length);
  const badgeTimes = data.badgeTimes;
  return {
    keys: data.keys,
    latencies: data.completions
      .filter((c) => c.badge > 0)
      .map((c) => ({ badge: c.badge - c.keydown, frame: (c.frame || c.badge) - c.keydown, fromInput: c.badge - c.input })),
    missing: data.completions.filter((c) => !c.badge).length,
    ...durations(m0, m1),
    longtasks: typingTasks,
    extensionLongtasks: extensionTasks(typingTasks, badgeTimes),
    after,
  };
}

/**
 * A card opens once its field has been still for CARD_REST_MS, so the typing runs, which never pause, draw none.
 * Here each sampled line's code field is focused and left still past that and the card's placement, then the line's
 * next field takes focus (which closes the card): the main-thread time of each card opened and closed, against the
 * same focus moves without the extension.
 */
const CARD_PAUSE_MS = CARD_REST_MS + 400;
async function cardRun(b: Browser, o: InlineOptions, samples: readonly Line[]): Promise<CardRun> {
  const { page, cdp } = await openPage(b);
  await navigate(page, o.server.url(PAGE), b.label === 'with' ? codeCount(o.lines) : null);
  const m0 = await metrics(cdp);
  let opened = 0;
  for (const line of samples) {
    await page.locator(`[name="line[${line.n}][code]"]`).focus();
    await sleep(CARD_PAUSE_MS);
    if (await page.evaluate(`!!document.querySelector('cdt-lens-card[data-code="${line.code}"]')`)) opened++;
    await page.locator(`[name="line[${line.n}][${line.tooth ? 'tooth' : 'qty'}]"]`).focus();
    await sleep(200);
  }
  const m1 = await metrics(cdp);
  await page.close();
  const { scriptMs, layoutMs, styleMs } = durations(m0, m1);
  return { fields: samples.length, opened, scriptMs, layoutMs, styleMs };
}

/** Typing into a few lines under a trace: how many paints, layerizations and layouts each key costs the page. */
async function tracedTyping(b: Browser, o: InlineOptions, samples: readonly Line[]): Promise<FrameCounts> {
  const { page, cdp } = await openPage(b);
  await navigate(page, o.server.url(PAGE), b.label === 'with' ? codeCount(o.lines) : null);
  let keys = 0;
  const events = await traced(
    cdp,
    async () => {
      keys = await typeSamples(page, samples);
      await sleep(1000);
    },
    ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
  );
  await page.close();
  const main = mainThreadOf(events);
  const on = (name: string) => events.filter((e) => e.tid === main && e.ph === 'X' && e.name === name);
  return {
    keys,
    paints: on('Paint').length / keys,
    layerizes: on('Layerize').length / keys,
    layouts: on('Layout').length / keys,
    paintMs: on('Paint').reduce((a, e) => a + (e.dur ?? 0), 0) / 1000 / keys,
  };
}

/**
 * The extension's own main-thread work before the page's load event, from a trace: Chrome's injection of its
 * content scripts there (the loader, with the isolated world it is evaluated in). Steadier than the load event itself,
 * which varies by a tenth from load to load here.
 */
async function tracedLoad(b: Browser, o: InlineOptions): Promise<number> {
  const { page, cdp } = await openPage(b);
  const events = await traced(cdp, () => navigate(page, o.server.url(PAGE), null), ['devtools.timeline', 'extensions']);
  await page.close();
  const main = mainThreadOf(events);
  const load = events.find((e) => e.tid === main && e.name === 'MarkLoad')?.ts ?? Infinity;
  return events
    .filter((e) => e.tid === main && e.ph === 'X' && e.name === 'ScriptInjection::InjectJs' && e.ts < load)
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
}

export interface InlineResult {
  samples: number;
  repetitions: { load: number; typing: number };
  latency: { p50: number; p95: number; max: number; frameP50: number; frameP95: number; fromInputP95: number; count: number; missing: number };
  /** Cards opened on paused fields (cardRun): main-thread time per card, with minus without. */
  card: { fields: number; opened: number; addedScript: number; addedLayoutStyle: number };
  keystroke: {
    keystrokes: number;
    taskPerKeyWith: number;
    taskPerKeyWithout: number;
    addedTaskPerKey: number;
    addedScriptPerKey: number;
    addedLayoutStylePerKey: number;
    layoutsPerKeyWith: number;
    layoutsPerKeyWithout: number;
    dispatchAddedP50: number;
    dispatchAddedP95: number;
    dispatchAddedMean: number;
    byRole: Record<string, { keys: number; withP50: number; withP95: number; withoutP50: number }>;
    /** From a traced typing run each (full runs only). */
    frames: { with: FrameCounts; without: FrameCounts } | null;
  };
  load: {
    dclWith: number;
    dclWithout: number;
    loadWith: number;
    loadWithout: number;
    lcpWith: number;
    lcpWithout: number;
    addedLoadEvent: number;
    /** Median of with-minus-without over the loads taken in turn, pair by pair. */
    pairedAddedLoadEvent: number;
    /** Traced: the extension's content-script injection before the load event (tracedLoad). */
    injectionBeforeLoad: number;
    injectionLoads: number;
    addedTaskToIdle: number;
    addedScriptToIdle: number;
    addedLayoutStyleToIdle: number;
    taskWith: number;
    taskWithout: number;
    badgesReadyAt: number;
    badges: number;
    layoutsWith: number;
    layoutsWithout: number;
  };
  longtasks: {
    loadWith: number;
    loadWithout: number;
    loadExtension: number;
    loadExtensionMaxMs: number;
    typingWith: number;
    typingWithout: number;
    typingExtension: number;
    typingExtensionMaxMs: number;
  };
  heap: { with: Counters; without: Counters; addedBytes: number; addedNodes: number; addedListeners: number };
}

export async function benchInline(o: InlineOptions): Promise<InlineResult> {
  // The page's own load and frames vary by a quarter from run to run on a small machine: medians of several.
  const loadReps = o.quick ? 3 : 8;
  const typingReps = o.quick ? 1 : 3;
  const samples = sampleLines(o.lines, o.quick ? 12 : 40);
  const without = await launch(false, o.extensionDir);
  const withExt = await launch(true, o.extensionDir);
  const loads: Record<'with' | 'without', LoadRun[]> = { with: [], without: [] };
  const typings: Record<'with' | 'without', TypingRun[]> = { with: [], without: [] };
  let frames: { with: FrameCounts; without: FrameCounts } | null = null;
  const cards: Partial<Record<'with' | 'without', CardRun>> = {};
  const injection: number[] = [];
  try {
    // One unmeasured load each first: the first page of a fresh profile compiles and caches everything.
    for (const b of [without, withExt]) await loadRun(b, o);
    for (let i = 0; i < loadReps; i++)
      for (const b of i % 2 ? [withExt, without] : [without, withExt]) {
        const r = await loadRun(b, o);
        loads[b.label].push(r);
        o.log(`  load ${b.label.padEnd(7)} #${i + 1}: task ${r.taskMs.toFixed(1)} ms, load event ${r.load.toFixed(0)} ms, badges ${r.badges}${r.badges ? ` at ${r.badgesReadyAt.toFixed(0)} ms` : ''}, long tasks ${r.longtasks.length}`);
      }
    for (let i = 0; i < (o.quick ? 2 : 4); i++) injection.push(await tracedLoad(withExt, o));
    o.log(`  traced loads with: content-script injection before the load event ${injection.map((t) => t.toFixed(1)).join(', ')} ms`);
    for (let i = 0; i < typingReps; i++)
      for (const b of i % 2 ? [withExt, without] : [without, withExt]) {
        const r = await typingRun(b, o, samples);
        typings[b.label].push(r);
        o.log(`  typing ${b.label.padEnd(7)} #${i + 1}: ${r.keys.length} keys, task ${r.taskMs.toFixed(0)} ms, ${r.latencies.length} badges timed, ${r.missing} missing`);
      }
    for (const b of [without, withExt]) cards[b.label] = await cardRun(b, o, sampleLines(o.lines, o.quick ? 6 : 12));
    o.log(`  cards on paused fields: ${cards.with!.opened} of ${cards.with!.fields} opened`);
    if (!o.quick) {
      const few = sampleLines(o.lines, 8);
      frames = { without: await tracedTyping(without, o, few), with: await tracedTyping(withExt, o, few) };
      for (const side of ['without', 'with'] as const)
        o.log(`  traced typing ${side.padEnd(7)}: per key ${frames[side].paints.toFixed(2)} paints (${frames[side].paintMs.toFixed(1)} ms), ${frames[side].layerizes.toFixed(2)} layerizations, ${frames[side].layouts.toFixed(2)} layouts`);
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  return summarize(loads, typings, samples.length, { load: loadReps, typing: typingReps }, frames, injection, cards as Record<'with' | 'without', CardRun>);
}

function summarize(
  loads: Record<'with' | 'without', LoadRun[]>,
  typings: Record<'with' | 'without', TypingRun[]>,
  samples: number,
  repetitions: { load: number; typing: number },
  frames: InlineResult['keystroke']['frames'],
  injection: readonly number[],
  cards: Record<'with' | 'without', CardRun>,
): InlineResult {
  const med = (runs: LoadRun[] | TypingRun[], f: (r: never) => number) => median((runs as never[]).map(f));
  const L = (side: 'with' | 'without', f: (r: LoadRun) => number) => med(loads[side], f as never);
  const T = (side: 'with' | 'without', f: (r: TypingRun) => number) => med(typings[side], f as never);

  const lat = typings.with.flatMap((r) => r.latencies);
  const keysPerRun = median(typings.with.map((r) => r.keys.length));
  const perKey = (side: 'with' | 'without', f: (r: TypingRun) => number) => T(side, (r) => f(r) / r.keys.length);

  // Synchronous dispatch: each keystroke of a run against the same keystroke of the run without.
  const dispatchWith = typings.with.flatMap((r) => r.keys.map((k) => k.dispatch));
  const dispatchWithout = typings.without.flatMap((r) => r.keys.map((k) => k.dispatch));
  const roles = new Set(typings.with.flatMap((r) => r.keys.map((k) => k.role)));
  const byRole: InlineResult['keystroke']['byRole'] = {};
  for (const role of roles) {
    const w = typings.with.flatMap((r) => r.keys.filter((k) => k.role === role).map((k) => k.dispatch));
    const wo = typings.without.flatMap((r) => r.keys.filter((k) => k.role === role).map((k) => k.dispatch));
    byRole[role] = { keys: w.length, withP50: quantile(w, 0.5), withP95: quantile(w, 0.95), withoutP50: quantile(wo, 0.5) };
  }

  const heapWith = typings.with.map((r) => r.after);
  const heapWithout = typings.without.map((r) => r.after);
  const medCounters = (list: Counters[]): Counters => {
    const keys = Object.keys(list[0]).filter((k) => typeof list[0][k as keyof Counters] === 'number') as (keyof Counters)[];
    return Object.fromEntries(keys.map((k) => [k, median(list.map((c) => Number(c[k])))])) as unknown as Counters;
  };
  const hw = medCounters(heapWith);
  const hwo = medCounters(heapWithout);

  const maxOf = (tasks: LongTask[]) => tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  const loadExt = loads.with.flatMap((r) => r.extensionLongtasks);
  const typingExt = typings.with.flatMap((r) => r.extensionLongtasks);

  return {
    samples,
    repetitions,
    latency: {
      p50: quantile(lat.map((l) => l.badge), 0.5),
      p95: quantile(lat.map((l) => l.badge), 0.95),
      max: Math.max(...lat.map((l) => l.badge)),
      frameP50: quantile(lat.map((l) => l.frame), 0.5),
      frameP95: quantile(lat.map((l) => l.frame), 0.95),
      fromInputP95: quantile(lat.map((l) => l.fromInput), 0.95),
      count: lat.length,
      missing: typings.with.reduce((n, r) => n + r.missing, 0),
    },
    card: {
      fields: cards.with.fields,
      opened: cards.with.opened,
      addedScript: (cards.with.scriptMs - cards.without.scriptMs) / cards.with.fields,
      addedLayoutStyle: (cards.with.layoutMs + cards.with.styleMs - cards.without.layoutMs - cards.without.styleMs) / cards.with.fields,
    },
    keystroke: {
      keystrokes: keysPerRun,
      taskPerKeyWith: perKey('with', (r) => r.taskMs),
      taskPerKeyWithout: perKey('without', (r) => r.taskMs),
      addedTaskPerKey: perKey('with', (r) => r.taskMs) - perKey('without', (r) => r.taskMs),
      addedScriptPerKey: perKey('with', (r) => r.scriptMs) - perKey('without', (r) => r.scriptMs),
      addedLayoutStylePerKey: perKey('with', (r) => r.layoutMs + r.styleMs) - perKey('without', (r) => r.layoutMs + r.styleMs),
      layoutsPerKeyWith: perKey('with', (r) => r.layouts),
      layoutsPerKeyWithout: perKey('without', (r) => r.layouts),
      dispatchAddedP50: quantile(dispatchWith, 0.5) - quantile(dispatchWithout, 0.5),
      dispatchAddedP95: quantile(dispatchWith, 0.95) - quantile(dispatchWithout, 0.95),
      dispatchAddedMean: mean(dispatchWith) - mean(dispatchWithout),
      byRole,
      frames,
    },
    load: {
      dclWith: L('with', (r) => r.dcl),
      dclWithout: L('without', (r) => r.dcl),
      loadWith: L('with', (r) => r.load),
      loadWithout: L('without', (r) => r.load),
      lcpWith: L('with', (r) => r.lcp),
      lcpWithout: L('without', (r) => r.lcp),
      addedLoadEvent: L('with', (r) => r.load) - L('without', (r) => r.load),
      pairedAddedLoadEvent: median(loads.with.map((r, i) => r.load - loads.without[i].load)),
      injectionBeforeLoad: median(injection),
      injectionLoads: injection.length,
      addedTaskToIdle: L('with', (r) => r.taskMs) - L('without', (r) => r.taskMs),
      addedScriptToIdle: L('with', (r) => r.scriptMs) - L('without', (r) => r.scriptMs),
      addedLayoutStyleToIdle: L('with', (r) => r.layoutMs + r.styleMs) - L('without', (r) => r.layoutMs + r.styleMs),
      taskWith: L('with', (r) => r.taskMs),
      taskWithout: L('without', (r) => r.taskMs),
      badgesReadyAt: L('with', (r) => r.badgesReadyAt),
      badges: L('with', (r) => r.badges),
      layoutsWith: L('with', (r) => r.layouts),
      layoutsWithout: L('without', (r) => r.layouts),
    },
    longtasks: {
      loadWith: median(loads.with.map((r) => r.longtasks.length)),
      loadWithout: median(loads.without.map((r) => r.longtasks.length)),
      loadExtension: median(loads.with.map((r) => r.extensionLongtasks.length)),
      loadExtensionMaxMs: maxOf(loadExt),
      typingWith: median(typings.with.map((r) => r.longtasks.length)),
      typingWithout: median(typings.without.map((r) => r.longtasks.length)),
      typingExtension: median(typings.with.map((r) => r.extensionLongtasks.length)),
      typingExtensionMaxMs: maxOf(typingExt),
    },
    heap: {
      with: hw,
      without: hwo,
      addedBytes: hw.jsHeapUsed - hwo.jsHeapUsed,
      addedNodes: hw.nodes - hwo.nodes,
      addedListeners: hw.jsEventListeners - hwo.jsEventListeners,
    },
  };
}

