/**
 * Every place a page says what a control is for, most explicit first: ARIA, labels, the column header above it
 * (table, ARIA grid or CSS grid), title, placeholder, name, id and the text just before it. Read lazily, so
 * classification stops at the first signal that decides.
 */
import { collapse, holdsControl, isElement, textOf } from './dom';

export type LabelSource =
  | 'aria-labelledby'
  | 'aria-label'
  | 'label'
  | 'column'
  | 'grid'
  | 'css-grid'
  | 'title'
  | 'placeholder'
  | 'name'
  | 'id'
  | 'nearby';

export interface LabelSignal {
  source: LabelSource;
  text: string;
}

/** Sources whose text is an identifier (camelCase, snake_case, ASP.NET), not words for people. */
export const IDENTIFIER_SOURCES: ReadonlySet<LabelSource> = new Set(['name', 'id']);

const MAX_COLUMNS = 200;
const MAX_HEADER_ROWS = 4;

export function* labelSignals(control: Element): Generator<LabelSignal> {
  const attr = (name: string) => collapse(control.getAttribute(name) ?? '');
  const labelledBy = attr('aria-labelledby');
  if (labelledBy) yield { source: 'aria-labelledby', text: labelledByText(control, labelledBy) };
  yield { source: 'aria-label', text: attr('aria-label') };
  yield { source: 'label', text: labelText(control) };
  yield { source: 'column', text: tableColumnHeader(control) };
  yield { source: 'grid', text: ariaGridHeader(control) };
  yield { source: 'css-grid', text: cssGridHeader(control) };
  yield { source: 'title', text: attr('title') };
  yield { source: 'placeholder', text: attr('placeholder') || attr('aria-placeholder') || attr('data-placeholder') };
  yield { source: 'name', text: attr('name') };
  yield { source: 'id', text: attr('id') };
  yield { source: 'nearby', text: nearbyText(control) };
}

