// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { composedWalker, walkComposed } from '../../../lib/page/dom';

afterEach(() => {
  document.body.innerHTML = '';
});

function page() {
  document.body.innerHTML = '<div id="a"><p id="b"><i id="c"></i></p><span id="d"></span></div><section id="e"><b id="f"></b></section><div id="g"></div>';
  const host = document.getElementById('d')!;
  host.attachShadow({ mode: 'open' }).innerHTML = '<em id="s1"></em><em id="s2"></em>';
}

const ids = (visit: (walk: (el: Element) => boolean | 'skip' | undefined) => void) => {
  const seen: string[] = [];
  visit((el) => void seen.push(el.id));
  return seen;
};

describe('composedWalker', () => {
  it('visits what walkComposed visits, in the same order, however often it pauses', () => {
    page();
    const whole = ids((v) => walkComposed(document.body, v));
    expect(whole).toEqual(['a', 'b', 'c', 'd', 's1', 's2', 'e', 'f', 'g']);
    for (const count of [1, 2, 3, 100]) {
      const walker = composedWalker(document.body);
      const seen: string[] = [];
      let walks = 0;
      while (!walker.walk((el) => void seen.push(el.id), count)) walks++;
      expect(seen).toEqual(whole);
      expect(walks).toBeGreaterThanOrEqual(Math.ceil(whole.length / count) - 1);
    }
  });

  it('skips a subtree and stops for good when told, across pauses', () => {
    page();
    const walker = composedWalker(document.body);
    const seen: string[] = [];
    const visit = (el: Element) => (seen.push(el.id), el.id === 'a' ? 'skip' : el.id !== 'f');
    while (!walker.walk(visit, 1));
    expect(seen).toEqual(['a', 'e', 'f']);
    expect(walker.walk(visit)).toBe(true);
    expect(seen).toEqual(['a', 'e', 'f']);
  });
});
