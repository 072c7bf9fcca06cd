import type { BadgeSeverity } from '../lib/rules/ids';

/**
 * The badge beside a code-bearing control: a host element <cdt-lens-badge> in the control's document, with
 * data-code, data-severity and data-rules kept current (a testing contract), and its look in a shadow root.
 * Plain DOM rather than Preact: there may be hundreds, and each must cost almost nothing.
 */
export const BADGE_TAG = 'cdt-lens-badge';
/** The one element per document that holds its badges. */
export const LAYER_TAG = 'cdt-lens-badges';

// Kept on one line: the content script's size budget counts every byte, and minifiers leave strings alone.
// Positioned by a transform: moving a badge lays nothing out and is no layout shift of the page (CLS).
// Contained in size, layout and paint but not style: Blink re-walks the whole document's style containment scopes
// (counters and quotes) when an element with style containment is removed, 1-2 ms a badge on the 300-line claim.
// The layer and its boxes are contained the same way.
const STYLE = `:host{all:initial !important;position:absolute !important;z-index:2147483646 !important;display:block !important;left:0 !important;top:0 !important;transform:translate(var(--cdt-lens-x,-100px),var(--cdt-lens-y,-100px)) !important;width:16px !important;height:16px !important;pointer-events:auto !important;contain:size layout paint !important;}:host([hidden]){display:none !important;}.dot{box-sizing:border-box;width:16px;height:16px;border-radius:8px;border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.25),0 1px 2px rgba(0,0,0,.3);cursor:pointer;font:700 10px/12px system-ui,-apple-system,"Segoe UI",sans-serif;color:#fff;text-align:center;}.ok{background:#1e7f4f;}.info{background:#2563c9;}.warning{background:#b45f06;}.error{background:#c0262d;}`;

const GLYPH: Record<BadgeSeverity, string> = { ok: '✓', info: 'i', warning: '!', error: '×' };
const LABEL: Record<BadgeSeverity, string> = {
  ok: 'no problems found',
  info: 'notes',
  warning: 'warnings',
  error: 'likely rejected as entered',
};

/** A box of no size at its container's origin, out of the page's reach (inline !important outranks any page rule). */
const ORIGIN_BOX =
  'all:initial!important;display:block!important;position:absolute!important;left:0!important;top:0!important;width:0!important;height:0!important;pointer-events:none!important;';
/**
 * The layer sits at the document's origin and scrolls with it, so scrolling the page moves every badge without a
 * write (fixed badges needed one per badge per scrolled frame). Size and layout containment make moving and
 * hiding badges lay out the layer alone, never the page, and turn the badges' overflow into ink overflow: a
 * badge beside a control at the page's edge never widens it.
 */
const LAYER_STYLE = `${ORIGIN_BOX}contain:size layout!important;z-index:2147483646!important;`;
/**
 * Badges and the card each go in a box of their own inside the layer: a contained wrapper holding a positioned
 * box. Blink then lays out an element added to or removed from the box with its wrapper as the root, while one
 * added to the layer itself lays out the whole page (traced on the 300-line claim: about 90 objects for the card,
 * against 12,000 for the page, or 900 for a root shared with 300 badges).
 */
const WRAP_STYLE = `${ORIGIN_BOX}contain:size layout!important;`;
type LayerParts = { layer: HTMLElement; badgesWrap: HTMLElement; cardWrap: HTMLElement; badges: HTMLElement; card: HTMLElement };
const layers = new WeakMap<Document, LayerParts>();

function styled(doc: Document, tag: string, style: string): HTMLElement {
  const el = doc.createElement(tag);
  el.setAttribute('style', style);
  return el;
}

/**
 * Badges and the card are moved through two custom properties (see Badge.place). Registered as not inherited, a
 * move restyles the moved host alone; inherited (unregistered) ones restyled every element in the card's shadow
 * root, 33 of them, on each placement. Per document, since registrations are; a page or an earlier copy of this
 * script that registered them first makes this throw, and the boxes work either way.
 */
function registerPlacement(doc: Document) {
  for (const name of ['--cdt-lens-x', '--cdt-lens-y'])
    try {
      doc.defaultView?.CSS.registerProperty({ name, syntax: '<length>', inherits: false, initialValue: '-10000px' });
    } catch {
      // registered already
    }
}

function layerOf(doc: Document): LayerParts {
  let parts = layers.get(doc);
  if (!parts) {
    registerPlacement(doc);
    const wrap = (box: HTMLElement) => {
      const el = styled(doc, 'div', WRAP_STYLE);
      el.append(box);
      return el;
    };
    const badges = styled(doc, 'div', ORIGIN_BOX);
    const card = styled(doc, 'div', ORIGIN_BOX);
    parts = { layer: styled(doc, LAYER_TAG, LAYER_STYLE), badgesWrap: wrap(badges), cardWrap: wrap(card), badges, card };
    layers.set(doc, parts);
  }
  const { layer, badgesWrap, cardWrap } = parts;
  // In this order, also when the page took one out: the card is drawn above the badges. Filled before it is
  // connected, so the page's observers (and the content script's own) see one element of ours added, not our boxes.
  if (badgesWrap.parentNode !== layer || cardWrap.parentNode !== layer) layer.append(badgesWrap, cardWrap);
  if (!layer.isConnected) (doc.documentElement ?? doc).append(layer);
  return parts;
}