function labelledByText(control: Element, ids: string): string {
  const root = control.getRootNode() as Document | ShadowRoot;
  if (typeof root.getElementById !== 'function') return '';
  return ids
    .split(' ')
    .slice(0, 5)
    .map((id) => {
      const el = root.getElementById(id);
      return el ? textOf(el) : '';
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * Memoised for the current task only: while CDT Lens's code runs the page cannot change, so a whole batch of
 * controls shares one look at the page, and the next task looks again.
 */
function perTask<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  let memo: WeakMap<K, V> | null = null;
  return (key) => {
    if (!memo) {
      memo = new WeakMap();
      queueMicrotask(() => (memo = null));
    }
    if (!memo.has(key)) memo.set(key, compute(key));
    return memo.get(key)!;
  };
}

/**
 * The label[for] elements of a document or shadow root, by the id they name. A control's own `labels` list
 * searches its whole document each time: on a page of 40,000 elements that is over a millisecond a control. The
 * index is read again when the root's number of labels changes (a document keeps that count cheaply).
 */
const labelIndexes = new WeakMap<Node, { count: number; byFor: Map<string, Element[]> }>();

const queryAll = (root: Node, selector: string) => (typeof (root as ParentNode).querySelectorAll === 'function' ? (root as ParentNode).querySelectorAll(selector) : []);

function labelCount(root: Node): number {
  return typeof (root as Document).getElementsByTagName === 'function' ? (root as Document).getElementsByTagName('label').length : queryAll(root, 'label').length;
}

/** The root's index, read again when its number of labels changed or when asked to. */
function labelIndex(root: Node, again: boolean): Map<string, Element[]> {
  const count = labelCount(root);
  let index = labelIndexes.get(root);
  if (!index || index.count !== count || again) {
    index = { count, byFor: new Map() };
    for (const label of queryAll(root, 'label[for]')) {
      const target = label.getAttribute('for');
      if (!target) continue;
      const list = index.byFor.get(target);
      if (list) list.push(label);
      else index.byFor.set(target, [label]);
    }
    labelIndexes.set(root, index);
  }
  return index.byFor;
}

function labelsFor(root: Node, id: string): Element[] {
  const labels = labelIndex(root, false).get(id) ?? [];
  // A label replaced by another (the count unchanged) shows as one that left or now names another control.
  const stale = labels.some((l) => !l.isConnected || l.getRootNode() !== root || l.getAttribute('for') !== id);
  return stale ? (labelIndex(root, true).get(id) ?? []) : labels;
}

/** A control's labels as the browser finds them: those naming its id, and the label wrapping it. */
function labelText(control: Element): string {
  const id = control.getAttribute('id');
  const labels = id ? [...labelsFor(control.getRootNode(), id)] : [];
  const wrapping = control.closest('label');
  if (wrapping && !labels.includes(wrapping) && (!wrapping.hasAttribute('for') || wrapping.getAttribute('for') === id)) labels.push(wrapping);
  return collapse(
    labels
      .slice(0, 3)
      .map((label) => textOf(label))
      .join(' '),
  );
}

// ---- tables -------------------------------------------------------------------------------------------------

const isCell = (el: Element) => el.localName === 'td' || el.localName === 'th';
const span = (el: Element, attr: string) => Math.min(Math.max(Number.parseInt(el.getAttribute(attr) ?? '1', 10) || 1, 1), 50);

function columnOf(cell: Element): number {
  let col = 0;
  for (let c = cell.previousElementSibling; c && col < MAX_COLUMNS; c = c.previousElementSibling) {
    if (isCell(c)) col += span(c, 'colspan');
  }
  return col;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (let part = table.firstElementChild; part && rows.length < 1000; part = part.nextElementSibling) {
    if (part.localName === 'tr') rows.push(part);
    else if (part.localName === 'thead' || part.localName === 'tbody' || part.localName === 'tfoot') {
      for (let r = part.firstElementChild; r && rows.length < 1000; r = r.nextElementSibling) if (r.localName === 'tr') rows.push(r);
    }
  }
  return rows;
}

/**
 * The rows that head the table's columns: its thead, else its leading rows of th cells without controls. Once
 * per table and task: every control of a 2,000-row table asks.
 */
const headerRows = perTask((table: Element): Element[] => {
  const rows = rowsOf(table);
  const inHead = rows.filter((r) => r.parentElement?.localName === 'thead');
  if (inHead.length) return inHead.slice(0, MAX_HEADER_ROWS);
  const out: Element[] = [];
  for (const row of rows) {
    if (out.length >= MAX_HEADER_ROWS || !row.querySelector('th') || holdsControl(row)) break;
    out.push(row);
  }
  return out;
});

/** Header text over one column, every header row joined ("Tooth" over "Surface" reads "Tooth Surface"). */
function headerTextAt(rows: Element[], column: number): string {
  const occupied: Element[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (let cell = row.firstElementChild; cell && col < MAX_COLUMNS; cell = cell.nextElementSibling) {
      if (!isCell(cell)) continue;
      while (occupied[r][col]) col++;
      const cols = span(cell, 'colspan');
      const rowsSpanned = span(cell, 'rowspan');
      for (let dr = 0; dr < rowsSpanned && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cols; dc++) occupied[r + dr][col + dc] = cell;
      }
      col += cols;
    }
  });
  const cells = [...new Set(occupied.map((row) => row[column]).filter(Boolean))];
  return collapse(cells.map((c) => textOf(c)).join(' '));
}

function tableColumnHeader(control: Element): string {
  const cell = control.closest('td, th');
  const row = cell?.parentElement;
  const table = row?.closest('table');
  if (!cell || !table || row?.localName !== 'tr') return '';
  const rows = headerRows(table).filter((r) => r !== row);
  return rows.length ? headerTextAt(rows, columnOf(cell)) : '';
}

// ---- ARIA grids ---------------------------------------------------------------------------------------------

const CELL_ROLES = '[role=gridcell], [role=cell], [role=columnheader], [role=rowheader]';

function cellsOfRow(row: Element): Element[] {
  return Array.from(row.querySelectorAll(CELL_ROLES))
    .filter((c) => c.closest('[role=row]') === row)
    .slice(0, MAX_COLUMNS);
}

/** An ARIA grid's column headers, once per grid and task. */
const columnHeaders = perTask((grid: Element) => Array.from(grid.querySelectorAll('[role=columnheader]')).slice(0, MAX_COLUMNS * 2));

function ariaGridHeader(control: Element): string {
  const cell = control.closest('[role=gridcell], [role=cell]');
  const row = cell?.closest('[role=row]');
  const grid = row?.closest('[role=grid], [role=table], [role=treegrid]');
  if (!cell || !row || !grid) return '';
  const colIndex = cell.getAttribute('aria-colindex');
  const index = cellsOfRow(row).indexOf(cell);
  const headers = columnHeaders(grid);
  const byColIndex = colIndex ? headers.find((h) => h.getAttribute('aria-colindex') === colIndex) : undefined;
  if (byColIndex) return textOf(byColIndex);
  const headerRow = headers[0]?.closest('[role=row]');
  const inRow = headerRow ? cellsOfRow(headerRow) : headers;
  const header = inRow[index];
  return header?.getAttribute('role') === 'columnheader' ? textOf(header) : '';
}

