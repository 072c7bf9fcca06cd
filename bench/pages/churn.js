/**
 * Issue 8's load: the page itself re-renders claim rows and sets values by script, at a fixed rate (default
 * 5,000 mutations a minute), for a bounded time, then stops by itself. Deterministic (seeded), so the runs with
 * and without the extension see the same mutations. Evaluated in the page's main world by bench/loadtest.ts:
 * window.__churn.start({ perMinute, durationMs, seed, procedures }); window.__churn.state tells progress;
 * window.__churn.pause() and resume() stop the clock in between (the load test's heap checkpoints, and the page
 * without the extension while the other side is traced).
 *
 * One mutation is one of:
 * - a keyed re-render of a row with a new procedure (the <tr> replaced by a freshly built one);
 * - a re-render of a row with the same values (framework re-render, nothing changed);
 * - a code set through the value property, no event (a script filling the field);
 * - a value set and input + change dispatched (framework-controlled input, autocomplete pick), on the code, tooth
 *   or fee field;
 * - the value attribute set on a code field (attribute mutation);
 * - fee or description set through the value property (recalculation);
 * - a code cleared with an input event.
 */
(() => {
  if (window.__churn) return;

  function rng(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

  /** The same markup as bench/pages/generate.ts rowHtml. */
  function rowHtml(l) {
    const i = l.n;
    const v = (s) => (s ? ` value="${esc(s)}"` : '');
    return `<th scope="row">${i}</th>
  <td><input name="line[${i}][date]" aria-label="24. Procedure date, line ${i}" placeholder="MM/DD/CCYY" size="10"${v(l.date)}></td>
  <td><input name="line[${i}][area]" aria-label="25. Area of oral cavity, line ${i}" size="2"${v(l.area)}></td>
  <td><select name="line[${i}][system]" aria-label="26. Tooth system, line ${i}"><option value="JP" selected>JP</option><option value="JO">JO</option></select></td>
  <td><input name="line[${i}][tooth]" aria-label="27. Tooth number(s) or letter(s), line ${i}" size="6"${v(l.tooth)}></td>
  <td><input name="line[${i}][surface]" aria-label="28. Tooth surface, line ${i}" size="5"${v(l.surface)}></td>
  <td><input name="line[${i}][code]" aria-label="29. Procedure code, line ${i}" size="7" autocomplete="off"${v(l.code)}></td>
  <td><input name="line[${i}][qty]" aria-label="29b. Quantity, line ${i}" size="2"${v(l.qty)}></td>
  <td><input name="line[${i}][description]" aria-label="30. Description, line ${i}" size="28"${v(l.description)}></td>
  <td><input name="line[${i}][fee]" aria-label="31. Fee, line ${i}" size="8" inputmode="decimal"${v(l.fee)}></td>`;
  }

  const state = { done: 0, total: 0, running: false, finished: false, paused: false, pausedMs: 0, kinds: {}, startedAt: 0, endedAt: 0, maxTickMs: 0 };
  let pausedAt = 0;

  function pause() {
    if (!state.running || state.paused) return;
    state.paused = true;
    pausedAt = performance.now();
  }
  /** Picks up where it stopped: the time paused does not count, so no mutations are owed for it. */
  function resume() {
    if (!state.paused) return;
    state.paused = false;
    state.pausedMs += performance.now() - pausedAt;
  }

  function start({ perMinute = 5000, durationMs = 300000, seed = 8, procedures }) {
    const r = rng(seed);
    const pick = (list) => list[Math.floor(r() * list.length)];
    const tbody = document.getElementById('lines');
    const rows = () => tbody.rows;
    const field = (row, role) => row.querySelector(`[name$="[${role}]"]`);
    const valueOf = (row, role) => {
      const el = field(row, role);
      return el ? el.value : '';
    };
    const lineFor = (n, p) => ({
      n,
      date: `${String(1 + Math.floor(r() * 10)).padStart(2, '0')}/${String(1 + Math.floor(r() * 28)).padStart(2, '0')}/2026`,
      area: p.areas ? pick(p.areas) : '',
      tooth: p.teeth ? pick(p.teeth) : '',
      surface: p.surfaces ? pick(p.surfaces) : '',
      code: p.code,
      qty: '1',
      description: p.description,
      fee: p.fee.toFixed(2),
    });
    const rerender = (row, line) => {
      const tr = document.createElement('tr');
      tr.innerHTML = rowHtml(line);
      row.replaceWith(tr);
    };
    const fire = (el) => {
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const kinds = [
      [0.25, 'rerender-new', (row, n) => rerender(row, lineFor(n, pick(procedures)))],
      [
        0.1,
        'rerender-same',
        (row, n) =>
          rerender(row, {
            n,
            date: valueOf(row, 'date'),
            area: valueOf(row, 'area'),
            tooth: valueOf(row, 'tooth'),
            surface: valueOf(row, 'surface'),
            code: valueOf(row, 'code'),
            qty: valueOf(row, 'qty'),
            description: valueOf(row, 'description'),
            fee: valueOf(row, 'fee'),
          }),
      ],
      [0.2, 'set-code-property', (row) => (field(row, 'code').value = pick(procedures).code)],
      [
        0.2,
        'set-and-dispatch',
        (row) => {
          const role = pick(['code', 'code', 'tooth', 'fee']);
          const el = field(row, role);
          const p = pick(procedures);
          el.value = role === 'code' ? p.code : role === 'tooth' ? (p.teeth ? pick(p.teeth) : '') : p.fee.toFixed(2);
          fire(el);
        },
      ],
      [0.1, 'set-code-attribute', (row) => field(row, 'code').setAttribute('value', pick(procedures).code)],
      [
        0.1,
        'set-fee-or-description',
        (row) => {
          const p = pick(procedures);
          if (r() < 0.5) field(row, 'fee').value = p.fee.toFixed(2);
          else field(row, 'description').value = p.description;
        },
      ],
      [
        0.05,
        'clear-code',
        (row) => {
          const el = field(row, 'code');
          el.value = '';
          fire(el);
        },
      ],
    ];
    const mutate = () => {
      const list = rows();
      const index = Math.floor(r() * list.length);
      const row = list[index];
      let x = r();
      for (const [weight, name, fn] of kinds) {
        if ((x -= weight) <= 0 || name === 'clear-code') {
          fn(row, index + 1);
          state.kinds[name] = (state.kinds[name] || 0) + 1;
          return;
        }
      }
    };

    state.total = Math.round((perMinute * durationMs) / 60000);
    state.done = 0;
    state.running = true;
    state.finished = false;
    state.paused = false;
    state.pausedMs = 0;
    state.startedAt = performance.now();
    const timer = setInterval(() => {
      if (state.paused) return;
      const t0 = performance.now();
      const elapsed = t0 - state.startedAt - state.pausedMs;
      const due = Math.min(state.total, Math.floor((elapsed * perMinute) / 60000));
      // Never more than a second's worth in one tick, so a stalled page does not get a burst.
      const limit = state.done + Math.ceil(perMinute / 60);
      while (state.done < due && state.done < limit) {
        mutate();
        state.done++;
      }
      state.maxTickMs = Math.max(state.maxTickMs, performance.now() - t0);
      // Bounded in time too: a page whose main thread was blocked makes fewer mutations, never a late burst.
      if (state.done >= state.total || elapsed > durationMs + 5000) {
        clearInterval(timer);
        state.running = false;
        state.finished = true;
        state.endedAt = performance.now();
      }
    }, 50);
  }

  /** The page's code values (what its code fields show) against the badges on the page. */
  function check() {
    const expected = [];
    for (const el of document.querySelectorAll('#lines input[name$="[code]"]')) {
      const v = el.value.trim();
      if (/^[Dd]\d{4}$/.test(v)) expected.push(v.toUpperCase());
    }
    const actual = [];
    for (const b of document.querySelectorAll('cdt-lens-badge')) if (b.dataset.code) actual.push(b.dataset.code);
    expected.sort();
    actual.sort();
    const count = (list) => list.reduce((m, c) => m.set(c, (m.get(c) || 0) + 1), new Map());
    const e = count(expected);
    const a = count(actual);
    let matched = 0;
    for (const [c, n] of e) matched += Math.min(n, a.get(c) || 0);
    return { expected: expected.length, badges: actual.length, matched, equal: expected.length === actual.length && matched === expected.length };
  }

  window.__churn = { start, pause, resume, state, check };
})();
