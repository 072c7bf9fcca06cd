/**
 * Walking a page the way its author composed it: through open shadow roots and same-origin iframes, bounded,
 * read-only. Type checks use nodeType and localName, never instanceof, because iframe nodes come from another
 * realm.
 */

/** How deep the walk goes into nested shadow roots and iframes. */
export const MAX_NESTING = 8;
/** How far a walk climbs from an element towards its root (hostile pages nest thousands deep). */
export const MAX_CLIMB = 64;
/** Elements visited by one walk of a document, whatever it holds. */
export const MAX_VISITED = 200_000;

const CONTROL_TAGS = new Set(['input', 'textarea', 'select']);

export const isElement = (n: unknown): n is Element => (n as Node | null)?.nodeType === 1;
export const isShadowRoot = (n: Node | null | undefined): n is ShadowRoot => n?.nodeType === 11 && 'host' in n;

// ---- reading what may be a form ------------------------------------------------------------------------------
// A <form> answers every property read by looking for a control of that name first (its named properties override
// the built-in ones), and after any change inside it that look-up gathers all its controls again: 15 ms a read on
// a claim form of 18,000 controls, on every batch of a page that re-renders its rows. Whatever may be a form (a
// claim's root, an ancestor met while climbing, an element met while walking) is read through the prototypes' own
// getters and methods, which a form cannot intercept and which cost the same as a plain read.

interface NodeReads {
  nodeType(this: Node): number;
  parentNode(this: Node): ParentNode | null;
  isConnected(this: Node): boolean;
  ownerDocument(this: Node): Document | null;
  localName(this: Element): string;
  firstElementChild(this: Element): Element | null;
  nextElementSibling(this: Element): Element | null;
  shadowRoot(this: Element): ShadowRoot | null;
  hasAttribute(this: Element, name: string): boolean;
}
let reads: NodeReads | undefined;
/** The getter a prototype (or its own prototypes) defines; a plain read where there is none (test DOMs). */
function getterOf(proto: object | null, name: string): (this: unknown) => unknown {
  for (let p = proto; p; p = Object.getPrototypeOf(p)) {
    const get = Object.getOwnPropertyDescriptor(p, name)?.get;
    if (get) return get;
  }
  return function (this: unknown) {
    return (this as Record<string, unknown>)[name];
  };
}
function nodeReads(): NodeReads {
  return (reads ??= {
    nodeType: getterOf(Node.prototype, 'nodeType'),
    parentNode: getterOf(Node.prototype, 'parentNode'),
    isConnected: getterOf(Node.prototype, 'isConnected'),
    ownerDocument: getterOf(Node.prototype, 'ownerDocument'),
    localName: getterOf(Element.prototype, 'localName'),
    firstElementChild: getterOf(Element.prototype, 'firstElementChild'),
    nextElementSibling: getterOf(Element.prototype, 'nextElementSibling'),
    shadowRoot: getterOf(Element.prototype, 'shadowRoot'),
    hasAttribute: Element.prototype.hasAttribute,
  } as NodeReads);
}

export const nodeTypeOf = (n: Node) => nodeReads().nodeType.call(n);
export const isConnectedNode = (n: Node) => nodeReads().isConnected.call(n);
export const localNameOf = (el: Element) => nodeReads().localName.call(el);
/** A document's own, else its node's owner document. */
export const documentOf = (n: Node) => (nodeTypeOf(n) === 9 ? (n as Document) : nodeReads().ownerDocument.call(n)!);
/** The first element child of an element, document or shadow root. */
const firstElementOf = (n: ParentNode) => (nodeTypeOf(n as Node) === 1 ? nodeReads().firstElementChild.call(n as Element) : n.firstElementChild);
const nextElementOf = (el: Element) => nodeReads().nextElementSibling.call(el);
/** The open shadow root of a walk's root, when it is an element. */
const rootShadowOf = (root: ParentNode) => (nodeTypeOf(root as Node) === 1 ? nodeReads().shadowRoot.call(root as Element) : null);
/** What a walk enters below an element: its open shadow root, else (frames allowed) its same-origin document. */
const walkedInto = (el: Element, limits: WalkLimits) => (limits.frames === false ? nodeReads().shadowRoot.call(el) : innerRootOf(el));

