/**
 * Reading the claims on a page: every readable control (through open shadow roots and same-origin iframes),
 * classified by role, grouped into service lines per claim. A claim is one form, or one document's controls
 * outside forms. Read-only: nothing on the page is written, focused or dispatched.
 */
import { parseDate } from '../claim/dates';
import { type Claim, parseLine, type RawLine } from '../claim/line';
import { controlCodes, isFieldControl, isReadableControl } from './controls';
import { finish, pauser, type Steps } from '../steps';
import { composedParent, composedWalker, type WalkLimits, documentOf, localNameOf, MAX_CLIMB, mayBeControl, nodeTypeOf, queryPiercing, walkComposed } from './dom';
import { type FieldRole, fieldRole, SELECTOR_ROLES, type SiteSelectors } from './field-roles';
import { groupLines, groupLinesInSteps, isRowLike, type LineGroup, type RoledControl } from './rows';

export interface PageLine {
  /** Stable while the row element exists. */
  id: string;
  row: Element;
  controls: Partial<Record<FieldRole, Element>>;
  raw: RawLine;
}

export interface PageClaim {
  id: string;
  root: Document | ShadowRoot | Element;
  lines: PageLine[];
  /** Claim-level date of service (ISO), when the page has one outside the lines. */
  claimDate: string | null;
  /** Patient birth date (ISO). */
  patientBirthDate: string | null;
}

export interface ReadOptions {
  selectors?: SiteSelectors;
  /** Controls read per document walk (default 20,000: a 2,000-line claim has 18,000). */
  maxControls?: number;
  /** Walk into same-origin iframes (default true); a content script running in every frame may turn it off. */
  frames?: boolean;
}

export const MAX_CONTROLS = 20_000;
const MAX_VALUE = 500;

// ---- ids -----------------------------------------------------------------------------------------------------

// Ids hang off the elements themselves: a row keeps its id while it exists, even when rows before it are
// removed and the page renumbers their names.
const ids = new WeakMap<object, string>();
let serial = 0;

function idOf(node: object, prefix: string): string {
  let id = ids.get(node);
  if (!id) ids.set(node, (id = `${prefix}-${++serial}`));
  return id;
}

// ---- reading values -------------------------------------------------------------------------------------------

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function isField(el: Element): boolean {
  return safely(() => isFieldControl(el), false);
}

/** What a line field holds, trimmed: a select's chosen value (its text when the value is an internal id). */
export function fieldValue(el: Element | undefined): string {
  if (!el) return '';
  return safely(() => {
    let text: string;
    if (el.localName === 'select') {
      const select = el as HTMLSelectElement;
      text = select.value;
      if (/^\d{3,}$/.test(text)) text = (select.selectedOptions?.[0] ?? select.options[select.selectedIndex])?.text ?? text;
    } else if (el.localName === 'input' || el.localName === 'textarea') text = String((el as HTMLInputElement).value);
    else text = el.textContent ?? '';
    return text.slice(0, MAX_VALUE).trim();
  }, '');
}

function codeValue(el: Element | undefined): string | null {
  if (!el) return null;
  return safely(() => (isReadableControl(el) ? controlCodes(el)[0] : null) ?? codeOfText(el), null);
}

/** A selector-named element that is not a form control (a custom picker): the code its text starts with. */
function codeOfText(el: Element): string | null {
  if (isReadableControl(el)) return null;
  const match = /^\s*([Dd]\d{4})\b/.exec(fieldValue(el));
  return match ? match[1].toUpperCase() : null;
}

function rawLine(id: string, c: Partial<Record<FieldRole, Element>>): RawLine {
  return {
    id,
    code: codeValue(c.code),
    tooth: fieldValue(c.tooth),
    toothSystem: fieldValue(c.toothSystem),
    surface: fieldValue(c.surface),
    area: fieldValue(c.area),
    date: fieldValue(c.date),
    quantity: fieldValue(c.quantity),
  };
}

function pageLine(group: LineGroup): PageLine {
  const id = idOf(group.row, 'line');
  return { id, row: group.row, controls: { ...group.members }, raw: rawLine(id, group.members) };
}

const firstDate = (fields: readonly Element[]) => {
  for (const el of fields) {
    const iso = parseDate(fieldValue(el));
    if (iso) return iso;
  }
  return null;
};

// ---- collecting controls --------------------------------------------------------------------------------------

