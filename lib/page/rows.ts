/**
 * Grouping a claim's controls into service lines. A line is built around each procedure-code control: its row
 * is the largest composed ancestor that holds no other code control (a table row, ARIA row, fieldset or one of
 * several sibling containers), stopping early at a row-like element that holds other line fields, and before an
 * ancestor that would bring in a second field of a role the row already has (a claim-level date beside a
 * single line). Controls outside every row join the line whose code shares their name index
 * ("svc[0][tooth]" with "svc[0][code]"), for flat CSS grids. The rest are claim-level.
 */
import { finish, pauser, type Steps } from '../steps';
import { closestPiercing, composedParent, MAX_CLIMB } from './dom';
import type { FieldRole } from './field-roles';

export interface RoledControl {
  el: Element;
  role: FieldRole;
}

export interface LineGroup {
  row: Element;
  code: Element;
  /** The first control of each role in the line, the code included. */
  members: Partial<Record<FieldRole, Element>>;
}

export interface Grouping {
  lines: LineGroup[];
  /** Controls in no line: claim-level fields and everything else. */
  loose: RoledControl[];
}

/** Roles that belong to a service line. */
export const LINE_ROLES: readonly FieldRole[] = ['code', 'tooth', 'toothSystem', 'surface', 'area', 'date', 'quantity', 'fee'];
const ROLE_INDEX = new Map(LINE_ROLES.map((r, i) => [r, i]));
const CODE = 0;

type Counts = Uint16Array;
/** Controls handled between pauses of a stepwise grouping. */
const STEP = 100;

export function isRowLike(el: Element): boolean {
  const name = el.localName;
  if (name === 'tr' || name === 'fieldset' || name === 'li') return true;
  const role = el.getAttribute('role');
  return role === 'row' || role === 'listitem' || role === 'group';
}

/** For every ancestor of a line control (below stop): how many controls of each line role it holds. */
function* countByAncestor(controls: readonly RoledControl[], stop: Node | null): Steps<Map<Element, Counts>> {
  const counts = new Map<Element, Counts>();
  const pause = pauser(STEP);
  for (const { el, role } of controls) {
    if (pause()) yield;
    const index = ROLE_INDEX.get(role);
    if (index === undefined) continue;
    let a = composedParent(el);
    for (let i = 0; a && a !== stop && i < MAX_CLIMB; i++, a = composedParent(a)) {
      let c = counts.get(a);
      if (!c) counts.set(a, (c = new Uint16Array(LINE_ROLES.length)));
      if (c[index] < 65535) c[index]++;
    }
  }
  return counts;
}

const holdsOtherFields = (c: Counts) => c.some((n, i) => i !== CODE && n > 0);
const bringsDuplicate = (next: Counts, row: Counts) => next.some((n, i) => i !== CODE && n > 1 && row[i] > 0);

function structuralRow(code: Element, counts: Map<Element, Counts>, stop: Node | null): Element {
  let row: Element | null = null;
  let rowCounts: Counts | null = null;
  let a = composedParent(code);
  for (let i = 0; a && a !== stop && i < MAX_CLIMB; i++, a = composedParent(a)) {
    const c = counts.get(a);
    if (!c || c[CODE] > 1) break;
    if (rowCounts && bringsDuplicate(c, rowCounts)) break;
    row = a;
    rowCounts = c;
    if (isRowLike(a) && holdsOtherFields(c)) break;
  }
  return row ?? code;
}

/**
 * The line key of an indexed identifier: everything up to its last index ("svc[0][tooth]" gives "svc[0",
 * "ctl00$Main$gvLines$ctl03$txtTooth" gives "ctl00$Main$gvLines$ctl03"), or "#3" for a trailing index
 * ("tooth_3", "toothNum3"). Null without an index.
 */
export function lineKey(identifier: string | null): string | null {
  if (!identifier) return null;
  const id = identifier.slice(0, 300);
  let last: RegExpExecArray | null = null;
  for (const m of id.matchAll(/(?<![A-Za-z0-9])(ctl\d+|\d+)(?![A-Za-z0-9])/gi)) last = m;
  if (last) {
    const end = last.index + last[0].length;
    return /[A-Za-z0-9]/.test(id.slice(end)) ? id.slice(0, end) : `#${last[1]}`;
  }
  const trailing = /[A-Za-z](\d+)$/.exec(id);
  return trailing ? `#${trailing[1]}` : null;
}

