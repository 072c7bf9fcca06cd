import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, placeBeside } from '../../../lib/inline/placement';

const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const viewport = { width: 1280, height: 800 };
const card = { width: 340, height: 300 };

describe('placing the inline card', () => {
  it('goes below the field when there is room', () => {
    const p = placeBeside({ left: 100, top: 100, width: 80, height: 24 }, card, viewport);
    expect(p).toMatchObject({ side: 'below', x: 100, y: 130 });
  });
  it('flips above a field near the bottom', () => expect(placeBeside({ left: 100, top: 700, width: 80, height: 24 }, card, viewport).side).toBe('above'));
  it('moves beside a tall field', () => expect(placeBeside({ left: 100, top: 200, width: 80, height: 500 }, card, viewport).side).toBe('right'));
  it('stays inside the viewport horizontally', () => expect(placeBeside({ left: 1200, top: 100, width: 70, height: 24 }, card, viewport).x).toBe(1280 - 340 - 8));
  it('never covers the field and stays inside the viewport whenever a side has room', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 760 }), fc.integer({ min: 20, max: 300 }), fc.integer({ min: 16, max: 40 }), (left, top, width, height) => {
        const anchor = { left, top, width: Math.min(width, 1280 - left), height: Math.min(height, 800 - top) };
        const p = placeBeside(anchor, card, viewport);
        const placed = { left: p.x, top: p.y, width: card.width, height: Math.min(card.height, p.maxHeight) };
        expect(overlaps(placed, anchor)).toBe(false);
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x + card.width).toBeLessThanOrEqual(1280);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y + Math.min(card.height, p.maxHeight)).toBeLessThanOrEqual(800);
      }),
    );
  });
});