/** Elements a payer profile names, whether or not they are form controls. */
function namedBySelectors(root: ParentNode, selectors: SiteSelectors | undefined): Set<Element> {
  const out = new Set<Element>();
  if (!selectors) return out;
  for (const role of SELECTOR_ROLES) {
    const selector = selectors[role];
    if (selector) for (const el of queryPiercing(root, selector)) out.add(el);
  }
  return out;
}

/** Elements visited between pauses of a stepwise walk (most are not controls: cheap). */
export const WALK_STEP = 100;
/**
 * What a field control counts for in a step, in elements: classifying a new one reads its labels and column
 * header (0.3-0.6 ms each on a page that keeps re-rendering: a step of 100 elements held about 40 of them, 20-30 ms).
 */
export const CONTROL_WEIGHT = 10;
/** Lines whose values are read between pauses. */
const LINE_STEP = 50;

/**
 * Walks composed subtrees (the roots themselves too with `withRoots`), pausing once the elements visited weigh
 * WALK_STEP, one weight across all roots: `visit` gives each element's weight, or false to stop the whole walk.
 */
export function* walkInSteps(roots: Iterable<ParentNode>, visit: (el: Element) => number | false, limits: WalkLimits = {}, withRoots = false): Steps<void> {
  let weight = 0;
  let stopped = false;
  const weigh = (el: Element) => {
    const w = visit(el);
    if (w === false) {
      stopped = true;
      return false;
    }
    weight += w;
  };
  for (const root of roots) {
    if (withRoots && nodeTypeOf(root as Node) === 1) weigh(root as Element);
    const walker = composedWalker(root, limits);
    // A few elements at a time, so a step ends soon after its weight is reached.
    for (let done = stopped; !done; ) {
      done = walker.walk(weigh, 10) || stopped;
      if (weight >= WALK_STEP) {
        weight = 0;
        yield;
      }
    }
    if (stopped) return;
  }
}

function collectControls(root: ParentNode, options: ReadOptions): RoledControl[] {
  return finish(collectControlsInSteps(root, options));
}

function* collectControlsInSteps(root: ParentNode, options: ReadOptions): Steps<RoledControl[]> {
  const max = options.maxControls ?? MAX_CONTROLS;
  const named = namedBySelectors(root, options.selectors);
  const out: RoledControl[] = [];
  const visit = (el: Element) => {
    if (!((mayBeControl(el) && isField(el)) || named.has(el))) return 1;
    out.push({ el, role: fieldRole(el, options.selectors) });
    return out.length < max && CONTROL_WEIGHT;
  };
  yield* walkInSteps([root], visit, { frames: options.frames });
  return out;
}

// ---- claims ---------------------------------------------------------------------------------------------------

function formOf(el: Element): Element | null {
  const own = safely(() => (el as HTMLInputElement).form ?? null, null);
  if (own) return own;
  let a = composedParent(el);
  for (let i = 0; a && i < MAX_CLIMB; i++, a = composedParent(a)) if (localNameOf(a) === 'form') return a;
  return null;
}

/**
 * The claim a control belongs to: its form, else its own document (an iframe's document is its own). A form is
 * read only through dom.ts's readers (see "reading what may be a form" there).
 */
function scopeOf(el: Element): Element | Document {
  return formOf(el) ?? el.ownerDocument;
}

/** Claim-level fields per claim root, kept from the last full read so readLineOf need not rescan. */
interface ClaimFields {
  dates: Element[];
  births: Element[];
}
const claimFieldsByRoot = new WeakMap<object, ClaimFields>();

function readClaimFields(fields: ClaimFields): Pick<PageClaim, 'claimDate' | 'patientBirthDate'> {
  return { claimDate: firstDate(fields.dates), patientBirthDate: firstDate(fields.births) };
}

const rolesOf = (controls: readonly RoledControl[], role: FieldRole) => controls.filter((c) => c.role === role).map((c) => c.el);

/**
 * Every claim on a page with at least one line, in document order. Claim-level fields (a date of service outside
 * the lines, the patient's birth date) come from the claim's own form, else from its document outside any form
 * with lines. Never throws; reads at most maxControls controls.
 */
export function readClaims(doc: Document, options: ReadOptions = {}): PageClaim[] {
  return finish(readClaimsInSteps(doc, options));
}

/**
 * readClaims, pausing every hundred elements: the content script reads a big form between the page's own
 * tasks. Between pauses the page may change: the claims read are as the page was while it was read.
 */