const keysOf = (el: Element) => [lineKey(el.getAttribute('name')), lineKey(el.getAttribute('id'))];

function addMember(line: LineGroup, { el, role }: RoledControl): void {
  if (!line.members[role]) line.members[role] = el;
}

function* groupByHeuristics(controls: readonly RoledControl[], stop: Node | null): Steps<Grouping> {
  const counts = yield* countByAncestor(controls, stop);
  const pause = pauser(STEP);
  const lines: LineGroup[] = [];
  const byRow = new Map<Element, LineGroup>();
  for (const c of controls) {
    if (pause()) yield;
    if (c.role !== 'code') continue;
    const row = structuralRow(c.el, counts, stop);
    if (byRow.has(row)) continue;
    const line: LineGroup = { row, code: c.el, members: { code: c.el } };
    byRow.set(row, line);
    lines.push(line);
  }
  const byKey = keyedLines(lines);
  const lineCodes = new Set(lines.map((l) => l.code));
  const loose: RoledControl[] = [];
  for (const c of controls) {
    if (pause()) yield;
    if (lineCodes.has(c.el)) continue;
    const joins = c.role !== 'code' && ROLE_INDEX.has(c.role);
    const line = joins ? (lineAround(c.el, byRow, stop) ?? lineByKey(c.el, byKey)) : null;
    if (line) addMember(line, c);
    else loose.push(c);
  }
  return { lines, loose };
}

/** Lines by the name keys of their code controls, for keys that only one code has. */
function keyedLines(lines: readonly LineGroup[]): Map<string, LineGroup | null> {
  const byKey = new Map<string, LineGroup | null>();
  for (const line of lines) {
    for (const key of keysOf(line.code)) {
      if (key) byKey.set(key, byKey.has(key) ? null : line);
    }
  }
  return byKey;
}

function lineAround(el: Element, byRow: Map<Element, LineGroup>, stop: Node | null): LineGroup | null {
  let a = composedParent(el);
  for (let i = 0; a && a !== stop && i < MAX_CLIMB; i++, a = composedParent(a)) {
    const line = byRow.get(a);
    if (line) return line;
  }
  return null;
}

function lineByKey(el: Element, byKey: Map<string, LineGroup | null>): LineGroup | null {
  for (const key of keysOf(el)) {
    const line = key ? byKey.get(key) : undefined;
    if (line) return line;
  }
  return null;
}

function* groupBySelector(controls: readonly RoledControl[], rowSelector: string, stop: Node | null): Steps<Grouping> {
  const byRow = new Map<Element, RoledControl[]>();
  const loose: RoledControl[] = [];
  const pause = pauser(STEP);
  for (const c of controls) {
    if (pause()) yield;
    const row = closestPiercing(c.el, rowSelector, stop);
    if (!row) loose.push(c);
    else if (byRow.has(row)) byRow.get(row)!.push(c);
    else byRow.set(row, [c]);
  }
  const lines: LineGroup[] = [];
  for (const [row, members] of byRow) {
    const code = members.find((m) => m.role === 'code');
    if (!code) {
      loose.push(...members);
      continue;
    }
    const line: LineGroup = { row, code: code.el, members: {} };
    for (const m of members) {
      if (ROLE_INDEX.has(m.role)) addMember(line, m);
      else loose.push(m);
    }
    lines.push(line);
  }
  return { lines, loose };
}

/** Groups one claim's controls (in document order) into lines; stop is the claim's root element, if any. */
export function groupLines(controls: readonly RoledControl[], stop: Node | null, rowSelector?: string): Grouping {
  return finish(groupLinesInSteps(controls, stop, rowSelector));
}

/** groupLines, pausing now and then (a claim may hold thousands of controls). */
export function groupLinesInSteps(controls: readonly RoledControl[], stop: Node | null, rowSelector?: string): Steps<Grouping> {
  return rowSelector ? groupBySelector(controls, rowSelector, stop) : groupByHeuristics(controls, stop);
}
