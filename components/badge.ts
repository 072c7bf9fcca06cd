import type { BadgeSeverity } from '../lib/rules/ids';

/**
 * The badge beside a code-bearing control: a host element <cdt-lens-badge> in the control's document, with
 * data-code, data-severity and data-rules kept current (a testing contract), and its look in a shadow root.
 * Plain DOM rather than Preact: there may be hundreds, and each must cost almost nothing.
 */
export const BADGE_TAG = 'cdt-lens-badge';

const STYLE = `
:host { all: initial !important; position: fixed !important; z-index: 2147483646 !important; display: block !important;
  left: var(--cdt-lens-x, -100px) !important; top: var(--cdt-lens-y, -100px) !important; margin: 0 !important;
  width: 16px !important; height: 16px !important; pointer-events: auto !important; contain: strict !important; }
:host([hidden]) { display: none !important; }
.dot { box-sizing: border-box; width: 16px; height: 16px; border-radius: 8px; border: 2px solid #fff;
  box-shadow: 0 0 0 1px rgba(0,0,0,.25), 0 1px 2px rgba(0,0,0,.3); cursor: pointer;
  font: 700 10px/12px system-ui, -apple-system, "Segoe UI", sans-serif; color: #fff; text-align: center; }
.ok { background: #1e7f4f; } .info { background: #2563c9; } .warning { background: #b45f06; } .error { background: #c0262d; }
@media (prefers-reduced-motion: no-preference) { .dot { transition: background-color .15s; } }
`;

const GLYPH: Record<BadgeSeverity, string> = { ok: '✓', info: 'i', warning: '!', error: '×' };
const LABEL: Record<BadgeSeverity, string> = {
  ok: 'no problems found',
  info: 'notes',
  warning: 'warnings',
  error: 'likely rejected as entered',
};

export interface Badge {
  host: HTMLElement;
  update(code: string, severity: BadgeSeverity, rules: string[]): void;
  place(rect: DOMRect | null): void;
  remove(): void;
}

let sheet: CSSStyleSheet | undefined;

export function createBadge(doc: Document, onActivate: () => void): Badge {
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const view = doc.defaultView;
  if (view && 'adoptedStyleSheets' in root && view.CSSStyleSheet) {
    if (!sheet || doc !== document) {
      const s = new view.CSSStyleSheet();
      s.replaceSync(STYLE);
      if (doc === document) sheet = s;
      root.adoptedStyleSheets = [s];
    } else root.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = STYLE;
    root.append(style);
  }
  const dot = doc.createElement('div');
  dot.setAttribute('role', 'img');
  root.append(dot);
  host.addEventListener('click', (e) => {
    e.stopPropagation();
    onActivate();
  });
  host.addEventListener('mouseenter', onActivate);
  (doc.documentElement ?? doc).append(host);

  return {
    host,
    update(code, severity, rules) {
      host.dataset.code = code;
      host.dataset.severity = severity;
      host.dataset.rules = rules.join(' ');
      dot.className = `dot ${severity}`;
      dot.textContent = GLYPH[severity];
      dot.setAttribute('aria-label', `CDT Lens: ${code}, ${LABEL[severity]}`);
      host.title = `${code}: ${LABEL[severity]}`;
    },
    place(rect) {
      if (!rect || (rect.width === 0 && rect.height === 0)) {
        host.hidden = true;
        return;
      }
      host.hidden = false;
      // Custom properties, because the shadow root's own !important rules outrank any inline position.
      host.style.setProperty('--cdt-lens-x', `${Math.round(rect.right - 8)}px`, 'important');
      host.style.setProperty('--cdt-lens-y', `${Math.round(rect.top - 8)}px`, 'important');
    },
    remove() {
      host.remove();
    },
  };
}
