import type { BrowserContext, Frame, Locator, Page } from '@playwright/test';
import { chromiumArgs, launchChromium } from '../../support/browser';
import { expect, test as base } from '../fixtures';

/**
 * The inline suite shares one Chromium (with the e2e build loaded) per worker and opens a fresh page per test:
 * badges and cards live in a page, so pages isolate tests, and launching Chromium once keeps the suite fast.
 */
export const test = base.extend<{ page: Page }, { lensContext: BrowserContext }>({
  // Traces on failure without screenshots: the screencast costs more CPU than the typing under test.
  trace: [{ mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true }, { scope: 'worker' }],
  lensContext: [
    // Depends on the page server so that the server outlives the browser's keep-alive connections at teardown.
    async ({ server }, use) => {
      void server;
      const { context, close } = await launchChromium({
        viewport: { width: 1280, height: 800 },
        // CDT_LENS_EXTENSION_DIR: a copy of the e2e build, when others may rebuild .output/ during the run.
        args: chromiumArgs(process.env.CDT_LENS_EXTENSION_DIR || undefined),
      });
      // Content scripts are registered when the extension has loaded: a page opened earlier would get none.
      if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
      await use(context);
      await close().catch((e: unknown) => {
        // Another Playwright run in this checkout may have cleared test-results/, and this run's trace files with it.
        if (!String(e).includes('ENOENT')) throw e;
      });
    },
    { scope: 'worker' },
  ],
  page: async ({ lensContext }, use) => {
    const page = await lensContext.newPage();
    await use(page);
    await page.close();
  },
});

export { expect };

export type Scope = Page | Frame;

export interface BadgeState {
  code: string;
  severity: string;
  /** data-rules split and sorted: the exact set of rule ids on the line. */
  rules: string[];
}

/**
 * The badge drawn for a control: the <cdt-lens-badge> in the control's own document whose box sits on the
 * control's top-right corner (nearest one within 24 px). Null when the control has none.
 */
export async function readBadge(control: Locator): Promise<BadgeState | null> {
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    let best: { d: number; b: HTMLElement } | null = null;
    for (const b of el.ownerDocument.querySelectorAll<HTMLElement>('cdt-lens-badge')) {
      const br = b.getBoundingClientRect();
      if (!br.width) continue;
      const d = Math.hypot(br.left + br.width / 2 - r.right, br.top + br.height / 2 - r.top);
      if (d <= 24 && (!best || d < best.d)) best = { d, b };
    }
    if (!best) return null;
    const { code = '', severity = '', rules = '' } = best.b.dataset;
    return { code, severity, rules: rules.split(' ').filter(Boolean).sort() };
  });
}

/** Waits until the control's badge shows this code, severity and exactly these rule ids (any order). */
export async function expectBadge(control: Locator, code: string, severity: string, rules: string[] = [], timeout = 10_000) {
  await expect
    .poll(() => readBadge(control), { timeout, message: `badge of ${control}` })
    .toEqual({ code, severity, rules: [...rules].sort() });
}

export async function expectNoBadge(control: Locator) {
  await expect.poll(() => readBadge(control), { message: `no badge beside ${control}` }).toBeNull();
}

/** Every badge host in a document (not piercing: badges live in the control's document, not in shadow roots). */
export async function badgesIn(scope: Scope): Promise<BadgeState[]> {
  return scope.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('cdt-lens-badge')].map((b) => ({
      code: b.dataset.code ?? '',
      severity: b.dataset.severity ?? '',
      rules: (b.dataset.rules ?? '').split(' ').filter(Boolean).sort(),
    })),
  );
}

export async function expectBadgeCount(scope: Scope, n: number) {
  await expect.poll(async () => (await badgesIn(scope)).length, { message: 'badge count' }).toBe(n);
}

/** Real keystrokes: focus, select all, delete, then type the text key by key. */
export async function typeInto(control: Locator, text: string) {
  await control.focus();
  await control.press('ControlOrMeta+A');
  await control.press('Backspace');
  if (text) await control.pressSequentially(text, { delay: 5 });
}

/** Types into an empty field (no clearing keystrokes). */
export async function typeFresh(control: Locator, text: string) {
  await control.focus();
  await control.pressSequentially(text, { delay: 5 });
}

export const cardIn = (scope: Scope) => scope.locator('cdt-lens-card');

/**
 * The card is shown for this code with exactly these findings, and its checklist has loaded (unknown codes have
 * no card text and so no checklist: pass checklist false).
 */
export async function expectCard(scope: Scope, code: string, rules: string[], { checklist = true } = {}) {
  const card = cardIn(scope);
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-code', code);
  const found = card.locator('[data-rule]');
  await expect(found).toHaveCount(rules.length);
  await expect.poll(async () => (await found.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? ''))).sort()).toEqual([...rules].sort());
  if (checklist) await expect.poll(() => card.locator('[data-checklist-item]').count(), { message: 'checklist items' }).toBeGreaterThan(0);
  return card;
}

export async function expectNoCard(scope: Scope) {
  await expect(cardIn(scope)).toHaveCount(0);
}

/** Whether the element is the focused element of its document (through shadow roots). */
export async function isFocused(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    let active: Element | null = el.ownerDocument.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The card's box lies inside the viewport and does not cover the field. */
export async function expectCardBesideField(page: Page, field: Locator) {
  const card = cardIn(page);
  await expect(card).toBeVisible();
  // The card may animate in and be placed asynchronously: wait until its box is stable.
  let box: Box | null = null;
  await expect
    .poll(async () => {
      const next = await card.boundingBox();
      const stable = !!next && !!box && JSON.stringify(next) === JSON.stringify(box);
      box = next;
      return stable;
    })
    .toBe(true);
  const fieldBox = (await field.boundingBox())!;
  const viewport = page.viewportSize()!;
  const b = box!;
  expect(b.x, 'card left edge inside the viewport').toBeGreaterThanOrEqual(0);
  expect(b.y, 'card top edge inside the viewport').toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, 'card right edge inside the viewport').toBeLessThanOrEqual(viewport.width);
  expect(b.y + b.height, 'card bottom edge inside the viewport').toBeLessThanOrEqual(viewport.height);
  expect(overlaps(b, fieldBox), `card ${JSON.stringify(b)} must not cover the field ${JSON.stringify(fieldBox)}`).toBe(false);
}

/** A badge box near the control's top-right corner (within 12 px), e.g. after scrolling or resizing. */
export async function expectBadgeOnCorner(control: Locator) {
  await expect
    .poll(() =>
      control.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const near = [...el.ownerDocument.querySelectorAll<HTMLElement>('cdt-lens-badge')].map((b) => {
          const br = b.getBoundingClientRect();
          return br.width ? Math.hypot(br.left + br.width / 2 - r.right, br.top + br.height / 2 - r.top) : Infinity;
        });
        return Math.min(Infinity, ...near) <= 12;
      }),
    { message: `a badge on the top-right corner of ${control}` },
    )
    .toBe(true);
}
