import { type Badge, createBadge } from '../../components/badge';
import { controlCodes, isReadableControl, type ReadableControl } from '../page/controls';
import type { BadgeSeverity } from '../rules/ids';

export interface LineVerdict {
  severity: BadgeSeverity;
  rules: string[];
}

export interface InlineHintsOptions {
  /** Checks the code a control holds; the rule engine plugs in here. */
  check(code: string, control: ReadableControl): LineVerdict;
  /** Ends everything: listeners, observers, timers and badges. */
  signal: AbortSignal;
}

const CONTROL_SELECTOR = 'input, textarea, select, [contenteditable]';
const idle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 1);

/**
 * Watches one document the way Bitwarden watches forms: one delegated capture listener per event type, one
 * narrow MutationObserver batched in idle time, and an initial idle scan. Never writes to a page control.
 */
export function startInlineHints(doc: Document, { check, signal }: InlineHintsOptions) {
  const badges = new Map<ReadableControl, Badge>();
  let placeScheduled = false;

  function refresh(control: ReadableControl) {
    const code = control.isConnected ? controlCodes(control)[0] : undefined;
    let badge = badges.get(control);
    if (!code) {
      badge?.remove();
      badges.delete(control);
      return;
    }
    if (!badge) {
      badge = createBadge(doc, () => control.focus({ preventScroll: true }));
      badges.set(control, badge);
    }
    const verdict = check(code, control);
    badge.update(code, verdict.severity, verdict.rules);
    badge.place(control.getBoundingClientRect());
  }

  function scan(root: ParentNode) {
    if (root instanceof Element && isReadableControl(root)) refresh(root);
    for (const el of root.querySelectorAll(CONTROL_SELECTOR)) if (isReadableControl(el)) refresh(el);
  }

  function placeAll() {
    placeScheduled = false;
    for (const [control, badge] of badges) {
      if (!control.isConnected) {
        badge.remove();
        badges.delete(control);
      } else badge.place(control.getBoundingClientRect());
    }
  }
  function schedulePlace() {
    if (placeScheduled) return;
    placeScheduled = true;
    requestAnimationFrame(placeAll);
  }

  const onEvent = (e: Event) => {
    const target = e.composedPath()[0] as Element | undefined;
    if (isReadableControl(target)) refresh(target);
  };
  const listen = { capture: true, passive: true, signal } as const;
  doc.addEventListener('input', onEvent, listen);
  doc.addEventListener('change', onEvent, listen);
  doc.addEventListener('focusin', onEvent, listen);
  doc.addEventListener('scroll', schedulePlace, listen);
  doc.defaultView?.addEventListener('resize', schedulePlace, listen);

  let pending: Node[] = [];
  const observer = new MutationObserver((records) => {
    const wasEmpty = pending.length === 0;
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes)
          if (n.nodeType === 1 && (n as Element).localName !== 'cdt-lens-badge') pending.push(n);
        if (r.removedNodes.length) pending.push(doc);
      } else pending.push(r.target);
    }
    if (wasEmpty && pending.length) idle(flush);
  });
  function flush() {
    if (signal.aborted) return;
    const nodes = pending;
    pending = [];
    if (nodes.includes(doc)) schedulePlace();
    for (const n of nodes) if (n !== doc && n.isConnected) scan(n as ParentNode);
  }
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['value'],
  });

  idle(() => {
    if (!signal.aborted) scan(doc);
  });

  signal.addEventListener('abort', () => {
    observer.disconnect();
    for (const badge of badges.values()) badge.remove();
    badges.clear();
  });

  return { badges };
}