export function* readClaimsInSteps(doc: Document, options: ReadOptions = {}): Steps<PageClaim[]> {
  try {
    return yield* readInSteps(doc, options);
  } catch {
    return [];
  }
}

function* readInSteps(doc: Document, options: ReadOptions): Steps<PageClaim[]> {
  const controls = yield* collectControlsInSteps(doc, options);
  const pause = pauser(WALK_STEP);
  const scopes = new Map<Element | Document, RoledControl[]>();
  for (const c of controls) {
    if (pause()) yield;
    const scope = safely(() => scopeOf(c.el), null);
    if (!scope) continue;
    if (scopes.has(scope)) scopes.get(scope)!.push(c);
    else scopes.set(scope, [c]);
  }
  // Claim-level fields of forms without lines (a separate patient form) serve every claim of their document.
  const pools = new Map<Document, ClaimFields>();
  const built: { scope: Element | Document; lines: LineGroup[]; fields: ClaimFields }[] = [];
  for (const [scope, members] of scopes) {
    let grouping;
    try {
      grouping = yield* groupLinesInSteps(members, nodeTypeOf(scope) === 9 ? null : scope, options.selectors?.row);
    } catch {
      continue;
    }
    const fields = { dates: rolesOf(grouping.loose, 'date'), births: rolesOf(members, 'birthDate') };
    if (grouping.lines.length) built.push({ scope, lines: grouping.lines, fields });
    else {
      const doc = documentOf(scope);
      const pool = pools.get(doc) ?? { dates: [], births: [] };
      pool.dates.push(...fields.dates);
      pool.births.push(...fields.births);
      pools.set(doc, pool);
    }
  }
  const claims: PageClaim[] = [];
  const linePause = pauser(LINE_STEP);
  for (const { scope, lines, fields } of built) {
    const pool = pools.get(documentOf(scope));
    const all = pool ? { dates: [...fields.dates, ...pool.dates], births: [...fields.births, ...pool.births] } : fields;
    claimFieldsByRoot.set(scope, all);
    const pageLines: PageLine[] = [];
    for (const line of lines) {
      if (linePause()) yield;
      pageLines.push(pageLine(line));
    }
    claims.push({ id: idOf(scope, 'claim'), root: scope, lines: pageLines, ...readClaimFields(all) });
  }
  return claims;
}

// ---- one line --------------------------------------------------------------------------------------------------

function isCode(el: Element, selectors: SiteSelectors | undefined): boolean {
  return mayBeControl(el) && isField(el) && fieldRole(el, selectors) === 'code';
}

/**
 * The line a control belongs to, reading only around it: its smallest ancestor holding two or more code
 * controls (usually the table body or list of lines), or its whole claim when there is one line. claim.lines
 * holds the lines read there. Claim-level fields come from the last readClaims of the page (read once if none).
 */
export function readLineOf(control: Element, options: { selectors?: SiteSelectors } = {}): { claim: PageClaim; line: PageLine } | null {
  try {
    const scope = scopeOf(control);
    const stop = nodeTypeOf(scope) === 9 ? null : scope;
    let container: ParentNode = scope;
    let codes = isCode(control, options.selectors) ? 1 : 0;
    let counted = control;
    let a = composedParent(control);
    for (let i = 0; a && a !== stop && i < MAX_CLIMB; i++, counted = a, a = composedParent(a)) {
      codes += codesIn(a, options.selectors, 2 - codes, counted).length;
      if (codes >= 2) {
        container = a;
        break;
      }
    }
    const controls = collectControls(container, { selectors: options.selectors, frames: false });
    const { lines } = groupLines(controls, stop, options.selectors?.row);
    const group = lines.find((l) => Object.values(l.members).includes(control));
    if (!group) return null;
    let fields = claimFieldsByRoot.get(scope);
    if (!fields || [...fields.dates, ...fields.births].some((el) => !el.isConnected)) {
      readClaims(control.ownerDocument, { selectors: options.selectors, frames: false });
      fields = claimFieldsByRoot.get(scope) ?? { dates: [], births: [] };
    }
    const pageLines = lines.map(pageLine);
    const claim: PageClaim = { id: idOf(scope, 'claim'), root: scope, lines: pageLines, ...readClaimFields(fields) };
    return { claim, line: pageLines[lines.indexOf(group)] };
  } catch {
    return null;
  }
}

