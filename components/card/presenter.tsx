import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardPresenter } from '../../lib/inline/controller';
import cardCss from './card.css?inline';
import { InlineCard, type InlineCardModel } from './InlineCard';

export const CARD_TAG = 'cdt-lens-card';

/**
 * Mounts the inline card in its own open shadow root (WXT's createShadowRootUi): styles reset and in px, key
 * events kept inside so the page's shortcuts do not fire, placed beside the field without covering it.
 */
export async function createCardPresenter(ctx: ContentScriptContext, onOpenFull: (code: string) => void): Promise<CardPresenter> {
  let anchor: Element | null = null;
  let current: InlineCardModel | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: CARD_TAG,
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css: cardCss,
    isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'change', 'focusin', 'focusout', 'click', 'mousedown', 'pointerdown'],
    onMount: () => undefined,
  });
  const host = ui.shadowHost;

  const draw = () => {
    if (!current) return;
    render(<InlineCard key={current.code} model={current} onOpenFull={onOpenFull} onClose={presenter.hide} />, ui.uiContainer);
  };

  async function place() {
    if (!anchor || !current) return;
    const { x, y } = await computePosition(anchor, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ fallbackPlacements: ['top-start', 'right-start', 'left-start'] }),
        shift({ padding: 8 }),
        size({ padding: 8, apply: ({ availableHeight }) => host.style.setProperty('--cdt-lens-max-h', `${Math.max(160, availableHeight)}px`) }),
      ],
    });
    host.style.setProperty('--cdt-lens-x', `${Math.round(x)}px`, 'important');
    host.style.setProperty('--cdt-lens-y', `${Math.round(y)}px`, 'important');
  }

  const reposition = () => {
    if (presenter.open) void place();
  };
  ctx.addEventListener(window, 'scroll', reposition, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', reposition, { passive: true });

  const presenter: CardPresenter = {
    get open() {
      return current !== null && host.isConnected;
    },
    show(at, model) {
      anchor = at;
      current = model;
      if (!host.isConnected) ui.mount();
      host.dataset.code = model.code;
      draw();
      void place();
    },
    hide() {
      if (!current) return;
      current = null;
      anchor = null;
      render(null, ui.uiContainer);
      ui.remove();
    },
    contains(node) {
      return !!node && (node === host || host.contains(node) || ui.shadow.contains(node));
    },
    focus() {
      (ui.shadow.querySelector('.card') as HTMLElement | null)?.focus();
    },
  };
  return presenter;
}
