import { BADGE_TAG, type Badge, badgeLayer, createBadge, LAYER_TAG, type Origin, removeBadgeLayer } from '../../components/badge';
import { CARD_TAG, type InlineCardModel } from '../../components/card/card-view';
import type { CodeStatus } from '../catalog/catalog';
import type { FullCode } from '../catalog/cards';
import { CONTROL_WEIGHT, heldText, type PageClaim, type PageLine, readClaimsInSteps, readLineOf, readRowLine, rereadClaimFields, rereadLine, walkInSteps } from '../page/claim-reader';
import { controlCodes, isFieldControl, isReadableControl, type ReadableControl } from '../page/controls';
import { isConnectedNode, localNameOf, mayBeControl, nodeTypeOf, walkComposed } from '../page/dom';
import { fieldRole, type SiteSelectors } from '../page/field-roles';
import type { RoledControl } from '../page/rows';
import { createClaimChecker, worstSeverity } from '../rules/engine';
import type { BadgeSeverity } from '../rules/ids';
import type { Finding, RuleContext } from '../rules/types';
import { finish, pauser, type Steps } from '../steps';
import { type ClaimState, PageDraft, PageState } from './state';

/** How the card beside a focused code field is shown: mounted by the entrypoint, driven from here. */
export interface CardPresenter {
  show(anchor: Element, model: InlineCardModel): void;
  hide(): void;
  /** Whether a node is inside the card (focus moving into it must not close it). */
  contains(node: Node | null): boolean;
  /** Whether the pointer is over the card. */
  hovered(): boolean;
  focus(): void;
  readonly open: boolean;
}

export interface InlineHintsOptions {
  signal: AbortSignal;
  /** The rule context for this page (catalog, tables, payer); called again after settings change. */
  context(): Omit<RuleContext, 'claim'>;
  /** Per-code payer extras for the card: note and extra checklist items. */
  payerExtras(code: string): { payerName: string; note?: string; checklist?: string[] };
  loadCard(code: string): Promise<FullCode | null>;
  /** A code alone, for free text outside claim lines (remarks). */
  codeStatus(code: string): CodeStatus;
  card?: CardPresenter;
  /** Per-site selector overrides of the payer in use (read on each scan: settings change live). */
  selectors?(): SiteSelectors | undefined;
  today(): string;
}

/** An idle callback that gets its deadline, to work in slices (none where idle callbacks are missing). */
const idleWithDeadline = (fn: (deadline?: IdleDeadline) => void, timeout = 1000) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : setTimeout(fn, 1);
const idle = (fn: () => void, timeout = 500) => idleWithDeadline(() => fn(), timeout);
/**
 * How long a slice of stepwise work runs at most: in idle time, short enough that a key pressed meanwhile waits
 * little; between the tasks of a page that leaves no idle time, the same, so that a slice and the step that
 * overruns it (up to 30 ms on a 2,000-line claim under churn, several times that when the page is traced or the
 * machine is busy) stay under a 50 ms long task.
 */
const SLICE_MS = 10;
const BUSY_SLICE_MS = 10;
const SWEEP_MS = 3000;
/** How long a focused code field stays still before its card opens (see openCardAfterRest). */
export const CARD_REST_MS = 300;
const SHORTCUT = (e: KeyboardEvent) => e.altKey && e.shiftKey && (e.key === 'L' || e.key === 'l' || e.code === 'KeyL');

const sameRaw = (a: PageLine['raw'], b: PageLine['raw']) =>
  a.code === b.code && a.tooth === b.tooth && a.toothSystem === b.toothSystem && a.surface === b.surface && a.area === b.area && a.date === b.date && a.quantity === b.quantity;

const STATUS_FINDING: Partial<Record<CodeStatus, Finding['ruleId']>> = { unknown: 'unknown-code', deleted: 'deleted-code', 'not-yet-valid': 'not-yet-valid' };

/**
 * Inline hints for one document: a badge beside every control holding a code, kept current as lines and the
 * claim change, and a card for the focused one. Watches the page as Bitwarden does (one delegated capture
 * listener per event type, one narrow MutationObserver batched in idle time, an initial idle scan) and
 * never writes to a page control.
 */