/** The document's badge layer (the box measured for its origin), created on first use and put back if the page removed it. */
export function badgeLayer(doc: Document): HTMLElement {
  return layerOf(doc).layer;
}

/** Where the layer holds its badges, or its card (see WRAP_STYLE). */
export function layerBox(doc: Document, of: 'badges' | 'card'): HTMLElement {
  return layerOf(doc)[of];
}

/** Takes the document's badge layer away (the content script stopped). */
export function removeBadgeLayer(doc: Document): void {
  layers.get(doc)?.layer.remove();
  layers.delete(doc);
}

/** Where the badge layer's origin is in the viewport (its box: its size is zero). */
export type Origin = Pick<DOMRectReadOnly, 'left' | 'top'>;

export interface Badge {
  host: HTMLElement;
  /** Sets what the badge says; nothing is written when it already says that. Whether it changed. */
  update(code: string, severity: BadgeSeverity, rules: string[]): boolean;
  /**
   * Puts the badge beside a control's box (null: hidden), both boxes read in the same frame, inserting it again
   * if the page took it out. Writes only what changed, so a frame that places hundreds of badges after reading
   * all their boxes costs no extra layout, and scrolling the page writes nothing.
   */
  place(rect: DOMRectReadOnly | null, origin: Origin): void;
  remove(): void;
}

const claimedTags = new WeakMap<Document, Map<string, boolean>>();

/**
 * Whether the page registered its own custom element under one of our tags. Our element would then be upgraded
 * into the page's class when inserted, and the page's constructor could fail on our shadow root, so CDT Lens
 * stays out of that document instead. Probed once per document: a connected, still-undefined element of a
 * registered name is upgraded synchronously and then matches `:defined`.
 */
export function pageClaimedTag(doc: Document, tag: string): boolean {
  let tags = claimedTags.get(doc);
  if (!tags) claimedTags.set(doc, (tags = new Map()));
  let claimed = tags.get(tag);
  if (claimed === undefined) {
    const probe = doc.createElement(tag);
    probe.hidden = true;
    try {
      (doc.documentElement ?? doc).append(probe);
      claimed = probe.matches(':defined');
    } catch {
      claimed = true;
    } finally {
      probe.remove();
    }
    tags.set(tag, claimed);
  }
  return claimed;
}

/** Throws when the page claimed the badge's tag (see pageClaimedTag). */
export function createBadge(doc: Document, onActivate: () => void, onHover: () => void = onActivate): Badge {
  for (const tag of [BADGE_TAG, LAYER_TAG]) if (pageClaimedTag(doc, tag)) throw new Error(`the page defines its own <${tag}>`);
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  // A <style> per badge rather than one shared constructed sheet: Blink parses identical shadow-root styles once,
  // and a shared sheet's list of adopting roots kept removed badges (and their controls' rows) alive.
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  const dot = doc.createElement('div');
  dot.setAttribute('role', 'img');
  root.append(dot);
  host.addEventListener('click', (e) => {
    e.stopPropagation();
    onActivate();
  });
  host.addEventListener('mouseenter', onHover);
  // In the document at once, hidden until its control's box is known: what it says is there with the keystroke
  // that made it, and it is drawn where it belongs in the frame that follows.
  host.hidden = true;
  layerBox(doc, 'badges').append(host);
  let said = '';
  let at = 'hidden';

  return {
    host,
    update(code, severity, rules) {
      // Sorted, so the attribute reads the same whatever order the rules ran in (`surface-count tooth-required`).
      const ruleList = [...rules].sort().join(' ');
      const saying = `${code}|${severity}|${ruleList}`;
      if (saying === said) return false;
      said = saying;
      host.dataset.code = code;
      host.dataset.severity = severity;
      host.dataset.rules = ruleList;
      dot.className = `dot ${severity}`;
      dot.textContent = GLYPH[severity];
      dot.setAttribute('aria-label', `CDT Lens: ${code}, ${LABEL[severity]}`);
      host.title = `${code}: ${LABEL[severity]}`;
      return true;
    },
    place(rect, origin) {
      if (!host.isConnected) layerBox(doc, 'badges').append(host);
      if (!rect || (rect.width === 0 && rect.height === 0)) {
        if (at === 'hidden') return;
        at = 'hidden';
        host.hidden = true;
        return;
      }
      const x = Math.round(rect.right - 8 - origin.left);
      const y = Math.round(rect.top - 8 - origin.top);
      if (at === `${x},${y}`) return;
      at = `${x},${y}`;
      host.hidden = false;
      // Custom properties, because the shadow root's own !important rules outrank any inline position.
      host.style.setProperty('--cdt-lens-x', `${x}px`, 'important');
      host.style.setProperty('--cdt-lens-y', `${y}px`, 'important');
    },
    remove() {
      host.remove();
    },
  };
}
