import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardPresenter } from '../../lib/inline/controller';
import { placeBeside } from '../../lib/inline/placement';
import { LAYER_TAG, layerBox, pageClaimedTag } from '../badge';
import cardCss from './card.css?inline';
import { CARD_TAG, type InlineCardModel, renderCardView } from './card-view';

/** The card's tallest, as card.css has it before it is placed. */
const MAX_HEIGHT = 420;

/** On a page that defined its own <cdt-lens-card> (or badge layer), there is no card: badges still work where they can. */
const NO_CARD: CardPresenter = { open: false, show() {}, hide() {}, contains: () => false, hovered: () => false, focus() {} };

/** Where the card waits before its first placement: outside the document, never over the page. */
const UNPLACED = { x: '-10000px', y: '-10000px' };

/**
 * Mounts the inline card in its own open shadow root (WXT's createShadowRootUi): styles reset and in px, key
 * events kept inside so the page's shortcuts do not fire, placed beside the field without covering it.
 *
 * The card lives in the badge layer (document coordinates), in a box of its own (see layerBox): mounting, drawing
 * and removing it lays out that box alone, where as a child of <html> each of those laid out the page from its
 * root (1.2-1.6 ms a time on a 2,700-control claim, several times a line). It is moved by a transform, which lays
 * nothing out; through custom properties, because the shadow root's own !important reset outranks inline styles.
 */
export async function createCardPresenter(ctx: ContentScriptContext, onOpenFull: (code: string) => void): Promise<CardPresenter> {
  if (pageClaimedTag(document, CARD_TAG) || pageClaimedTag(document, LAYER_TAG)) return NO_CARD;
  let anchor: Element | null = null;
  let current: InlineCardModel | null = null;
  let ticked = new Set<number>();
  let tickedFor = '';
  const ui = await createShadowRootUi(ctx, {
    name: CARD_TAG,
    position: 'inline',
    anchor: () => layerBox(document, 'card'),
    append: 'last',
    css: cardCss,
    isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'change', 'focusin', 'focusout', 'click', 'mousedown', 'pointerdown'],
    onMount: () => undefined,
  });
  const host = ui.shadowHost;
  const moveTo = (x: string, y: string) => {
    host.style.setProperty('--cdt-lens-x', x, 'important');
    host.style.setProperty('--cdt-lens-y', y, 'important');
  };
  moveTo(UNPLACED.x, UNPLACED.y);
  const lineKeys = new WeakMap<Element, string>();
  let lineSerial = 0;
  /** What the card's content shows (kept while it is hidden), to skip redrawing the same. */
  let drawn = '';
  /** Where the card is and how tall it may be, as last written. */
  let placedAt = '';
  let maxHeight = '';

  /** The card itself (section.card), as renderCardView puts it in the container; none before the first show. */
  const cardElement = () => ui.uiContainer.firstElementChild as HTMLElement | null;

  const draw = (lineKey: string) => {
    if (!current) return;
    if (lineKey !== tickedFor) {
      ticked = new Set();
      tickedFor = lineKey;
    }
    // Keep focus where it was across redraws (a tick re-renders nothing, a new finding re-renders all): on the
    // same checklist item or button of the new drawing, else on the card.
    const focused = ui.shadow.activeElement;
    const spot = focused && focusSpot(focused);
    renderCardView(ui.uiContainer, current, ticked, { onOpenFull, onClose: presenter.hide });
    cardElement()?.style.setProperty('max-height', maxHeight);
    if (spot) ((spot.kind && sameKind(spot.kind)[spot.index]) || cardElement())?.focus();
  };
  /** A control of the card as "the nth of its kind" (tag and class), which a redraw keeps. */
  const kindOf = (el: Element) => `${el.localName}.${el.className}`;
  const sameKind = (kind: string) => [...ui.uiContainer.querySelectorAll<HTMLElement>('button, input')].filter((el) => kindOf(el) === kind);
  const focusSpot = (el: Element) => {
    const kind = el.matches('button, input') ? kindOf(el) : '';
    return { kind, index: kind ? sameKind(kind).indexOf(el as HTMLElement) : -1 };
  };

  // Placed in the next frame, before it is painted: measuring right after drawing would lay the page out an
  // extra time on every keystroke.
  let placing = 0;
  const schedulePlace = () => {
    placing ||= requestAnimationFrame(() => {
      placing = 0;
      place();
    });
  };

  /** Every box read first, then only what changed written: placing the card lays out its box once at most. */
  function place() {
    if (!anchor || !current || !host.isConnected) return;
    const a = anchor.getBoundingClientRect();
    const card = cardElement()?.getBoundingClientRect();
    const layer = (host.parentElement ?? host).getBoundingClientRect();
    const view = document.documentElement;
    const p = placeBeside(a, { width: card?.width || 340, height: card?.height || 200 }, { width: view.clientWidth || innerWidth, height: view.clientHeight || innerHeight });
    const [x, y] = [`${Math.round(p.x - layer.left)}px`, `${Math.round(p.y - layer.top)}px`];
    const at = `${x},${y}`;
    if (at !== placedAt) moveTo(x, y);
    placedAt = at;
    const height = `${Math.max(0, Math.round(Math.min(MAX_HEIGHT, p.maxHeight)))}px`;
    if (height !== maxHeight) cardElement()?.style.setProperty('max-height', (maxHeight = height));
  }

  const reposition = () => {
    if (presenter.open) schedulePlace();
  };
  ctx.addEventListener(window, 'scroll', reposition, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', reposition, { passive: true });

  const presenter: CardPresenter = {
    get open() {
      return current !== null && host.isConnected;
    },
    show(at, model) {
      let key = lineKeys.get(at);
      if (!key) lineKeys.set(at, (key = String(++lineSerial)));
      // Every keystroke in the field asks again; a card that would look the same is left alone.
      const drawing = `${key}\u0000${JSON.stringify(model)}`;
      if (drawing === drawn && host.isConnected) return;
      anchor = at;
      current = model;
      if (!host.isConnected) ui.mount();
      host.dataset.code = model.code;
      // Reopened on the same line with the same findings (a code cleared and typed again, focus coming back):
      // what it drew last is still in it.
      if (drawing !== drawn) draw(`${model.code}@${key}`);
      drawn = drawing;
      schedulePlace();
    },
    hide() {
      if (!current) return;
      current = null;
      anchor = null;
      // Not ui.remove(): it also searches the whole document for a style element this card never adds. Its content
      // stays for the next show, which redraws it only if the line or the findings changed.
      host.remove();
      moveTo(UNPLACED.x, UNPLACED.y);
      placedAt = '';
    },
    contains(node) {
      return !!node && (node === host || host.contains(node) || ui.shadow.contains(node));
    },
    hovered: () => host.isConnected && host.matches(':hover'),
    focus() {
      cardElement()?.focus();
    },
  };
  return presenter;
}
