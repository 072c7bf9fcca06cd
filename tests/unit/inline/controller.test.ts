// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalog, ruleTables } from '../../../lib/catalog';
import type { InlineCardModel } from '../../../components/card/card-view';
import type { FullCode } from '../../../lib/catalog/cards';
import { type CardPresenter, type InlineHintsOptions, startInlineHints } from '../../../lib/inline/controller';
import { readClaims, toClaim } from '../../../lib/page/claim-reader';
import { forgetFieldRoles } from '../../../lib/page/field-roles';
import { checkClaim, worstSeverity } from '../../../lib/rules/engine';
import { DEFAULT_PAYER } from '../rules/helpers';

const TODAY = '2026-06-15';
const context = () => ({ catalog, tables: ruleTables(), payer: DEFAULT_PAYER });
const PROCEDURES = [
  { code: 'D0120' },
  { code: 'D1110' },
  { code: 'D2391', tooth: '30', surface: 'O' },
  { code: 'D2392', tooth: '19', surface: 'MODB' },
  { code: 'D2740', tooth: '8' },
  { code: 'D2740' },
  { code: 'D7140', tooth: '1' },
  { code: 'D9999' },
  { code: '' },
];
type Procedure = (typeof PROCEDURES)[number];

const cells = (p: Procedure) =>
  `<td><input data-f="date" value="06/01/2026"></td><td><input data-f="tooth" value="${p.tooth ?? ''}"></td>` +
  `<td><input data-f="surface" value="${p.surface ?? ''}"></td><td><input data-f="code" value="${p.code}"></td><td><input data-f="fee"></td>`;

function claimTable(procedures: Procedure[]) {
  document.body.innerHTML = `<form><label>Patient birth date <input value="2001-02-03"></label><table>
    <thead><tr><th>Date of service</th><th>Tooth</th><th>Surface</th><th>Procedure code</th><th>Fee</th></tr></thead>
    <tbody>${procedures.map((p) => `<tr>${cells(p)}</tr>`).join('')}</tbody></table></form>`;
  return document.querySelector('tbody')!;
}

function start(more: Partial<InlineHintsOptions> = {}) {
  const stop = new AbortController();
  const hints = startInlineHints(document, {
    signal: stop.signal,
    today: () => TODAY,
    context,
    payerExtras: () => ({ payerName: 'Default' }),
    loadCard: async () => null,
    codeStatus: (code) => catalog.lookupCode(code, TODAY).status,
    ...more,
  });
  stops.push(stop);
  return hints;
}
const stops: AbortController[] = [];

/** What each code control's badge should say, from a fresh read and check of the whole page (with these settings). */
function expected(ctx = context()) {
  const out: string[] = [];
  for (const claim of readClaims(document)) {
    const all = checkClaim(toClaim(claim, TODAY), ctx);
    for (const line of claim.lines) {
      if (!line.raw.code) continue;
      const mine = all.filter((f) => f.lineIds.includes(line.id));
      out.push(`${line.raw.code} ${worstSeverity(mine)} [${[...new Set(mine.map((f) => f.ruleId))].sort().join(' ')}]`);
    }
  }
  return out;
}

/** What the badges say, in the page's order of their controls. */
function shown(hints: ReturnType<typeof start>) {
  const controls = [...document.querySelectorAll('[data-f="code"]')];
  return controls
    .filter((c) => hints.badges.has(c))
    .map((c) => {
      const { code, severity, rules } = hints.badges.get(c)!.host.dataset;
      return `${code} ${severity} [${rules}]`;
    });
}

const rowsOf = (tbody: Element) => [...tbody.querySelectorAll(':scope > tr')];