/** Code controls in el's composed subtree (el included, iframes not, `skip`'s subtree not), up to `enough`. */
function codesIn(el: Element, selectors: SiteSelectors | undefined, enough: number, skip?: Element): Element[] {
  const found: Element[] = isCode(el, selectors) ? [el] : [];
  if (found.length < enough)
    walkComposed(
      el,
      (node) => {
        if (node === skip) return 'skip';
        if (isCode(node, selectors)) found.push(node);
        return found.length < enough;
      },
      { frames: false },
    );
  return found;
}

/** The code control of the line a control sits in: the one code in its nearest ancestor holding any. */
function codeOfLineAround(control: Element, selectors: SiteSelectors | undefined, stop: Element | null): Element | null {
  if (isCode(control, selectors)) return control;
  let a = composedParent(control);
  for (let i = 0; a && a !== stop && i < MAX_CLIMB; i++, a = composedParent(a)) {
    const codes = codesIn(a, selectors, 2);
    if (codes.length === 1) return codes[0];
    if (codes.length > 1) return null;
  }
  return null;
}

/**
 * The largest ancestor of a code control holding no other code (below stop): every row rows.ts could give
 * that code lies inside it, so grouping its controls alone finds the same row a whole-claim read finds.
 */
function loneCodeContainer(code: Element, selectors: SiteSelectors | undefined, stop: Element | null): Element | null {
  let container: Element | null = null;
  let a = composedParent(code);
  for (let i = 0; a && a !== stop && i < MAX_CLIMB && codesIn(a, selectors, 2).length < 2; i++, a = composedParent(a)) container = a;
  return container;
}

/** Controls read from one row at most: a real row holds a dozen. */
const ROW_CONTROLS = 200;

/**
 * The line a control belongs to, read from its row alone: for a page that adds or re-renders one table row among
 * thousands, no reading of the rest of the claim. Only rows that tell their line by themselves qualify (a table
 * row, ARIA row, list item or fieldset holding the code and other line fields, without a payer's row selector);
 * null otherwise, and for controls outside any line: the caller then reads around the control with readLineOf.
 * The line is the one readClaims would build.
 */
export function readRowLine(control: Element, options: { selectors?: SiteSelectors } = {}): { claimId: string; line: PageLine } | null {
  try {
    const { selectors } = options;
    const scope = scopeOf(control);
    const stop = nodeTypeOf(scope) === 9 ? null : (scope as Element);
    // A payer's row selector groups lines its own way: readLineOf reads those.
    if (selectors?.row) return null;
    const code = codeOfLineAround(control, selectors, stop);
    const container = code && loneCodeContainer(code, selectors, stop);
    if (!container) return null;
    const { lines } = groupLines(collectControls(container, { selectors, frames: false, maxControls: ROW_CONTROLS }), stop);
    const line = lines.length === 1 ? lines[0] : null;
    // Only a row-like row holding other line fields tells its line by itself (rows.ts stops climbing there).
    const roles = line ? Object.keys(line.members) : [];
    if (!line || !isRowLike(line.row) || roles.length < 2 || !Object.values(line.members).includes(control)) return null;
    return { claimId: idOf(scope, 'claim'), line: pageLine(line) };
  } catch {
    return null;
  }
}

/**
 * The same claim with its claim-level fields (date of service, patient birth date) read again from the controls
 * the last full read found: no walking. The claim itself when none were found.
 */
export function rereadClaimFields(claim: PageClaim): PageClaim {
  const fields = claimFieldsByRoot.get(claim.root);
  return fields ? { ...claim, ...safely(() => readClaimFields(fields), { claimDate: claim.claimDate, patientBirthDate: claim.patientBirthDate }) } : claim;
}

/**
 * What a line's controls hold, as one string read without parsing anything: while it stays the same, so does the
 * line (a sweep for values set by script compares this before reading the line again).
 */
export function heldText(line: PageLine): string {
  let held = '';
  for (const el of Object.values(line.controls)) held += `${el ? safely(() => String((el as HTMLInputElement).value ?? el.textContent), '') : ''}\u0000`;
  return held;
}

/** The same line with its values read again from the controls it already has: no walking, no regrouping. */
export function rereadLine(line: PageLine): PageLine {
  return { ...line, raw: rawLine(line.id, line.controls) };
}

/** A page claim as the rule engine takes it: each line parsed, its date from the line, else the claim, else today. */
export function toClaim(claim: PageClaim, today?: string): Claim {
  const lines = claim.lines.map((l) => parseLine(l.raw, { claimDate: claim.claimDate, today }));
  return claim.patientBirthDate ? { lines, patientBirthDate: claim.patientBirthDate } : { lines };
}
