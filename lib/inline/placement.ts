/**
 * Where the inline card goes: beside the field, never over it, inside the viewport. Pure geometry (the
 * content script's 40 KB budget has no room for a positioning library for one popover).
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  x: number;
  y: number;
  side: 'below' | 'above' | 'right' | 'left' | 'inside';
  /** Height the card may use on that side. */
  maxHeight: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

export function placeBeside(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }, gap = 6, padding = 8): Placement {
  const below = viewport.height - (anchor.top + anchor.height) - gap - padding;
  const above = anchor.top - gap - padding;
  const right = viewport.width - (anchor.left + anchor.width) - gap - padding;
  const left = anchor.left - gap - padding;
  const x = clamp(anchor.left, padding, viewport.width - card.width - padding);
  const y = clamp(anchor.top, padding, viewport.height - card.height - padding);
  if (below >= card.height || (below >= above && below >= 160 && right < card.width && left < card.width))
    return { x, y: anchor.top + anchor.height + gap, side: 'below', maxHeight: below };
  if (above >= card.height) return { x, y: anchor.top - gap - card.height, side: 'above', maxHeight: above };
  if (right >= card.width) return { x: anchor.left + anchor.width + gap, y, side: 'right', maxHeight: viewport.height - 2 * padding };
  if (left >= card.width) return { x: anchor.left - gap - card.width, y, side: 'left', maxHeight: viewport.height - 2 * padding };
  // No side has room (a tiny viewport): the roomier of above and below, shortened to fit.
  return below >= above
    ? { x, y: anchor.top + anchor.height + gap, side: 'below', maxHeight: Math.max(0, below) }
    : { x, y: padding, side: 'above', maxHeight: Math.max(0, above) };
}
