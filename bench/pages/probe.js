/**
 * The bench's in-page probe, installed in the page's main world before any page script (Playwright
 * addInitScript), identical with and without the extension:
 * - long tasks (PerformanceObserver 'longtask', buffered) and LCP;
 * - every change to a <cdt-lens-badge> (added, removed, data-code set), timestamped, so a long task can be tied to
 *   the extension (its work writes badges in the same task) and a keystroke to its badge;
 * - while `__bench.tracking` is on: each key's events (keydown, keypress, beforeinput, input, keyup) timed from a
 *   window capture listener (runs before every other listener, the extension's document capture listeners
 *   included) to a window bubble listener (runs after them, and after the microtasks they queued), and, when an
 *   input leaves a code field holding a complete code, the time from that key's keydown to the badge for it.
 */
(() => {
  if (window.__bench) return;
  const now = () => performance.now();
  const MAX_EVENTS = 200000;
  const B = {
    tracking: false,
    longtasks: [],
    lcp: 0,
    badgeCount: 0,
    lastBadgeAt: 0,
    /** Times of MutationObserver callbacks that saw badge changes. */
    badgeTimes: [],
    /** Keystrokes while tracking: field role and the summed time of its events' dispatch. */
    keys: [],
    /** Completed codes while tracking: code, keydown time, input time, badge time, next-frame time. */
    completions: [],
  };
  window.__bench = B;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        B.longtasks.push({
          start: e.startTime,
          duration: e.duration,
          name: e.name,
          attribution: (e.attribution || []).map((a) => ({ name: a.name, containerType: a.containerType, containerSrc: a.containerSrc })),
        });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.longtaskUnsupported = true;
  }
  try {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      B.lcp = entries[entries.length - 1].startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    B.lcp = -1;
  }

  // ---- badges ------------------------------------------------------------------------------------------------
  const isBadge = (n) => n.nodeType === 1 && n.localName === 'cdt-lens-badge';
  const onBadges = (records) => {
    const t = now();
    let seen = false;
    const codes = new Set();
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes)
          if (isBadge(n)) {
            seen = true;
            B.badgeCount++;
            if (n.dataset.code) codes.add(n.dataset.code);
          }
        for (const n of r.removedNodes)
          if (isBadge(n)) {
            seen = true;
            B.badgeCount--;
          }
      } else if (isBadge(r.target)) {
        seen = true;
        if (r.target.dataset.code) codes.add(r.target.dataset.code);
      }
    }
    if (!seen) return;
    B.lastBadgeAt = t;
    if (B.badgeTimes.length < MAX_EVENTS) B.badgeTimes.push(t);
    for (const c of B.completions)
      if (!c.badge && codes.has(c.code)) {
        c.badge = t;
        requestAnimationFrame(() => (c.frame = now()));
      }
  };
  const watch = () => {
    const root = document.documentElement;
    // Badges live in one <cdt-lens-badges> layer appended to <html>: watch <html>'s children for the layer, the
    // layer's subtree for badges (they sit in a box inside it), and data-code anywhere (cheap: one attribute).
    const inLayer = new MutationObserver(onBadges);
    const watchLayer = (n) => {
      if (n.nodeType !== 1 || n.localName !== 'cdt-lens-badges') return;
      inLayer.observe(n, { childList: true, subtree: true });
      // Badges put in the layer in the task that inserted it were there before this observer: count them now.
      const there = [...n.querySelectorAll('cdt-lens-badge')];
      if (there.length) onBadges([{ type: 'childList', addedNodes: there, removedNodes: [] }]);
    };
    for (const n of root.children) watchLayer(n);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) watchLayer(n);
    }).observe(root, { childList: true });
    new MutationObserver(onBadges).observe(root, { attributes: true, attributeFilter: ['data-code'], subtree: true });
  };
  if (document.documentElement) watch();
  else
    new MutationObserver((_, self) => {
      if (document.documentElement) {
        self.disconnect();
        watch();
      }
    }).observe(document, { childList: true });

  // ---- keystrokes ----------------------------------------------------------------------------------------------
  const roleOf = (el) => {
    const m = /\[(\w+)\]$/.exec((el && el.name) || '');
    return m ? m[1] : (el && el.localName) || '';
  };
  let started = 0;
  let lastKeydown = 0;
  let key = null;
  const begin = (e) => {
    if (!B.tracking) return;
    started = now();
    if (e.type === 'keydown') {
      lastKeydown = started;
      key = { role: roleOf(e.composedPath()[0]), key: e.key, dispatch: 0 };
      if (B.keys.length < MAX_EVENTS) B.keys.push(key);
    }
    if (e.type === 'input') {
      const el = e.composedPath()[0];
      const value = String((el && el.value) || '').trim();
      if (roleOf(el) === 'code' && /^[Dd]\d{4}$/.test(value))
        B.completions.push({ code: value.toUpperCase(), keydown: lastKeydown, input: started, badge: 0, frame: 0 });
    }
  };
  const end = () => {
    if (!B.tracking || !key || !started) return;
    key.dispatch += now() - started;
    started = 0;
  };
  for (const type of ['keydown', 'keypress', 'beforeinput', 'input', 'keyup']) {
    window.addEventListener(type, begin, true);
    window.addEventListener(type, end, false);
  }
})();