// ---- CSS grids ----------------------------------------------------------------------------------------------

function styleOf(el: Element): CSSStyleDeclaration | null {
  try {
    return el.ownerDocument.defaultView?.getComputedStyle(el) ?? null;
  } catch {
    return null;
  }
}

function isGrid(el: Element): boolean {
  const display = styleOf(el)?.display ?? '';
  return display === 'grid' || display === 'inline-grid';
}

/** Columns a grid declares: "40px 1fr 2fr", "repeat(7, 1fr)" (computed styles in browsers list pixel tracks). */
export function trackCount(template: string): number {
  const t = template.trim();
  if (!t || t === 'none') return 0;
  let count = 0;
  const withoutRepeats = t.replace(/repeat\(\s*(\d+)\s*,((?:[^()]|\([^()]*\))*)\)/g, (_, n: string, tracks: string) => {
    count += Number(n) * trackCount(tracks);
    return ' ';
  });
  const plain = withoutRepeats.replace(/\[[^\]]*\]/g, ' ').replace(/\((?:[^()]|\([^()]*\))*\)/g, '');
  count += plain.split(/\s+/).filter(Boolean).length;
  return Math.min(count, MAX_COLUMNS);
}

const hasLayout = (r: DOMRect) => r.width > 0 || r.height > 0;

function overlap(a: DOMRect, b: DOMRect): number {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left);
}

/** The header cell whose box lies over the cell's box, when the browser has laid the page out. */
function headerByOverlap(cell: Element, headers: Element[]): Element | null | undefined {
  const box = cell.getBoundingClientRect();
  if (!hasLayout(box)) return undefined;
  let best: Element | null = null;
  let bestOverlap = 0;
  for (const h of headers) {
    const o = overlap(box, h.getBoundingClientRect());
    if (o > bestOverlap) [best, bestOverlap] = [h, o];
  }
  return best;
}

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c && out.length < 5000; c = c.nextElementSibling) out.push(c);
  return out;
}

/** Header cells of a flat grid: its first row, sized by the declared tracks or by the leading cells without controls. */
function flatGridHeaders(grid: Element, items: Element[]): Element[] {
  const tracks = trackCount(styleOf(grid)?.gridTemplateColumns ?? '');
  let leading = 0;
  while (leading < items.length && leading < MAX_COLUMNS && !holdsControl(items[leading])) leading++;
  const columns = tracks > 1 ? Math.min(tracks, leading) : leading;
  return items.slice(0, columns);
}

function cssGridHeader(control: Element): string {
  let cell: Element = control;
  for (let level = 0; level < 4; level++) {
    const grid = cell.parentElement;
    if (!grid) return '';
    if (isGrid(grid)) {
      const text = gridCellHeader(grid, cell);
      if (text) return text;
    }
    cell = grid;
  }
  return '';
}

function gridCellHeader(grid: Element, cell: Element): string {
  const items = children(grid);
  const index = items.indexOf(cell);
  // A flat grid: header cells first, then every line's cells.
  const flat = flatGridHeaders(grid, items);
  if (flat.length > 1 && index >= flat.length) {
    const header = headerByOverlap(cell, flat) ?? flat[index % flat.length];
    return header ? textOf(header) : '';
  }
  // One grid per line: the header is an earlier sibling row without controls.
  const rowHolder = grid.parentElement;
  if (!rowHolder) return '';
  for (let sib = rowHolder.firstElementChild; sib && sib !== grid; sib = sib.nextElementSibling) {
    if (holdsControl(sib) || sib.childElementCount < 2) continue;
    const headers = children(sib);
    const header = headerByOverlap(cell, headers) ?? headers[index];
    return header ? textOf(header) : '';
  }
  return '';
}

// ---- the text just before a control -------------------------------------------------------------------------

function nearbyText(control: Element): string {
  let el: Element = control;
  for (let level = 0; level < 3; level++) {
    let steps = 0;
    for (let sib = el.previousSibling; sib && steps++ < 4; sib = sib.previousSibling) {
      if (sib.nodeType === 3) {
        const text = collapse(sib.nodeValue ?? '');
        if (text) return text.slice(0, 80);
        continue;
      }
      if (!isElement(sib)) continue;
      if (holdsControl(sib)) return '';
      const text = textOf(sib, 80);
      if (text) return text;
    }
    const parent = el.parentElement;
    if (!parent || parent.childElementCount > 4) return '';
    el = parent;
  }
  return '';
}