export function startInlineHints(doc: Document, options: InlineHintsOptions) {
  const { signal } = options;
  const state = new PageState(options.today);
  const checkers = new Map<string, ReturnType<typeof createClaimChecker>>();
  const findings = new Map<string, Map<string, Finding[]>>();
  const badges = new Map<Element, Badge>();
  let cardFor: Element | null = null;
  /** The field focus was just given back to after Escape in its card: that focus does not reopen the card. */
  let returnedTo: Element | null = null;
  // Layout changes that add or remove no nodes (a banner grows, a panel opens, a field widens) move controls
  // without a mutation: watch the page's and each badged control's size.
  // A control's first report only says it is now observed: its badge is measured anyway (watch). Treating it as
  // a move would re-measure every badge each time a code is completed.
  const newlyWatched = new WeakSet<Element>();
  const layout =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          let moved = false;
          for (const e of entries) if (!newlyWatched.delete(e.target)) moved = true;
          if (moved) schedulePlace();
        })
      : null;
  // Where each control is comes from an IntersectionObserver: the browser measures observed controls while it
  // draws a frame, so a page re-rendering thousands of rows is never laid out again for CDT Lens. Observing a
  // control anew yields a fresh measurement (schedulePlace). Badges live in a layer at the document's origin:
  // the layer is observed along with them, so each batch of measurements carries where the layer was in that
  // same frame. Badges are drawn above the page: one beside a control scrolled out of an inner scroll container
  // (a fixed-height grid) would float over whatever is there, so it hides while the control is clipped; the huge
  // root margin keeps badges of controls merely outside the viewport.
  const clipped = new WeakSet<Element>();
  /** Controls inside the viewport when last measured: the only ones that can move against the page as it scrolls. */
  const inView = new Set<Element>();
  /** The viewport's size, read once per batch of measurements (reading it between badge writes could lay out). */
  const viewport = () => ({ width: doc.defaultView?.innerWidth ?? -Infinity, height: doc.defaultView?.innerHeight ?? -Infinity });
  const noteView = (control: Element, box: DOMRectReadOnly | null, view: { width: number; height: number }) => {
    if (box && box.bottom >= 0 && box.right >= 0 && box.top <= view.height && box.left <= view.width) inView.add(control);
    else inView.delete(control);
  };
  let origin: Origin = { left: 0, top: 0 };
  const measuring =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            observedSinceDelivery = 0;
            for (const e of entries) if (e.target.localName === LAYER_TAG) origin = e.boundingClientRect;
            const view = viewport();
            for (const e of entries) {
              if (e.isIntersecting) clipped.delete(e.target);
              else clipped.add(e.target);
              const badge = badges.get(e.target);
              if (!badge) continue;
              const box = e.isIntersecting && e.target.isConnected ? e.boundingClientRect : null;
              noteView(e.target, box, view);
              badge.place(box, origin);
            }
          },
          { root: doc, rootMargin: '100000px' },
        )
      : null;
  const rectOf = (control: Element) => (clipped.has(control) ? null : control.getBoundingClientRect());
  /**
   * Asks the browser for fresh measurements of controls (and of the layer) when it next draws: up to MEASURE_CHUNK
   * of them a frame, the rest a chunk a frame after (the observer's callback takes 11-30 microseconds an entry,
   * inside a frame of the page's own: all 2,000 badges of a long claim at once made a 22 ms callback, and the 600
   * new badges of one slice under churn a 19 ms one).
   */
  function remeasure(controls: Iterable<Element>) {
    if (!measuring || !badges.size) return;
    for (const el of controls) {
      if (observedSinceDelivery < MEASURE_CHUNK) {
        toMeasure.delete(el);
        observeAgain(el);
        observedSinceDelivery++;
      } else toMeasure.add(el);
    }
    observeAgain(badgeLayer(doc));
    if (toMeasure.size) measureFrame ||= requestAnimationFrame(measureLater);
  }
  const observeAgain = (el: Element) => {
    measuring?.unobserve(el);
    measuring?.observe(el);
  };
  /** Badged controls waiting for their fresh measurement, in the order asked (dropBadge takes a control out). */
  const toMeasure = new Set<Element>();
  let measureFrame = 0;
  function measureLater() {
    measureFrame = 0;
    if (signal.aborted) return;
    const chunk: Element[] = [];
    for (const el of toMeasure) {
      if (chunk.length === MEASURE_CHUNK) break;
      toMeasure.delete(el);
      chunk.push(el);
    }
    remeasureOnPage(chunk);
  }
  const MEASURE_CHUNK = 200;
  /** Controls observed since the observer last delivered: all of them come in its next callback. */
  let observedSinceDelivery = 0;
  function watch(control: Element) {
    watchSize(control);
    remeasure([control]);
  }
  /**
   * Watches a control's size: up to MEASURE_CHUNK controls between two frames, the rest a chunk a frame after. Each
   * control observed anew brings an entry to the observer's next callback, inside the page's frame: the new badges
   * of the slices between two of a churning page's frames made a 29 ms callback (traced). Meanwhile its badge is
   * placed from its measurement; only a later move of it waits to be noticed.
   */
  function watchSize(control: Element) {
    if (!layout) return;
    if (watchedSinceFrame < MEASURE_CHUNK) {
      watchedSinceFrame++;
      toWatch.delete(control);
      newlyWatched.add(control);
      layout.observe(control);
    } else toWatch.add(control);
    // Counted again once the next frame has delivered what was observed before it.
    watchFrame ||= requestAnimationFrame(() => setTimeout(watchLater));
  }
  const toWatch = new Set<Element>();
  let watchedSinceFrame = 0;
  let watchFrame = 0;
  function watchLater() {
    watchFrame = 0;
    watchedSinceFrame = 0;
    if (signal.aborted) return;
    for (const el of [...toWatch].slice(0, MEASURE_CHUNK)) watchSize(el);
  }

  // ---- checking ------------------------------------------------------------------------------------------------

  function checkerFor(claimId: string) {
    let checker = checkers.get(claimId);
    if (!checker) {
      checker = createClaimChecker(options.context());
      checkers.set(claimId, checker);
    }
    return checker;
  }

  /** Re-checks a claim and redraws the badges of the lines whose fields or findings changed, or of every line, now. */
  function recheck(claimId: string, redrawAll = false) {
    finish(recheckSteps(claimId, redrawAll));
  }

  /**
   * recheck in steps, for a batch: the check in one step (2-7 ms on the 2,000-line page), then the badges
   * BADGE_STEP at a time (a batch of re-rendered rows changes dozens, each a new badge: 5-14 ms in all). Each is
   * drawn from the claim and findings as they are by then, so a key typed meanwhile, whose own check no longer
   * reports these lines, leaves none behind.
   */
  function* recheckSteps(claimId: string, redrawAll = false): Steps<void> {
    const claimState = state.claim(claimId);
    if (!claimState) return;
    const redraw = checkClaim(claimState, redrawAll);
    const pause = pauser(BADGE_STEP);
    yield;
    for (const id of redraw) {
      if (pause()) yield;
      const now = state.claim(claimId);
      if (!now) return;
      redrawLine(now, id);
    }
    if (cardFor) refreshCard();
  }

  /** Checks a claim as it is now; the lines whose badges to draw: those whose fields or findings changed, or all. */
  function checkClaim(claimState: ClaimState, redrawAll: boolean): Iterable<string> {
    const { id } = claimState.page;
    const { byLine, changed } = checkerFor(id).check(state.toClaim(claimState));
    findings.set(id, byLine);
    return redrawAll ? [...claimState.byId.keys()] : changed;
  }

  /** A line's badge as its code and findings are now: none without a code. */
  function redrawLine(claimState: ClaimState, id: string) {
    const control = state.line(claimState, id)?.controls.code;
    if (!control) return;
    const code = claimState.parsed.get(id)?.code;
    if (!code) dropBadge(control);
    else showBadge(control, code, findings.get(claimState.page.id)?.get(id) ?? []);
  }

  /**
   * Every claim checked again with the settings now in force (they changed), a slice at a time with a checker of
   * its own: the last findings stay in use meanwhile. Then that checker catches up with whatever changed since (lines
   * typed, the claim read again), and every badge of the claim is drawn again.
   */
  function* refreshSteps(): Steps<void> {
    for (const claimState of [...state.allClaims()]) {
      const { id } = claimState.page;
      const checker = createClaimChecker(options.context());
      yield* checker.checkInSteps(state.toClaim(claimState));
      if (!state.claim(id)) continue;
      checkers.set(id, checker);
      yield* recheckSteps(id, true);
    }
  }
  /** The newest refresh: an older one stops at its next slice. */
  let refreshing: object | null = null;

  function adoptClaim(page: PageClaim) {
    state.setClaim(page);
    recheck(page.id);
  }

  // ---- badges ----------------------------------------------------------------------------------------------------

  function showBadge(control: Element, code: string, lineFindings: Finding[]) {
    let badge = badges.get(control);
    if (!badge) {
      badge = tryCreateBadge(control);
      if (!badge) return;
    }
    const rules = [...new Set(lineFindings.map((f) => f.ruleId))];
    badge.update(code, worstSeverity(lineFindings), rules);
  }

  /** A new badge, or none when the page makes that impossible (it defined its own cdt-lens-badge element first). */
  function tryCreateBadge(control: Element): Badge | undefined {
    try {
      const badge = createBadge(
        control.ownerDocument,
        () => ((hoveredFor = null), openCardFor(control)),
        () => hoverCard(control),
      );
      badges.set(control, badge);
      // Inserted and placed when the browser first measures its control; for the field being typed in, in the
      // next frame (its layout is due anyway), so the badge follows the keystroke at once.
      watch(control);
      if (!measuring || control === focusedElement()) placeNow(control);
      // The browser measures observed controls only when it draws: ask for a frame, or a badge on a still page
      // would wait for the next thing that repaints.
      else requestFrame();
      return badge;
    } catch {
      return undefined;
    }
  }

  function dropBadge(control: Element) {
    layout?.unobserve(control);
    toWatch.delete(control);
    measuring?.unobserve(control);
    clipped.delete(control);
    inView.delete(control);
    toMeasure.delete(control);
    badges.get(control)?.remove();
    badges.delete(control);
  }

  /** Codes in free text outside claim lines (a remarks box): checked alone against the catalog. Whether the badge changed. */
  function freeTextBadge(control: ReadableControl): boolean {
    const [code] = controlCodes(control);
    if (!code) {
      const had = badges.has(control);
      dropBadge(control);
      return had;
    }
    const ruleId = STATUS_FINDING[options.codeStatus(code)];
    const severity: BadgeSeverity = ruleId ? 'error' : 'ok';
    const badge = badges.get(control) ?? tryCreateBadge(control);
    return !!badge?.update(code, severity, ruleId ? [ruleId] : []);
  }

  /**
   * Badges beside their controls (every one, or those placeNow named), boxes read now: for the field being typed
   * in, a scrolled inner container and resizing. All boxes are read first, then only the badges that moved are
   * written.
   */
  function placeAll() {
    placeNowQueued = false;
    const only = placeOnly;
    placeOnly = new Set();
    if (!badges.size) return;
    const layerBox = badgeLayer(doc).getBoundingClientRect();
    const boxes: [Element, Badge, DOMRect | null][] = [];
    const gone: Element[] = [];
    for (const control of only ?? badges.keys()) {
      const badge = badges.get(control);
      if (!badge) continue;
      if (!control.isConnected) gone.push(control);
      else boxes.push([control, badge, rectOf(control)]);
    }
    dropRemovedSoon(gone);
    const view = viewport();
    for (const [control, badge, box] of boxes) {
      noteView(control, box, view);
      badge.place(box, layerBox);
    }
  }

  /**
   * Badges of controls the page removed go, and the card with its field: in an idle period, not in the frame that
   * found them (a page re-rendering thousands of rows has long frames of its own).
   */
  function dropRemovedSoon(gone: Element[]) {
    if (!gone.length && !(cardFor && !cardFor.isConnected)) return;
    idle(() => {
      for (const control of gone) if (!control.isConnected) dropBadge(control);
      if (cardFor && !cardFor.isConnected) closeCard();
    });
  }

  let frameRequested = false;
  const requestFrame = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => (frameRequested = false));
  };

  let placeNowQueued = false;
  /** The controls whose badges the next direct placement is for; null: every badge. */
  let placeOnly: Set<Element> | null = new Set();
  /** Places badges from boxes read in the next frame: one control's (the field being typed in), or all. */
  function placeNow(control?: Element) {
    if (control) placeOnly?.add(control);
    else placeOnly = null;
    if (placeNowQueued) return;
    placeNowQueued = true;
    requestAnimationFrame(placeAll);
  }

  /** After the page changed: every badge re-measured in the next frame, by the browser, as it lays the page out. */
  function schedulePlace() {
    if (!measuring) return placeNow();
    if (remeasureQueued) return;
    remeasureQueued = true;
    requestAnimationFrame(() => {
      remeasureQueued = false;
      // Those in view first: the rest follow a chunk a frame (see remeasure).
      remeasureOnPage(new Set([...inView, ...badges.keys()]));
    });
  }
  let remeasureQueued = false;
  /**
   * Fresh measurements for those of these controls still on the page; the others' badges go. Without an
   * IntersectionObserver, every badge is placed now.
   */
  function remeasureOnPage(controls: Iterable<Element>) {
    if (!measuring) return placeNow();
    const kept: Element[] = [];
    const gone: Element[] = [];
    for (const control of controls) (control.isConnected ? kept : gone).push(control);
    dropRemovedSoon(gone);
    remeasure(kept);
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  /**
   * Reads the whole page, in slices between the page's own tasks: read, parse and check off to the side, then
   * made the known state at once, then badges drawn a slice at a time. Meanwhile the last state stays in use;
   * what changes during the read is applied again once it is known (see afterFullScan).
   */
  function* fullScanSteps(token: object): Steps<void> {
    const claims = yield* readClaimsInSteps(doc, { selectors: options.selectors?.(), frames: false });
    const draft = new PageDraft();
    const read: { claimState: ClaimState; checker: ReturnType<typeof createClaimChecker>; byLine: Map<string, Finding[]> }[] = [];
    for (const page of claims) {
      const claimState = yield* state.prepare(page, draft);
      const checker = createClaimChecker(options.context());
      const { byLine } = yield* checker.checkInSteps(state.toClaim(claimState));
      read.push({ claimState, checker, byLine });
    }
    yield;
    const freeText = [...doc.querySelectorAll('textarea, [contenteditable]')];
    yield;
    state.commit(draft);
    checkers.clear();
    findings.clear();
    for (const { claimState, checker, byLine } of read) {
      checkers.set(claimState.page.id, checker);
      findings.set(claimState.page.id, byLine);
    }
    yield* afterFullScanSteps();
    // Then badges, a slice at a time, each as its control is now (the page may change between slices): those of
    // controls in no line go, free text gets its own, each line's shows its findings.
    const pause = pauser(BADGE_STEP);
    for (const control of [...badges.keys()]) {
      if (pause()) yield;
      if (!state.placeOf(control) && !isFreeText(control)) dropBadge(control);
    }
    for (const el of freeText) {
      if (pause()) yield;
      if (el.isConnected && isReadableControl(el) && !state.placeOf(el)) freeTextBadge(el);
    }
    for (const { claimState } of read)
      for (const { id } of [...claimState.page.lines]) {
        if (pause()) yield;
        if (state.claim(claimState.page.id) === claimState) redrawLine(claimState, id);
      }
    if (cardFor) refreshCard();
    else if (firstRead) {
      // A code typed before the page was first read came with no event heard: its field, still focused, gets its card.
      const focused = focusedElement();
      if (focused && badges.has(focused)) openCardAfterRest(focused);
    }
    firstRead = false;
    if (scan === token) scan = null;
  }
  /** Badges drawn between pauses of a full read or a batch (a new one costs 0.1-0.3 ms on a big page). */
  const BADGE_STEP = 25;

  /** The newest full read: an older one stops at its next slice. */
  let scan: object | null = null;
  /** Whether a read is under way and not yet known: events apply to the last known state and again after it. */
  let scanning = false;
  const changedWhileScanning = new Set<Element>();
  let scanAgain = false;
  /** Until the first full read has drawn its badges. */
  let firstRead = true;

  /** Reads the whole page now (a new read replaces one under way) or, with `unlessScanning`, after the one under way. */
  function fullScan(unlessScanning = false) {
    if (signal.aborted) return;
    if (scanning && unlessScanning) return void (scanAgain = true);
    const token = {};
    scan = token;
    scanning = true;
    inSlices(fullScanSteps(token), 1000, () => scan === token);
  }

  /**
   * The read is the known state: what changed meanwhile is read again, on the state it replaced, CHANGE_STEP
   * controls a step (a page re-rendering all the time changes hundreds during a read of 2,000 lines: in one step,
   * 55-300 ms of CPU under the bench's trace), then their claims re-checked in steps.
   */
  function* afterFullScanSteps(): Steps<void> {
    scanning = false;
    const changed = [...changedWhileScanning];
    changedWhileScanning.clear();
    const dirty = new Set<string>();
    const pause = pauser(CHANGE_STEP);
    for (const control of changed) {
      if (pause()) yield;
      onControlChanged(control, dirty);
    }
    for (const id of dirty) yield* recheckSteps(id);
    structureSoon(0);
    if (scanAgain) {
      scanAgain = false;
      scheduleFullScan();
    }
  }

  /**
   * Runs stepwise work a slice at a time: in the page's idle periods, or, once the page has left none for a while,
   * in tasks of BUSY_SLICE_MS between its own; never one long task. `live` false drops it (a newer read replaced
   * it).
   */
  function inSlices(steps: Steps<void>, timeout = 1000, live: () => boolean = () => true) {
    const slice = (deadline?: IdleDeadline) => {
      if (signal.aborted || !live()) return;
      const idleTime = !!deadline && !deadline.didTimeout;
      const budget = idleTime ? Math.min(deadline.timeRemaining() - 2, SLICE_MS) : BUSY_SLICE_MS;
      const end = performance.now() + Math.max(budget, 1);
      while (!steps.next().done)
        if (performance.now() >= end) {
          // A page that leaves no idle time (one re-rendering all the time) still gets its turn between slices, and
          // the work keeps up with it instead of waiting for idle time that does not come.
          if (idleTime) idleWithDeadline(slice, 200);
          else setTimeout(slice, 0);
          return;
        }
    };
    idleWithDeadline(slice, timeout);
  }

  const isFreeText = (el: Element) => el.localName === 'textarea' || (el as HTMLElement).isContentEditable === true;

  /**
   * A control changed: re-read its line only. Whether the line changed; its claim is re-checked now, or left
   * to the caller when it gathers several changes (`dirty`).
   */
  function onControlChanged(control: Element, dirty?: Set<string>): boolean {
    // Removed since it changed (a batch runs later): the removal itself is handled with the page's structure.
    if (!control.isConnected) return false;
    if (scanning) changedWhileScanning.add(control);
    const known = lineOf(control);
    if (known) {
      if (!refreshLine(state.claim(known.claimId)!, known.line)) return false;
      if (dirty) dirty.add(known.claimId);
      else recheck(known.claimId);
      return true;
    }
    // Not known yet: the read under way will know it (reading around it now would repeat part of that read).
    if (scanning || !isFieldControl(control)) return false;
    if (addLineOf(control, dirty)) return true;
    const found = readLineOf(control, { selectors: options.selectors?.() });
    if (found) adoptClaim(found.claim);
    else if (isReadableControl(control) && isFreeText(control)) return freeTextBadge(control);
    else if (badges.has(control)) dropBadge(control);
    else return onClaimFieldsChanged();
    return true;
  }

  /** Reads a known line's values again from its controls; whether they changed (the line is then re-parsed). */
  function refreshLine(claimState: ClaimState, line: PageLine): boolean {
    const fresh = rereadLine(line);
    if (sameRaw(fresh.raw, line.raw)) return false;
    state.updateLine(claimState, fresh);
    return true;
  }

  /**
   * A control of a row the page added or re-rendered in a known claim: its line read from the row alone. Lines
   * the page removed must be dropped first (the new line is placed among the others by document position):
   * `removalsDone` when the caller just did that.
   */
  function addLineOf(control: Element, dirty?: Set<string>, removalsDone = false): boolean {
    const read = readRowLine(control, { selectors: options.selectors?.() });
    const claimState = read && state.claim(read.claimId);
    if (!read || !claimState) return false;
    if (!removalsDone) state.dropDetached(claimState);
    state.putLine(claimState, read.line);
    if (dirty) dirty.add(read.claimId);
    else recheck(read.claimId);
    return true;
  }

  /** A field outside the lines changed: re-check the claims whose date of service or birth date it changed. */
  function onClaimFieldsChanged(): boolean {
    let changed = false;
    for (const claimState of [...state.allClaims()]) {
      const { page } = claimState;
      const fresh = rereadClaimFields(page);
      if (fresh.claimDate === page.claimDate && fresh.patientBirthDate === page.patientBirthDate) continue;
      adoptClaim(fresh);
      changed = true;
    }
    return changed;
  }

  // ---- the card --------------------------------------------------------------------------------------------------

  function lineOf(control: Element): { claimId: string; line: PageLine } | undefined {
    const place = state.placeOf(control);
    const claimState = place && state.claim(place.claimId);
    const line = claimState && state.line(claimState, place.lineId);
    return place && line ? { claimId: place.claimId, line } : undefined;
  }

  /** What the inline card shows of a code's full card, for the codes opened last (a long session opens hundreds). */
  type CardFacts = { name: string; checklist: FullCode['card']['checklist']; confusedWith: FullCode['card']['confusedWith'] };
  const cards = new Map<string, CardFacts | null | 'loading'>();
  const MAX_CARDS = 16;
  const keepCard = (code: string, facts: CardFacts | null | 'loading') => {
    cards.delete(code);
    cards.set(code, facts);
    if (cards.size > MAX_CARDS) cards.delete(cards.keys().next().value!);
  };

  function cardModel(control: Element): InlineCardModel | null {
    const badge = badges.get(control);
    const code = badge?.host.dataset.code;
    if (!code) return null;
    const at = lineOf(control);
    const lineFindings = at ? (findings.get(at.claimId)?.get(at.line.id) ?? []) : [];
    const full = cards.get(code);
    if (full === undefined) {
      keepCard(code, 'loading');
      options
        .loadCard(code)
        .catch(() => null)
        .then((c) => {
          keepCard(code, c && { name: c.name, checklist: c.card.checklist, confusedWith: c.card.confusedWith });
          if (cardFor && !signal.aborted) refreshCard();
        });
    }
    const loaded = full && full !== 'loading' ? full : null;
    const extras = options.payerExtras(code);
    const freeTextFindings: Finding[] = at
      ? lineFindings
      : (badge.host.dataset.rules ?? '')
          .split(' ')
          .filter(Boolean)
          .map((ruleId) => ({ ruleId: ruleId as Finding['ruleId'], severity: 'error', lineIds: [], message: `${code} is not valid on its own: ${ruleId.replace(/-/g, ' ')}.` }));
    return {
      code,
      name: loaded?.name,
      findings: freeTextFindings,
      checklist: [...(loaded?.checklist ?? []), ...(extras.checklist ?? [])],
      confusedWith: loaded?.confusedWith ?? [],
      payerName: extras.payerName,
      payerNote: extras.note,
      status: full === undefined || full === 'loading' ? 'loading' : full ? 'ready' : 'missing',
    };
  }

  /**
   * The control whose card waits for its code's full card: drawn once when it arrives (a message to the
   * background, a few milliseconds) rather than first as "loading" and again, unless it takes longer than
   * LOADING_GRACE_MS.
   */
  let waitingFor: Element | null = null;
  const LOADING_GRACE_MS = 150;

  /**
   * A focused field's card opens once the field has been still for CARD_REST_MS (focus arriving there, or its last
   * key), as a tooltip waits for the pointer to rest: tabbing or typing through a line draws no card and takes no
   * time from the keys. Its full card is asked for at once, so it is there by then. An open card follows its field's
   * line at once; the badge's hover and click, and the shortcut, open it at once.
   */
  let restingFor: Element | null = null;
  let restTimer: ReturnType<typeof setTimeout> | undefined;

  function openCardAfterRest(control: Element) {
    if (!options.card) return;
    if (cardFor === control && options.card.open) return openCardFor(control);
    if (cardFor) closeCard();
    if (!cardModel(control)) return closeCard();
    restingFor = control;
    clearTimeout(restTimer);
    restTimer = setTimeout(() => {
      if (restingFor !== control || signal.aborted) return;
      restingFor = null;
      if (focusedElement() === control) openCardFor(control, true);
    }, CARD_REST_MS);
  }

  /** `rested`: the field was still for longer than LOADING_GRACE_MS already, so a card still loading says so now. */
  function openCardFor(control: Element, rested = false) {
    if (!options.card) return;
    restingFor = null;
    const model = cardModel(control);
    if (!model) return closeCard();
    cardFor = control;
    if (model.status === 'loading' && !options.card.open && !rested) {
      if (waitingFor === control) return;
      waitingFor = control;
      setTimeout(() => {
        if (waitingFor !== control || cardFor !== control || signal.aborted) return;
        waitingFor = null;
        const now = cardModel(control);
        if (now) options.card?.show(control, now);
        else closeCard();
      }, LOADING_GRACE_MS);
      return;
    }
    waitingFor = null;
    options.card.show(control, model);
  }

  /** The control whose card a hover opened: it closes once the pointer has left badge, field and card. */
  let hoveredFor: Element | null = null;
  const HOVER_CHECK_MS = 250;
  function hoverCard(control: Element) {
    if (cardFor === control) return;
    openCardFor(control);
    if (cardFor !== control) return;
    hoveredFor = control;
    // Two checks in a row with the pointer elsewhere: moving from the badge across the field into the card, or
    // overshooting a little, keeps it.
    let away = 0;
    const check = () => {
      if (hoveredFor !== control || cardFor !== control || signal.aborted) return;
      // Focus in the field or the card makes it an ordinary card, closed by blur and Escape.
      if (focusedElement() === control || options.card?.contains(doc.activeElement)) return void (hoveredFor = null);
      const over = badges.get(control)?.host.matches(':hover') || control.matches(':hover') || options.card?.hovered();
      away = over ? 0 : away + 1;
      if (away < 2) return void setTimeout(check, HOVER_CHECK_MS);
      hoveredFor = null;
      closeCard();
    };
    setTimeout(check, HOVER_CHECK_MS);
  }

  function refreshCard() {
    if (!cardFor || !options.card) return;
    if (waitingFor === cardFor) return openCardFor(cardFor);
    // The user closed it with its × button: like Escape, it stays closed until its line changes or focus returns.
    if (!options.card.open) {
      cardFor = null;
      return;
    }
    const model = cardModel(cardFor);
    if (model) options.card.show(cardFor, model);
    else closeCard();
  }

  function closeCard() {
    cardFor = null;
    waitingFor = null;
    restingFor = null;
    clearTimeout(restTimer);
    options.card?.hide();
  }

  // ---- events ----------------------------------------------------------------------------------------------------

  const targetOf = (e: Event) => e.composedPath()[0] as Element | undefined;
  const listen = { capture: true, passive: true, signal } as const;

  const onInputOrChange = (e: Event) => {
    const target = targetOf(e);
    if (!target || options.card?.contains(target)) return;
    // A script filling fields nobody is typing in (a framework, an autocomplete elsewhere): one batch, later.
    if (target !== focusedElement()) {
      changedByScript.add(target);
      return flushChangesSoon();
    }
    // Only redraw the card when the line changed: a `change` event fires on blur, and redrawing while focus moves
    // into the card (Alt+Shift+L) would drop the element receiving focus.
    if (!onControlChanged(target)) return;
    if (target === cardFor || (badges.has(target) && focusedElement() === target)) openCardAfterRest(target);
    else if (target === restingFor) closeCard();
  };
  /** The focused element itself, through open shadow roots (nested ones too: a line inside a list component). */
  const focusedElement = () => {
    let active = doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };

  // Listening on the window in the capture phase: the earliest point, so a page that stops propagation of every
  // event on window still lets these run (stopPropagation does not stop other listeners on the same target).
  const events: EventTarget = doc.defaultView ?? doc;
  events.addEventListener('input', onInputOrChange, listen);
  events.addEventListener('change', onInputOrChange, listen);
  events.addEventListener(
    'focusin',
    (e) => {
      const target = targetOf(e);
      if (!target || options.card?.contains(target)) return;
      onControlChanged(target);
      const back = target === returnedTo;
      returnedTo = null;
      if (badges.has(target)) {
        if (!back) openCardAfterRest(target);
      } else if (cardFor || restingFor) closeCard();
    },
    listen,
  );
  events.addEventListener(
    'focusout',
    (e) => {
      if (!cardFor) return;
      const next = (e as FocusEvent).relatedTarget as Node | null;
      if (options.card?.contains(next) || next === cardFor) return;
      // Focus may be moving into the card, which is outside the page's focus order: decide after it lands.
      setTimeout(() => {
        if (!cardFor) return;
        if (focusedElement() !== cardFor && !options.card?.contains(doc.activeElement)) closeCard();
      }, 0);
    },
    listen,
  );
  events.addEventListener(
    'keydown',
    (event) => {
      const e = event as KeyboardEvent;
      const card = options.card;
      // A card waiting for its field to rest: Escape cancels it, the shortcut opens it at once.
      if (restingFor && e.key === 'Escape') return closeCard();
      if (restingFor && SHORTCUT(e)) openCardFor(restingFor, true);
      if (!cardFor || !card || !(card.open || waitingFor === cardFor)) return;
      if (e.key === 'Escape') {
        // Escape inside the card: focus goes back to its field (the card stays closed until the line changes).
        const field = card.contains(doc.activeElement) ? cardFor : null;
        closeCard();
        if (field) {
          returnedTo = field;
          (field as HTMLElement).focus({ preventScroll: true });
        }
      } else if (SHORTCUT(e)) {
        e.preventDefault();
        card.focus();
      }
    },
    { capture: true, signal },
  );
  // Scrolling the page moves the layer with the controls: only a control in a fixed or sticky box moves against
  // it, and such a control is in the viewport, so once scrolling stops the browser measures again the controls
  // that were in the viewport (a few dozen, not every line; a sticky box that scrolled in from far away and stuck
  // is placed again by the periodic backstop or when the page next changes size). A scrolled inner container
  // moves its controls but not the layer: those badges follow in the same frame.
  let scrollEnd: ReturnType<typeof setTimeout> | undefined;
  const remeasureInView = () => remeasureOnPage(inView);
  events.addEventListener(
    'scroll',
    (e) => {
      if (e.target !== doc && e.target !== doc.documentElement) return placeNow();
      clearTimeout(scrollEnd);
      scrollEnd = setTimeout(remeasureInView, 100);
    },
    listen,
  );
  doc.defaultView?.addEventListener('resize', () => placeNow(), listen);

  // ---- mutations: rows added, removed or re-rendered; values set by script ------------------------------------

  // Rows added or re-rendered are read one by one from their own subtree; lines whose controls left are dropped.
  // Whatever cannot be read that way (a new form, a claim-level field, a flat grid) reads the page again.
  const addedNodes = new Set<Element>();
  const removedNodes = new Set<Element>();
  /** Removals beyond MAX_REMOVED in one batch: every line is checked instead; additions beyond MAX_ADDED: the page is read whole. */
  let removedMany = false;
  let addedMany = false;
  const MAX_REMOVED = 500;
  const MAX_ADDED = 2000;
  let structuralTimer: ReturnType<typeof setTimeout> | undefined;
  const changedByScript = new Set<Element>();
  let scriptFlushQueued = false;
  // Added and removed nodes may be forms: read through dom.ts's readers.
  const ours = (n: Node) => [BADGE_TAG, LAYER_TAG, CARD_TAG].includes(localNameOf(n as Element));
  const observer = new MutationObserver((records) => {
    let structural = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        changedByScript.add(r.target as Element);
        continue;
      }
      for (const n of r.addedNodes)
        if (nodeTypeOf(n) === 1 && !ours(n)) {
          if (addedNodes.size < MAX_ADDED) addedNodes.add(n as Element);
          else addedMany = true;
          structural = true;
        }
      for (const n of r.removedNodes)
        if (nodeTypeOf(n) === 1 && !ours(n)) {
          if (removedNodes.size < MAX_REMOVED) removedNodes.add(n as Element);
          else removedMany = true;
          structural = true;
        }
    }
    if (structural) {
      schedulePlace();
      structureSoon(50);
    }
    if (changedByScript.size) flushChangesSoon();
  });

  /** Values changed by script (attribute writes, events dispatched on fields nobody is typing in), in one batch. */
  function flushChangesSoon() {
    if (scriptFlushQueued) return;
    scriptFlushQueued = true;
    inSlices(scriptChangeSteps(), 500);
  }
  /** Taken one by one, so values set while the batch runs join it. */
  function* scriptChangeSteps(): Steps<void> {
    const dirty = new Set<string>();
    const pause = pauser(CHANGE_STEP);
    for (const el of changedByScript) {
      changedByScript.delete(el);
      // A control not known while rows added or removed wait for their batch: most likely in a row just added, which
      // that batch reads as it is then. Read here, its line would be placed among lines the page may have removed
      // (all of them checked first: 3-4 ms on the 2,000-line page, then a search, up to 20 ms). After the batch,
      // it is looked at again. (During a full read, changes wait for the read instead: see onControlChanged.)
      if (!scanning && structurePending() && !lineOf(el)) {
        afterStructure.add(el);
        continue;
      }
      onControlChanged(el, dirty);
      if (pause()) yield;
    }
    scriptFlushQueued = false;
    for (const id of dirty) {
      yield;
      yield* recheckSteps(id);
    }
  }
  /** Changed controls, or added ones, handled between pauses of a batch: each may mean reading its row (up to 1 ms). */
  const CHANGE_STEP = 5;
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['value'] });
  layout?.observe(doc.documentElement);
  if (doc.body) layout?.observe(doc.body);

  /** More new controls than this in one batch: the page was rebuilt, read it whole. */
  const MAX_ADDED_CONTROLS = 1000;

  function onStructureChanged() {
    structuralTimer = undefined;
    if (signal.aborted) return;
    // Rows added or removed during a full read wait for it (they are applied to what it read), and during a batch
    // for that batch: both call structureSoon when done.
    if (scanning || structuring) return;
    const added = [...addedNodes].filter(isConnectedNode);
    const removed = removedMany ? 'all' : [...removedNodes];
    const many = addedMany;
    addedNodes.clear();
    removedNodes.clear();
    removedMany = addedMany = false;
    if (many) {
      scheduleFullScan();
      return replayAfterStructure();
    }
    structuring = true;
    inSlices(structureSteps(added, removed), 500);
  }
  let structuring = false;

  function* structureSteps(added: Element[], removed: Element[] | 'all'): Steps<void> {
    if (!(yield* updateLines(added, removed))) scheduleFullScan();
    structuring = false;
    structureSoon(0);
    replayAfterStructure();
  }
  function replayAfterStructure() {
    for (const el of afterStructure) changedByScript.add(el);
    afterStructure.clear();
    if (changedByScript.size) flushChangesSoon();
  }
  /** Controls changed by script, unknown, while rows added or removed waited for their batch. */
  const afterStructure = new Set<Element>();
  const structurePending = () => structuring || structuralTimer !== undefined || structureNoted();
  /** Rows added or removed since the last batch took them. */
  const structureNoted = () => addedNodes.size > 0 || removedNodes.size > 0 || addedMany || removedMany;

  /** Applies the rows added and removed since the last batch, `delay` ms from now (in idle time); none: nothing. */
  function structureSoon(delay: number) {
    if (structureNoted()) structuralTimer ??= setTimeout(() => idle(onStructureChanged), delay);
  }

  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  let rescanDelay = 50;
  let pendingSince: number | undefined;
  /**
   * Reads the whole page again soon. The wait grows while the page keeps changing (a form rebuilt by a spinner
   * or an SPA transition), up to two seconds: a page that never stops is still read every two seconds.
   */
  function scheduleFullScan() {
    clearTimeout(rescanTimer);
    pendingSince ??= Date.now();
    rescanDelay = Math.min(rescanDelay * 2, 2000, Math.max(0, pendingSince + 2000 - Date.now()));
    rescanTimer = setTimeout(() => idle(() => ((rescanDelay = 50), (pendingSince = undefined), fullScan(true))), rescanDelay);
  }

  /**
   * Applies rows added and removed to the known claims, pausing now and then. False when the page must be read
   * whole instead; true as soon as a full read starts meanwhile (it reads what is left).
   */
  function* updateLines(added: Element[], removed: Element[] | 'all'): Steps<boolean> {
    const dirty = new Set<string>();
    const suspects = removed === 'all' ? null : yield* linesUnder(removed);
    for (const claimState of [...state.allClaims()]) {
      yield;
      if (scanning) return true;
      if (state.claim(claimState.page.id) !== claimState) continue;
      if (!isConnectedNode(claimState.page.root)) return false;
      const mine = suspects ? suspects.get(claimState.page.id) : undefined;
      if (suspects && !mine) continue;
      const gone = state.dropDetached(claimState, mine);
      if (!gone.length) continue;
      dirty.add(claimState.page.id);
      for (const line of gone) {
        if (line.controls.code && !line.controls.code.isConnected) dropBadge(line.controls.code);
        // A control removed from a row that stays: read the row again from a control still in it.
        const kept = line.row.isConnected && Object.values(line.controls).find((el) => el?.isConnected);
        if (kept && !addLineOf(kept, dirty, true)) return false;
      }
    }
    const controls = yield* newControls(added);
    if (!controls) return false;
    const pause = pauser(CHANGE_STEP);
    for (const { el: control, role } of controls) {
      if (pause()) yield;
      if (scanning) return true;
      // The page may have taken it away again while this batch paused: its removal is the next batch's.
      if (!control.isConnected || state.placeOf(control)) continue;
      if (isFreeText(control)) {
        if (isReadableControl(control)) freeTextBadge(control);
        continue;
      }
      if (role === 'other') continue;
      if (role === 'birthDate' || !addLineOf(control, dirty, true)) return false;
    }
    for (const id of dirty) {
      yield;
      if (scanning) return true;
      yield* recheckSteps(id);
    }
    return true;
  }

  /** The known lines with a control inside the removed subtrees, by claim. */
  function* linesUnder(removed: Element[]): Steps<Map<string, Set<PageLine>>> {
    const out = new Map<string, Set<PageLine>>();
    const note = (el: Element) => {
      const known = mayBeControl(el) ? lineOf(el) : undefined;
      if (!known) return;
      const set = out.get(known.claimId);
      if (set) set.add(known.line);
      else out.set(known.claimId, new Set([known.line]));
    };
    const pause = pauser(ROOT_STEP);
    for (const root of removed) {
      if (pause()) yield;
      note(root);
      walkComposed(root, (el) => void note(el), { frames: false });
    }
    return out;
  }
  /** Removed subtrees (rows, usually) walked between pauses of a batch. */
  const ROOT_STEP = 10;

  /** Field controls in the added subtrees (the roots included), codes first; null when there are too many. */
  function* newControls(added: Element[]): Steps<RoledControl[] | null> {
    const codes: RoledControl[] = [];
    const others: RoledControl[] = [];
    // Weighed as a whole read's walk is: a new control's classification is most of a batch's cost.
    const take = (el: Element) => {
      if (!mayBeControl(el) || !isFieldControl(el)) return 1;
      const role = fieldRole(el, options.selectors?.());
      (role === 'code' ? codes : others).push({ el, role });
      return codes.length + others.length < MAX_ADDED_CONTROLS && CONTROL_WEIGHT;
    };
    yield* walkInSteps(added, take, { frames: false }, true);
    return codes.length + others.length < MAX_ADDED_CONTROLS ? [...codes, ...others] : null;
  }

  // Values set by script through the value property fire no event and no mutation: sweep known lines now and
  // then, in slices, each claim re-checked once.
  let sweeping = false;
  /**
   * What each line's controls held at the last sweep, as the line then known (a line read again since, by an
   * event, may no longer match it), by line id: each sweep keeps only the lines it saw (a page re-rendering its
   * rows makes new lines all the time).
   */
  let heldAtSweep = new Map<string, { line: PageLine; held: string }>();
  function* sweepSteps(): Steps<void> {
    sweeping = true;
    onClaimFieldsChanged();
    const dirty = new Set<string>();
    const seen: typeof heldAtSweep = new Map();
    const pause = pauser(SWEEP_STEP);
    for (const claimState of [...state.allClaims()])
      for (const line of [...claimState.page.lines]) {
        if (pause()) yield;
        if (state.line(claimState, line.id) !== line) continue;
        const held = heldText(line);
        const last = heldAtSweep.get(line.id);
        if (!(last?.line === line && last.held === held) && refreshLine(claimState, line)) dirty.add(claimState.page.id);
        seen.set(line.id, { line: state.line(claimState, line.id) ?? line, held });
      }
    heldAtSweep = seen;
    for (const id of dirty) yield* recheckSteps(id);
    sweeping = false;
  }
  const SWEEP_STEP = 50;
  const sweep = setInterval(() => {
    if (doc.hidden || scanning || sweeping) return;
    // A backstop for moves nothing above reports (a transform, a sibling growing inside a fixed-size box): the
    // controls in the viewport and, in turn, a few dozen of the others, rather than every badge every time.
    remeasureOnPage(backstopControls());
    inSlices(sweepSteps());
  }, SWEEP_MS);
  const BACKSTOP_OTHERS = 50;
  let backstopTurn = badges.keys();
  function backstopControls(): Set<Element> {
    const picked = new Set(inView);
    for (let n = 0; n < BACKSTOP_OTHERS && n < badges.size; n++) {
      let next = backstopTurn.next();
      if (next.done) next = (backstopTurn = badges.keys()).next();
      if (next.done) break;
      picked.add(next.value);
    }
    return picked;
  }

  fullScan();

  signal.addEventListener('abort', () => {
    observer.disconnect();
    layout?.disconnect();
    measuring?.disconnect();
    toMeasure.clear();
    toWatch.clear();
    clearInterval(sweep);
    clearTimeout(structuralTimer);
    clearTimeout(rescanTimer);
    clearTimeout(scrollEnd);
    for (const badge of badges.values()) badge.remove();
    badges.clear();
    removeBadgeLayer(doc);
    closeCard();
  });

  return {
    badges,
    /** The lines known now, for tests: each must still be on the page once the page settles. */
    knownLines: () => [...state.allClaims()].flatMap((c) => c.page.lines),
    /** Re-check everything, e.g. after settings changed. */
    refresh() {
      // A read under way checks with the settings it started with.
      if (scanning) fullScan();
      const token = {};
      refreshing = token;
      inSlices(refreshSteps(), 1000, () => refreshing === token);
    },
    /** Forget the page and read it again, e.g. after an SPA route change. */
    rescan() {
      fullScan();
    },
  };
}
