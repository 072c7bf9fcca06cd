// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

/** A tree of elements, some of them shadow hosts with a tree of their own. */
type Tree = { shadow: Tree[] | null; kids: Tree[] };
const forest: fc.Memo<Tree[]> = fc.memo((n) => (n <= 1 ? fc.constant([]) : fc.array(node(n - 1), { maxLength: 3 })));
const node: fc.Memo<Tree> = fc.memo((n) => fc.record({ shadow: fc.option(forest(n), { freq: 3 }), kids: forest(n) }));
const tree = forest(5);

function build(parent: ParentNode, forest: Tree[], path: string) {
  forest.forEach((t, i) => {
    const el = document.createElement('div');
    el.id = `${path}.${i}`;
    parent.append(el);
    if (t.shadow) build(el.attachShadow({ mode: 'open' }), t.shadow, `${el.id}s`);
    build(el, t.kids, el.id);
  });
}

describe('walkComposed', () => {
  it('visits, skips and stops exactly as the pausing walker does, under any limits', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 40 }), (forest, seed, maxNesting, maxVisited) => {
        document.body.innerHTML = '';
        build(document.body, forest, 'r');
        // The same verdicts for the same element: skip some subtrees, stop at one element.
        const verdict = (el: Element) => {
          const h = [...el.id].reduce((n, ch) => (n * 31 + ch.charCodeAt(0) + seed) % 1009, 7);
          return h % 11 === 0 ? false : h % 5 === 0 ? 'skip' : undefined;
        };
        const limits = { maxNesting, maxVisited };
        const whole: string[] = [];
        walkComposed(document.body, (el) => (whole.push(el.id), verdict(el)), limits);
        const paused: string[] = [];
        const walker = composedWalker(document.body, limits);
        while (!walker.walk((el) => (paused.push(el.id), verdict(el)), 2));
        expect(whole).toEqual(paused);
      }),
      { numRuns: 300 },
    );
  });

  it('reads no further than where it stops: two rows of a 2,000-row table body', () => {
    document.body.innerHTML = `<table><tbody>${'<tr><td><input></td></tr>'.repeat(2000)}</tbody></table>`;
    const sibling = vi.spyOn(Element.prototype, 'nextElementSibling', 'get');
    try {
      let inputs = 0;
      walkComposed(document.querySelector('tbody')!, (el) => !(el.localName === 'input' && ++inputs === 2));
      expect(inputs).toBe(2);
      expect(sibling.mock.calls.length).toBeLessThan(20);
    } finally {
      sibling.mockRestore();
    }
  });
});

describe('composedWalker, while the page changes', () => {
  it('still visits the siblings of an element removed during a pause', () => {
    page();
    const walker = composedWalker(document.body);
    const seen: string[] = [];
    walker.walk((el) => void seen.push(el.id), 1); // a
    document.getElementById('e')!.remove();
    while (!walker.walk((el) => void seen.push(el.id), 1));
    expect(seen).toContain('g');
  });
});