/** The parent in the composed tree: the shadow host for a shadow root's top elements. Stops at a document. */
export function composedParent(el: Element): Element | null {
  const parent = nodeReads().parentNode.call(el);
  if (!parent) return null;
  const type = nodeTypeOf(parent as Node);
  if (type === 1) return parent as Element;
  // A shadow root, or a fragment (no host).
  return type === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}

// Iframes whose documents a walk entered: frameElement is missing in some DOMs (and null across some origins).
const framesByDocument = new WeakMap<Document, Element>();

/** The element that embeds a node's tree: its shadow host, or the iframe holding its document. */
export function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  if (isShadowRoot(root)) return root.host;
  try {
    return (root as Document).defaultView?.frameElement ?? framesByDocument.get(root as Document) ?? null;
  } catch {
    return null;
  }
}

/** A contained b in the composed tree of one document (shadow roots included, iframes not). */
export function composedContains(a: Element, b: Element): boolean {
  let el: Element | null = b;
  for (let i = 0; el && i < MAX_CLIMB * 4; i++) {
    if (el === a) return true;
    el = composedParent(el);
  }
  return false;
}

/** The open shadow root or same-origin document an element embeds, if any. */
export function innerRootOf(el: Element): ShadowRoot | Document | null {
  const shadow = nodeReads().shadowRoot.call(el);
  if (shadow) return shadow;
  const name = localNameOf(el);
  if (name !== 'iframe' && name !== 'frame') return null;
  try {
    const doc = (el as HTMLIFrameElement).contentDocument;
    if (doc) framesByDocument.set(doc, el);
    return doc ?? null;
  } catch {
    return null;
  }
}

/** Could this element be a control? Cheap: avoids isContentEditable, which climbs ancestors. */
export function mayBeControl(el: Element): boolean {
  return CONTROL_TAGS.has(localNameOf(el)) || nodeReads().hasAttribute.call(el, 'contenteditable');
}

export interface WalkLimits {
  maxNesting?: number;
  maxVisited?: number;
  /** Walk into same-origin iframes (default true). */
  frames?: boolean;
}

type Visit = (el: Element) => boolean | 'skip' | undefined;

/**
 * Visits every element under root in document order (root's own shadow tree included, not root itself), a host's
 * shadow tree before its light children, and the documents of same-origin iframes. visit returns false to stop
 * the walk, 'skip' to pass over an element's subtree.
 */
export function walkComposed(root: ParentNode, visit: Visit, limits: WalkLimits = {}): void {
  const maxNesting = limits.maxNesting ?? MAX_NESTING;
  let budget = limits.maxVisited ?? MAX_VISITED;
  // Each entry is the next element of its sibling list, read when the walk gets there: a walk that stops after two
  // rows of a 2,000-row table body reads two rows, not the 2,000 children first. Safe because nothing changes the
  // page during one synchronous walk (composedWalker, which pauses, takes each list whole).
  const stack: [Element, number][] = [];
  const push = (first: Element | null, nesting: number) => void (first && stack.push([first, nesting]));
  push(firstElementOf(root), 0);
  const rootShadow = rootShadowOf(root);
  if (rootShadow) push(rootShadow.firstElementChild, 1);
  while (stack.length && budget-- > 0) {
    const [el, nesting] = stack.pop()!;
    push(nextElementOf(el), nesting);
    const verdict = visit(el);
    if (verdict === false) return;
    if (verdict === 'skip') continue;
    push(firstElementOf(el), nesting);
    if (nesting >= maxNesting) continue;
    const inner = walkedInto(el, limits);
    if (inner) push(firstElementOf(inner), nesting + 1);
  }
}

/**
 * The same walk, able to pause: each walk(visit, count) goes on where the last one stopped and visits at most
 * count elements. It returns true once the walk is over (every element visited, visit returned false, or the
 * limits reached). Each element's children are taken when it is visited, so an element the page removes during
 * a pause does not cut the walk short of its siblings.
 */