const type = (el: Element, value: string) => {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

afterEach(() => {
  for (const stop of stops.splice(0)) stop.abort();
  document.body.innerHTML = '';
  forgetFieldRoles();
});

describe('inline hints follow the page line by line', () => {
  it('badges every code of a pre-filled claim, as a fresh check of the whole claim says', async () => {
    claimTable(PROCEDURES);
    const hints = start();
    await vi.waitFor(() => expect(shown(hints)).toEqual(expected()));
    expect(shown(hints)).toHaveLength(PROCEDURES.filter((p) => p.code).length);
  });

  it('keeps the badges right through rows re-rendered, added and removed, and values typed or set by script', async () => {
    type Op = { kind: 'rerender' | 'add' | 'fill' | 'remove' | 'type' | 'attribute' | 'birth'; row: number; procedure: number };
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('rerender', 'add', 'fill', 'remove', 'type', 'attribute', 'birth'),
      row: fc.nat(40),
      procedure: fc.nat(PROCEDURES.length - 1),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const tbody = claimTable(PROCEDURES.slice(0, 6));
        const hints = start();
        await vi.waitFor(() => expect(shown(hints)).toEqual(expected()));
        for (const { kind, row, procedure } of ops) {
          const rows = rowsOf(tbody);
          const tr = rows[row % Math.max(1, rows.length)];
          const p = PROCEDURES[procedure];
          const fresh = document.createElement('tr');
          fresh.innerHTML = cells(p);
          if (kind === 'add' || !tr) tbody.insertBefore(fresh, tr ?? null);
          else if (kind === 'fill') {
            // A row added and its code set by script at once, before CDT Lens has seen the row.
            tbody.insertBefore(fresh, tr);
            type(fresh.querySelector('[data-f="code"]')!, PROCEDURES[(procedure + 1) % PROCEDURES.length].code);
          } else if (kind === 'birth') type(document.querySelector('label input')!, procedure % 2 ? '2001-02-03' : '2020-02-03');
          else if (kind === 'rerender') tr.replaceWith(fresh);
          else if (kind === 'remove') tr.remove();
          else if (kind === 'type') type(tr.querySelector('[data-f="code"]')!, p.code);
          else tr.querySelector('[data-f="code"]')!.setAttribute('value', p.code);
          // Half the time the page changes again before CDT Lens catches up.
          if (procedure % 2) await new Promise((r) => setTimeout(r, 80));
        }
        await vi.waitFor(() => expect(shown(hints)).toEqual(expected()));
        // Nothing is kept for controls the page removed (a retained control keeps its whole detached row alive).
        await new Promise((r) => setTimeout(r, 100));
        expect([...hints.badges.keys()].filter((c) => !c.isConnected)).toEqual([]);
        expect(hints.knownLines().filter((l) => !l.row.isConnected)).toEqual([]);
        for (const stop of stops.splice(0)) stop.abort();
      }),
      { numRuns: 25 },
    );
  });

  it('finds values a script sets with no event, at the next sweep, every time', async () => {
    claimTable(PROCEDURES.slice(0, 3));
    const hints = start();
    await vi.waitFor(() => expect(shown(hints)).toEqual(expected()));
    const code = document.querySelectorAll<HTMLInputElement>('[data-f="code"]')[1];
    for (const value of ['D2740', 'D0120']) {
      // A sweep goes by first and finds the line as it was: the next one must still see the change.
      await new Promise((r) => setTimeout(r, 3500));
      code.value = value;
      await vi.waitFor(() => expect(shown(hints)[1]).toMatch(new RegExp(`^${value} `)), { timeout: 8000, interval: 100 });
      expect(shown(hints)).toEqual(expected());
    }
  }, 30_000);

  it('finds a value a script puts back, with no event, to what the last sweep saw after a typed change', async () => {
    claimTable(PROCEDURES.slice(0, 3));
    const hints = start();
    await vi.waitFor(() => expect(shown(hints)).toEqual(expected()));
    const code = document.querySelectorAll<HTMLInputElement>('[data-f="code"]')[1];
    const before = code.value;
    await new Promise((r) => setTimeout(r, 3500));
    type(code, 'D2740');
    await vi.waitFor(() => expect(shown(hints)[1]).toMatch(/^D2740 /));
    // The page's own undo: the old value back, no event.
    code.value = before;
    await vi.waitFor(() => expect(shown(hints)[1]).toMatch(new RegExp(`^${before} `)), { timeout: 8000, interval: 100 });
    expect(shown(hints)).toEqual(expected());
  }, 30_000);

  it('reads a big claim in slices, and keeps what the page did meanwhile', async () => {
    // Idle periods run by hand, each with no time left and a clock that runs fast: every slice does one step.
    const queue: IdleRequestCallback[] = [];
    const slice = () => queue.splice(0).forEach((fn) => fn({ didTimeout: false, timeRemaining: () => 0 }));
    vi.stubGlobal('requestIdleCallback', (fn: IdleRequestCallback) => queue.push(fn));
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
    try {
      const tbody = claimTable(Array.from({ length: 120 }, (_, i) => PROCEDURES[i % 6]));
      const hints = start();
      // Part-way through the read, which is not known yet, the page types, sets values, adds and removes rows: a
      // little after each slice, so some of it lands after the read passed those rows.
      let slices = 0;
      for (; slices < 10_000; slices++) {
        slice();
        // Now and then long enough for the page's changes to be noticed (and set aside) during the read.
        await new Promise((r) => setTimeout(r, slices % 3 ? 0 : 60));
        if (hints.badges.size) break;
        const rows = rowsOf(tbody);
        const p = PROCEDURES[slices % 8];
        type(rows[(slices * 7) % rows.length].querySelector('[data-f="code"]')!, p.code);
        if (slices % 4 === 1) rows[(slices * 13) % rows.length].querySelector('[data-f="tooth"]')!.setAttribute('value', '33');
        if (slices % 5 === 2) rows[(slices * 11) % rows.length].remove();
        if (slices % 5 === 4) {
          const fresh = document.createElement('tr');
          fresh.innerHTML = cells(p);
          tbody.prepend(fresh);
        }
      }
      expect(slices).toBeGreaterThan(10);
      // One step a slice, a slice each time the condition is looked at: the catching up takes a few dozen.
      await vi.waitFor(
        () => {
          slice();
          expect(shown(hints)).toEqual(expected());
        },
        { timeout: 10_000 },
      );
      expect([...hints.badges.keys()].filter((c) => !c.isConnected)).toEqual([]);
      expect(hints.knownLines().filter((l) => !l.row.isConnected)).toEqual([]);
    } finally {
      now.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('reads again what the page changed during a whole read a few controls a step, not all in one', async () => {
    // One step a slice (as above): how many changed lines become known between two slices is what one step did.
    const queue: IdleRequestCallback[] = [];
    const slice = async () => {
      queue.splice(0).forEach((fn) => fn({ didTimeout: false, timeRemaining: () => 0 }));
      await new Promise((r) => setTimeout(r, 0));
    };
    vi.stubGlobal('requestIdleCallback', (fn: IdleRequestCallback) => queue.push(fn));
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
    const page = () => rowsOf(claimTable(Array.from({ length: 120 }, (_, i) => PROCEDURES[i % 6])));
    try {
      // A dry run: how many slices the read takes until it is known (the same every time).
      page();
      const dry = start();
      let toKnown = 0;
      for (; !dry.knownLines().length && toKnown < 5000; toKnown++) await slice();
      stops.splice(0).forEach((s) => s.abort());
      queue.length = 0;
      forgetFieldRoles();

      const rows = page();
      const hints = start();
      for (let i = 0; i < toKnown - 1; i++) await slice();
      expect(hints.knownLines()).toEqual([]);
      // The read has all its values by now; the person types a tooth into each of 40 lines.
      for (const row of rows.slice(0, 40)) {
        const tooth = row.querySelector<HTMLInputElement>('[data-f="tooth"]')!;
        tooth.focus();
        type(tooth, '33');
      }
      const reread = () => hints.knownLines().filter((l) => l.raw.tooth === '33').length;
      let most = 0;
      for (let i = 0, before = 0; i < 2000 && reread() < 40; i++) {
        await slice();
        most = Math.max(most, reread() - before);
        before = reread();
      }
      expect(reread()).toBe(40);
      expect(most).toBeLessThanOrEqual(10);
      await vi.waitFor(async () => (await slice(), expect(shown(hints)).toEqual(expected())), { timeout: 10_000 });
    } finally {
      now.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('checks a big claim again in slices when the settings change, showing the last findings until then', async () => {
    const queue: IdleRequestCallback[] = [];
    const slice = () => queue.splice(0).forEach((fn) => fn({ didTimeout: false, timeRemaining: () => 0 }));
    let payer = DEFAULT_PAYER;
    const now = () => ({ catalog, tables: ruleTables(), payer });
    const tbody = claimTable(Array.from({ length: 300 }, (_, i) => PROCEDURES[i % 6]));
    const hints = start({ context: now });
    await vi.waitFor(() => expect(shown(hints)).toEqual(expected(now())), { timeout: 10_000 });
    const before = shown(hints);
    expect(before.some((b) => b.includes('tooth-required'))).toBe(true);

    vi.stubGlobal('requestIdleCallback', (fn: IdleRequestCallback) => queue.push(fn));
    let clock = 0;
    const clockSpy = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
    try {
      payer = { ...DEFAULT_PAYER, rules: { 'tooth-required': 'off' } };
      hints.refresh();
      // Nothing re-checked within the call: the badges still say what the old settings said.
      expect(shown(hints)).toEqual(before);
      // A code typed meanwhile is checked at once (with the settings its claim was last checked with).
      const typed = rowsOf(tbody)[4].querySelector<HTMLInputElement>('[data-f="code"]')!;
      typed.focus();
      type(typed, 'D2391');
      expect(shown(hints)[4]).toMatch(/^D2391 /);
      let slices = 0;
      for (; slices < 1000 && queue.length; slices++) {
        expect(shown(hints).filter((b) => b.includes('tooth-required')).length).toBeGreaterThan(0);
        slice();
        // Part-way, the patient's birth date is corrected: the claim is read again (with the old settings' checker).
        if (slices === 2) {
          const birthDate = document.querySelector<HTMLInputElement>('label input')!;
          birthDate.focus();
          type(birthDate, '2001-02-04');
          expect(hints.knownLines()).toHaveLength(300);
        }
      }
      expect(slices).toBeGreaterThan(5);
      expect(shown(hints)).toEqual(expected(now()));
      expect(shown(hints).some((b) => b.includes('tooth-required'))).toBe(false);
    } finally {
      clockSpy.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('draws the badges of a batch of re-rendered rows a few dozen a slice, and a key typed meanwhile leaves none stale', async () => {
    const queue: IdleRequestCallback[] = [];
    const slice = () => queue.splice(0).forEach((fn) => fn({ didTimeout: false, timeRemaining: () => 0 }));
    const tbody = claimTable(Array.from({ length: 300 }, (_, i) => PROCEDURES[i % 6]));
    const hints = start();
    await vi.waitFor(() => expect(shown(hints)).toEqual(expected()), { timeout: 10_000 });

    vi.stubGlobal('requestIdleCallback', (fn: IdleRequestCallback) => queue.push(fn));
    let clock = 0;
    const clockSpy = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
    try {
      // The page re-renders 150 rows with other values: 150 new code controls, each needing a badge.
      const fresh = rowsOf(tbody)
        .slice(0, 150)
        .map((row, i) => {
          const next = document.createElement('tr');
          next.innerHTML = cells(PROCEDURES[(i + 1) % 6]);
          row.replaceWith(next);
          return next.querySelector('[data-f="code"]')!;
        });
      const drawn = () => fresh.filter((c) => hints.badges.has(c)).length;
      let most = 0;
      let slices = 0;
      let typedBefore: Element | undefined;
      let typedPending: Element | undefined;
      for (; slices < 5000 && (queue.length || drawn() < 150); slices++) {
        // The batch starts once the page has been quiet for a moment (a timer, then idle time).
        if (!queue.length) await vi.waitFor(() => expect(queue.length).toBeGreaterThan(0));
        const had = drawn();
        slice();
        most = Math.max(most, drawn() - had);
        // Part-way through the drawing, codes are typed into a row already drawn and into one still waiting.
        if (!typedBefore && drawn() > 0 && drawn() < 100) {
          typedBefore = fresh.find((c) => hints.badges.has(c))!;
          typedPending = fresh.findLast((c) => !hints.badges.has(c))!;
          for (const [field, code] of [[typedBefore, 'D7140'], [typedPending, 'D2392']] as const) {
            (field as HTMLInputElement).focus();
            type(field, code);
          }
          expect(hints.badges.get(typedPending)?.host.dataset.code).toBe('D2392');
        }
      }
      expect(typedBefore).toBeDefined();
      expect(most).toBeLessThanOrEqual(30);
      expect(drawn()).toBe(150);
      expect(shown(hints)).toEqual(expected());
    } finally {
      clockSpy.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('re-reads a row whose code cell alone was re-rendered', async () => {
    const tbody = claimTable(PROCEDURES.slice(0, 4));
    const hints = start();
    await vi.waitFor(() => expect(shown(hints)).toHaveLength(4));
    const td = document.createElement('td');
    td.innerHTML = '<input data-f="code" value="D2392">';
    rowsOf(tbody)[2].querySelectorAll('td')[3].replaceWith(td);
    await vi.waitFor(() => expect(shown(hints)).toEqual(expected()));
    expect(shown(hints)[2]).toMatch(/^D2392 /);
  });

  it('reads a whole new form the page puts in place of the old one', async () => {
    claimTable(PROCEDURES.slice(0, 2));
    const hints = start();
    await vi.waitFor(() => expect(shown(hints)).toHaveLength(2));
    claimTable(PROCEDURES.slice(2, 5));
    await vi.waitFor(() => expect(shown(hints)).toEqual(expected()));
    expect(shown(hints)).toHaveLength(3);
  });
});

describe('watching badged controls for size', () => {
  it('observes at most 200 new controls between two frames, and every one in the end', async () => {
    // The browser's observer, recording what it is asked to observe (each control observed anew brings an entry to
    // its next callback, inside the page's frame); frames run by hand.
    const observed: Element[] = [];
    class RecordingResizeObserver {
      observe(el: Element) {
        observed.push(el);
      }
      unobserve() {}
      disconnect() {}
    }
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('ResizeObserver', RecordingResizeObserver);
    vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => frames.push(fn));
    try {
      claimTable(Array.from({ length: 500 }, (_, i) => PROCEDURES[i % 6]));
      const hints = start();
      await vi.waitFor(() => expect(hints.badges.size).toBe(500), { timeout: 10_000 });
      const controls = () => observed.filter((el) => hints.badges.has(el));
      expect(controls().length).toBeLessThanOrEqual(200);
      for (let frame = 0; frame < 20 && controls().length < hints.badges.size; frame++) {
        const before = controls().length;
        frames.splice(0).forEach((fn) => fn(0));
        await new Promise((r) => setTimeout(r, 10));
        expect(controls().length - before).toBeLessThanOrEqual(200);
      }
      expect(new Set(controls()).size).toBe(hints.badges.size);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the card beside a focused code field', () => {
  /** A card that records each drawing of it (what the content script's card presenter is asked to show). */
  function recordingCard() {
    const drawn: InlineCardModel['status'][] = [];
    let open = false;
    const card: CardPresenter = {
      get open() {
        return open;
      },
      show(_at, model) {
        open = true;
        drawn.push(model.status);
      },
      hide() {
        open = false;
      },
      contains: () => false,
      hovered: () => false,
      focus() {},
    };
    return { card, drawn };
  }
  const fullCard = { name: 'Periodic oral evaluation', card: { checklist: ['Findings charted'], confusedWith: [] } } as unknown as FullCode;

  async function focusFirstCode(hints: ReturnType<typeof start>) {
    const field = document.querySelector<HTMLInputElement>('[data-f="code"]')!;
    await vi.waitFor(() => expect(hints.badges.has(field)).toBe(true));
    field.focus();
  }

  it('is drawn once, complete, when the full card arrives at once', async () => {
    claimTable([{ code: 'D0120' }]);
    const { card, drawn } = recordingCard();
    const hints = start({ card, loadCard: async () => fullCard });
    await focusFirstCode(hints);
    await vi.waitFor(() => expect(drawn).toEqual(['ready']));
    await new Promise((ok) => setTimeout(ok, 300));
    expect(drawn).toEqual(['ready']);
  });

  it('says it is loading when the full card is slow to come, then shows it', async () => {
    claimTable([{ code: 'D0120' }]);
    const { card, drawn } = recordingCard();
    let arrive: (c: FullCode) => void = () => undefined;
    const hints = start({ card, loadCard: () => new Promise<FullCode>((ok) => (arrive = ok)) });
    await focusFirstCode(hints);
    expect(drawn).toEqual([]);
    await vi.waitFor(() => expect(drawn).toEqual(['loading']));
    arrive(fullCard);
    await vi.waitFor(() => expect(drawn).toEqual(['loading', 'ready']));
  });

  it('waits for its field to rest: typing a code and moving on at once draws no card, pausing draws one', async () => {
    claimTable([{ code: 'D0120', tooth: '' }, { code: 'D1110' }]);
    const { card, drawn } = recordingCard();
    const hints = start({ card, loadCard: async () => fullCard });
    await focusFirstCode(hints);
    const [code] = document.querySelectorAll<HTMLInputElement>('[data-f="code"]');
    const tooth = document.querySelector<HTMLInputElement>('[data-f="tooth"]')!;
    // Retyped the way a specialist corrects a line, a key every 30 ms, then on to the tooth.
    for (const value of ['', 'D', 'D0', 'D01', 'D012', 'D0120']) {
      type(code, value);
      await new Promise((ok) => setTimeout(ok, 30));
    }
    await vi.waitFor(() => expect(hints.badges.get(code)?.host.dataset.code).toBe('D0120'));
    tooth.focus();
    type(tooth, '3');
    await new Promise((ok) => setTimeout(ok, 500));
    expect(drawn).toEqual([]);
    code.focus();
    await vi.waitFor(() => expect(drawn).toEqual(['ready']));
    // Open, it follows its line at once.
    type(code, 'D1110');
    expect(drawn.length).toBeGreaterThan(1);
    await vi.waitFor(() => expect(drawn.at(-1)).toBe('ready'));
  });

  it('opens at once with the shortcut, and Escape while it waits keeps it closed', async () => {
    claimTable([{ code: 'D0120' }]);
    const { card, drawn } = recordingCard();
    const hints = start({ card, loadCard: async () => fullCard });
    await focusFirstCode(hints);
    const field = document.activeElement as HTMLInputElement;
    const key = (init: KeyboardEventInit) => field.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
    await new Promise((ok) => setTimeout(ok, 20));
    expect(drawn).toEqual([]);
    key({ key: 'L', altKey: true, shiftKey: true });
    expect(drawn).toEqual(['ready']);
    field.blur();
    await vi.waitFor(() => expect(card.open).toBe(false));
    field.focus();
    key({ key: 'Escape' });
    await new Promise((ok) => setTimeout(ok, 500));
    expect(drawn).toEqual(['ready']);
    expect(card.open).toBe(false);
  });

  it('is not drawn at all when the field loses focus before its card arrives', async () => {
    claimTable([{ code: 'D0120' }, { code: 'D1110' }]);
    const { card, drawn } = recordingCard();
    const hints = start({ card, loadCard: () => new Promise<FullCode>(() => undefined) });
    await focusFirstCode(hints);
    (document.activeElement as HTMLElement).blur();
    await new Promise((ok) => setTimeout(ok, 300));
    expect(drawn).toEqual([]);
  });
});
