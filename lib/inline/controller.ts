import { type Badge, createBadge } from '../../components/badge';
import type { InlineCardModel } from '../../components/card/card-view';
import type { CodeStatus } from '../catalog/catalog';
import type { FullCode } from '../catalog/cards';
import { type PageClaim, type PageLine, readClaims, readLineOf, rereadClaimFields, rereadLine } from '../page/claim-reader';
import { controlCodes, isFieldControl, isReadableControl, type ReadableControl } from '../page/controls';
import type { SiteSelectors } from '../page/field-roles';
import { createClaimChecker, worstSeverity } from '../rules/engine';
import type { BadgeSeverity } from '../rules/ids';
import type { Finding, RuleContext } from '../rules/types';
import { PageState } from './state';

/** How the card beside a focused code field is shown: mounted by the entrypoint, driven from here. */
export interface CardPresenter {
  show(anchor: Element, model: InlineCardModel): void;
  hide(): void;
  /** Whether a node is inside the card (focus moving into it must not close it). */
  contains(node: Node | null): boolean;
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

const idle = (fn: () => void, timeout = 500) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : setTimeout(fn, 1);
const SWEEP_MS = 3000;
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
  let placeScheduled = false;
  // Layout changes that add or remove no nodes (a banner grows, a panel opens, a field widens) move controls
  // without a mutation: watch the page's and each badged control's size.
  const layout = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedulePlace()) : null;
  // Badges are drawn above the page: one beside a control scrolled out of an inner scroll container (a
  // fixed-height grid) would float over whatever is there. Hide it while the control is clipped; the huge root
  // margin keeps badges of controls that are merely outside the viewport.
  const clipped = new WeakSet<Element>();
  const clipping =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              if (e.isIntersecting) clipped.delete(e.target);
              else clipped.add(e.target);
            }
            schedulePlace();
          },
          { root: doc, rootMargin: '100000px' },
        )
      : null;
  const rectOf = (control: Element) => (clipped.has(control) ? null : control.getBoundingClientRect());
  function watch(control: Element) {
    layout?.observe(control);
    clipping?.observe(control);
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

  function recheck(claimId: string) {
    const claimState = state.claim(claimId);
    if (!claimState) return;
    const { byLine } = checkerFor(claimId).check(state.toClaim(claimState));
    findings.set(claimId, byLine);
    for (const line of claimState.page.lines) {
      const codeControl = line.controls.code;
      if (!codeControl) continue;
      const code = claimState.parsed.get(line.id)?.code;
      if (!code) dropBadge(codeControl);
      else showBadge(codeControl, code, byLine.get(line.id) ?? []);
    }
    if (cardFor) refreshCard();
  }

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
      const badge = createBadge(control.ownerDocument, () => openCardFor(control));
      badges.set(control, badge);
      watch(control);
      // Inserted and placed in the next frame, with every other new badge: reading the page stays free of layouts.
      schedulePlace();
      return badge;
    } catch {
      return undefined;
    }
  }

  function dropBadge(control: Element) {
    layout?.unobserve(control);
    clipping?.unobserve(control);
    clipped.delete(control);
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
    let badge = badges.get(control);
    const before = badge && `${badge.host.dataset.code}|${badge.host.dataset.severity}|${badge.host.dataset.rules}`;
    if (!badge) {
      badge = tryCreateBadge(control);
      if (!badge) return false;
    }
    badge.update(code, severity, ruleId ? [ruleId] : []);
    return before !== `${code}|${severity}|${ruleId ?? ''}`;
  }

  /** Every badge beside its control: all boxes read first, then only the badges that moved written (one layout). */
  function placeAll() {
    placeScheduled = false;
    const boxes: [Badge, DOMRect | null][] = [];
    for (const [control, badge] of badges) {
      if (!control.isConnected) dropBadge(control);
      else boxes.push([badge, rectOf(control)]);
    }
    for (const [badge, box] of boxes) badge.place(box);
    if (cardFor && !cardFor.isConnected) closeCard();
  }

  function schedulePlace() {
    if (placeScheduled) return;
    placeScheduled = true;
    requestAnimationFrame(placeAll);
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  function fullScan() {
    if (signal.aborted) return;
    const claims = readClaims(doc, { selectors: options.selectors?.(), frames: false });
    state.clear();
    checkers.clear();
    findings.clear();
    const inLines = new Set<Element>();
    for (const claim of claims) {
      adoptClaim(claim);
      for (const line of claim.lines) if (line.controls.code) inLines.add(line.controls.code);
    }
    for (const control of [...badges.keys()]) if (!inLines.has(control) && !isFreeText(control)) dropBadge(control);
    for (const el of doc.querySelectorAll('textarea, [contenteditable]')) if (isReadableControl(el) && !inLines.has(el)) freeTextBadge(el);
  }

  const isFreeText = (el: Element) => el.localName === 'textarea' || (el as HTMLElement).isContentEditable === true;

  /** A control changed: re-read its line only, re-check its claim. Whether anything was re-checked. */
  function onControlChanged(control: Element): boolean {
    const place = state.placeOf(control);
    if (place) {
      const claimState = state.claim(place.claimId)!;
      const line = claimState.page.lines.find((l) => l.id === place.lineId);
      if (line) {
        const fresh = rereadLine(line);
        if (sameRaw(fresh.raw, line.raw)) return false;
        state.updateLine(claimState, fresh);
        recheck(place.claimId);
        return true;
      }
    }
    if (!isFieldControl(control)) return false;
    const found = readLineOf(control, { selectors: options.selectors?.() });
    if (found) adoptClaim(found.claim);
    else if (isReadableControl(control) && isFreeText(control)) return freeTextBadge(control);
    else if (badges.has(control)) dropBadge(control);
    else return onClaimFieldsChanged();
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
    const line = place && state.claim(place.claimId)?.page.lines.find((l) => l.id === place.lineId);
    return place && line ? { claimId: place.claimId, line } : undefined;
  }

  const cards = new Map<string, FullCode | null | 'loading'>();

  function cardModel(control: Element): InlineCardModel | null {
    const badge = badges.get(control);
    const code = badge?.host.dataset.code;
    if (!code) return null;
    const at = lineOf(control);
    const lineFindings = at ? (findings.get(at.claimId)?.get(at.line.id) ?? []) : [];
    const full = cards.get(code);
    if (full === undefined) {
      cards.set(code, 'loading');
      options
        .loadCard(code)
        .catch(() => null)
        .then((c) => {
          cards.set(code, c);
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
      checklist: [...(loaded?.card.checklist ?? []), ...(extras.checklist ?? [])],
      confusedWith: loaded?.card.confusedWith ?? [],
      payerName: extras.payerName,
      payerNote: extras.note,
      status: full === undefined || full === 'loading' ? 'loading' : full ? 'ready' : 'missing',
    };
  }

  function openCardFor(control: Element) {
    if (!options.card) return;
    const model = cardModel(control);
    if (!model) return closeCard();
    cardFor = control;
    options.card.show(control, model);
  }

  function refreshCard() {
    if (!cardFor || !options.card) return;
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
    options.card?.hide();
  }

  // ---- events ----------------------------------------------------------------------------------------------------

  const targetOf = (e: Event) => e.composedPath()[0] as Element | undefined;
  const listen = { capture: true, passive: true, signal } as const;

  const onInputOrChange = (e: Event) => {
    const target = targetOf(e);
    if (!target || options.card?.contains(target)) return;
    // Only redraw the card when the line changed: a `change` event fires on blur, and redrawing while focus moves
    // into the card (Alt+Shift+L) would drop the element receiving focus.
    if (!onControlChanged(target)) return;
    if (target === cardFor || (badges.has(target) && focusedElement() === target)) openCardFor(target);
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
        if (!back) openCardFor(target);
      } else if (cardFor) closeCard();
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
      if (!cardFor || !options.card?.open) return;
      if (e.key === 'Escape') {
        // Escape inside the card: focus goes back to its field (the card stays closed until the line changes).
        const field = options.card.contains(doc.activeElement) ? cardFor : null;
        closeCard();
        if (field) {
          returnedTo = field;
          (field as HTMLElement).focus({ preventScroll: true });
        }
      } else if (SHORTCUT(e)) {
        e.preventDefault();
        options.card.focus();
      }
    },
    { capture: true, signal },
  );
  events.addEventListener('scroll', schedulePlace, listen);
  doc.defaultView?.addEventListener('resize', schedulePlace, listen);

  // ---- mutations: rows added, removed or re-rendered; values set by script ------------------------------------

  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  let rescanDelay = 50;
  let pendingSince: number | undefined;
  const changedByScript = new Set<Element>();
  const observer = new MutationObserver((records) => {
    let structural = false;
    for (const r of records) {
      if (r.type === 'attributes') changedByScript.add(r.target as Element);
      else if ([...r.addedNodes, ...r.removedNodes].some((n) => n.nodeType === 1 && (n as Element).localName !== 'cdt-lens-badge' && (n as Element).localName !== 'cdt-lens-card'))
        structural = true;
    }
    if (structural) {
      schedulePlace();
      // Debounce grows while the page keeps changing (spinners, SPA transitions), up to two seconds; a page that
      // never stops (re-rendering every second) is still read at least every two seconds.
      clearTimeout(rescanTimer);
      pendingSince ??= Date.now();
      rescanDelay = Math.min(rescanDelay * 2, 2000, Math.max(0, pendingSince + 2000 - Date.now()));
      rescanTimer = setTimeout(() => idle(() => ((rescanDelay = 50), (pendingSince = undefined), fullScan())), rescanDelay);
    }
    if (changedByScript.size)
      idle(() => {
        for (const el of changedByScript) onControlChanged(el);
        changedByScript.clear();
      });
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['value'] });
  layout?.observe(doc.documentElement);
  if (doc.body) layout?.observe(doc.body);

  // Values set by script through the value property fire no event and no mutation: sweep known lines now and then.
  const sweep = setInterval(() => {
    if (doc.hidden) return;
    // A backstop for moves nothing above reports (a transform, a sibling growing inside a fixed-size box).
    schedulePlace();
    idle(() => {
      onClaimFieldsChanged();
      for (const claimState of state.allClaims())
        for (const line of claimState.page.lines) {
          const fresh = rereadLine(line);
          if (!sameRaw(fresh.raw, line.raw)) {
            state.updateLine(claimState, fresh);
            recheck(claimState.page.id);
          }
        }
    }, 1000);
  }, SWEEP_MS);

  idle(fullScan);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    layout?.disconnect();
    clipping?.disconnect();
    clearInterval(sweep);
    clearTimeout(rescanTimer);
    for (const badge of badges.values()) badge.remove();
    badges.clear();
    closeCard();
  });

  return {
    badges,
    /** Re-check everything, e.g. after settings changed. */
    refresh() {
      for (const checker of checkers.values()) checker.reset();
      checkers.clear();
      for (const claimState of state.allClaims()) recheck(claimState.page.id);
    },
    /** Forget the page and read it again, e.g. after an SPA route change. */
    rescan() {
      fullScan();
    },
  };
}