export function composedWalker(root: ParentNode, limits: WalkLimits = {}) {
  const maxNesting = limits.maxNesting ?? MAX_NESTING;
  let budget = limits.maxVisited ?? MAX_VISITED;
  let over = false;
  const stack: [Element, number][] = [];
  const pushChildren = (parent: ParentNode, nesting: number) => {
    const kids: Element[] = [];
    for (let c = firstElementOf(parent); c; c = nextElementOf(c)) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], nesting]);
  };
  pushChildren(root, 0);
  const rootShadow = rootShadowOf(root);
  if (rootShadow) pushChildren(rootShadow, 1);
  return {
    walk(visit: Visit, count = Infinity): boolean {
      for (; !over && count > 0 && stack.length && budget > 0; count--, budget--) {
        const [el, nesting] = stack.pop()!;
        const verdict = visit(el);
        if (verdict === false) over = true;
        if (verdict === false || verdict === 'skip') continue;
        pushChildren(el, nesting);
        if (nesting >= maxNesting) continue;
        const inner = walkedInto(el, limits);
        if (inner) pushChildren(inner, nesting + 1);
      }
      return over || !stack.length || budget <= 0;
    },
  };
}

function splitPiercing(selector: string): string[] {
  return selector.split('>>>').map((s) => s.trim());
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return selector !== '' && el.matches(selector);
  } catch {
    return false;
  }
}

/**
 * Does el match a site selector? "a >>> b" means b inside the shadow root or iframe of an element matching a
 * (at any depth of nesting, like a descendant combinator across tree boundaries).
 */
export function matchesPiercing(el: Element, selector: string): boolean {
  const parts = splitPiercing(selector);
  if (!safeMatches(el, parts[parts.length - 1])) return false;
  let host = hostOf(el);
  for (let i = parts.length - 2; i >= 0; i--) {
    let depth = 0;
    while (host && !safeMatches(host, parts[i]) && depth++ < MAX_NESTING) host = hostOf(host);
    if (!host || depth > MAX_NESTING) return false;
    host = hostOf(host);
  }
  return true;
}

/** All elements matching a site selector, crossing ">>>" into shadow roots and same-origin iframes. */
export function queryPiercing(root: ParentNode, selector: string, limit = 5000): Element[] {
  const parts = splitPiercing(selector);
  let scopes: ParentNode[] = [root];
  for (let i = 0; i < parts.length; i++) {
    const found: Element[] = [];
    for (const scope of scopes) {
      try {
        for (const el of scope.querySelectorAll(parts[i])) if (found.length < limit) found.push(el);
      } catch {
        return [];
      }
    }
    if (i === parts.length - 1) return found;
    scopes = found.map(innerRootOf).filter((r): r is ShadowRoot | Document => r !== null);
  }
  return [];
}

/** The nearest composed ancestor (or el itself) matching a site selector, within maxClimb steps. */
export function closestPiercing(el: Element, selector: string, stop?: Node | null): Element | null {
  let cur: Element | null = el;
  for (let i = 0; cur && i < MAX_CLIMB; i++) {
    if (cur === stop) return null;
    if (matchesPiercing(cur, selector)) return cur;
    cur = composedParent(cur);
  }
  return null;
}

const SKIPPED_TEXT = new Set(['input', 'select', 'textarea', 'button', 'script', 'style', 'template', 'option', 'datalist']);

/**
 * The text a person reads in an element, without the text of controls inside it, whitespace collapsed, at most
 * maxLength characters and a bounded number of nodes visited.
 */
export function textOf(el: Element, maxLength = 200, maxNodes = 400): string {
  let out = '';
  const stack: Node[] = [el];
  let visited = 0;
  while (stack.length && out.length < maxLength && visited++ < maxNodes) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (!isElement(node)) continue;
    if (node !== el && (SKIPPED_TEXT.has(node.localName) || node.hasAttribute('contenteditable'))) continue;
    if (node.getAttribute('aria-hidden') === 'true' && node !== el) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    if (node.localName === 'br' || node.localName === 'td' || node.localName === 'div') out += ' ';
  }
  return collapse(out).slice(0, maxLength);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Does el hold a form control (or is one)? */
export function holdsControl(el: Element): boolean {
  if (mayBeControl(el)) return true;
  try {
    return el.querySelector('input, select, textarea, [contenteditable]') !== null;
  } catch {
    return false;
  }
}
