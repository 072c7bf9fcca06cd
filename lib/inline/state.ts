import type { Claim, ClaimLine } from '../claim/line';
import { parseLine } from '../claim/line';
import type { PageClaim, PageLine } from '../page/claim-reader';
import type { FieldRole } from '../page/field-roles';
import { finish, pauser, type Steps } from '../steps';

/** Lines parsed between pauses of a stepwise read. */
const LINE_STEP = 50;

/**
 * What the content script knows about one claim on the page: its lines as last read, each line parsed once,
 * and which control belongs to which line, so a keystroke re-reads one line instead of the whole claim.
 */
export interface ClaimState {
  page: PageClaim;
  parsed: Map<string, ClaimLine>;
  byId: Map<string, PageLine>;
  /** Where a line was last dropped or put: a row re-rendered in place usually goes back there. */
  gap?: number;
}

export interface ControlPlace {
  claimId: string;
  lineId: string;
  role: FieldRole;
}

/** A whole page read being prepared (see PageState.prepare and commit). */
export class PageDraft {
  claims = new Map<string, ClaimState>();
  places = new WeakMap<Element, ControlPlace>();
}

function placeLine(places: WeakMap<Element, ControlPlace>, state: ClaimState, line: PageLine): void {
  for (const [role, el] of Object.entries(line.controls)) if (el) places.set(el, { claimId: state.page.id, lineId: line.id, role: role as FieldRole });
}

export class PageState {
  private claims = new Map<string, ClaimState>();
  private places = new WeakMap<Element, ControlPlace>();

  constructor(private today: () => string) {}

  /** Replaces what is known about a claim with a fresh read of it. */
  setClaim(page: PageClaim): ClaimState {
    const state = finish(this.prepare(page));
    for (const line of page.lines) placeLine(this.places, state, line);
    this.claims.set(page.id, state);
    return state;
  }

  /**
   * A claim's lines parsed, pausing now and then, and, given a draft, its controls placed there: a whole page read
   * is prepared off to the side and made known at once (commit).
   */
  *prepare(page: PageClaim, draft?: PageDraft): Steps<ClaimState> {
    const state: ClaimState = { page, parsed: new Map(), byId: new Map() };
    const pause = pauser(LINE_STEP);
    for (const line of page.lines) {
      if (pause()) yield;
      state.parsed.set(line.id, this.parse(page, line));
      state.byId.set(line.id, line);
      if (draft) placeLine(draft.places, state, line);
    }
    draft?.claims.set(page.id, state);
    return state;
  }

  /** What a draft holds becomes all that is known, at once. */
  commit(draft: PageDraft): void {
    this.claims = draft.claims;
    this.places = draft.places;
  }

  /**
   * Adds a line read on its own (a row added or re-rendered), in document order, or replaces the line of the same
   * row. The claim's other lines must all be on the page (see dropDetached).
   */
  putLine(state: ClaimState, line: PageLine): void {
    const { lines } = state.page;
    // A line's id is its row's: the line of the same row has the same id.
    const known = state.byId.get(line.id);
    const at = known ? lines.indexOf(known) : -1;
    if (at >= 0) {
      this.forget(state, lines[at]);
      lines[at] = line;
    } else {
      const gap = state.gap ?? -1;
      // Checking the gap compares the row with its neighbours, a step or two apart in the page; a search compares
      // it with rows far away, which costs the browser a walk over the rows between.
      const to = fitsAt(lines, line.row, gap) ? gap : insertionIndex(lines, line.row);
      lines.splice(to, 0, line);
      state.gap = to + 1;
    }
    this.know(state, line);
  }

  /**
   * Drops the lines that lost a control (removed, or re-rendered in place): among `suspects` when the caller
   * knows which lines a removal touched, else among all. The lines dropped.
   */
  dropDetached(state: ClaimState, suspects?: Iterable<PageLine>): PageLine[] {
    const detached = (l: PageLine) => !l.row.isConnected || Object.values(l.controls).some((el) => el && !el.isConnected);
    const gone = suspects ? [...suspects].filter((l) => state.byId.get(l.id) === l && detached(l)) : state.page.lines.filter(detached);
    if (!gone.length) return gone;
    const dropped = new Set(gone);
    state.gap = state.page.lines.indexOf(gone[0]);
    state.page.lines = state.page.lines.filter((l) => !dropped.has(l));
    for (const line of gone) this.forget(state, line);
    return gone;
  }

  line(state: ClaimState, id: string): PageLine | undefined {
    return state.byId.get(id);
  }

  private know(state: ClaimState, line: PageLine): void {
    state.parsed.set(line.id, this.parse(state.page, line));
    state.byId.set(line.id, line);
    placeLine(this.places, state, line);
  }

  private forget(state: ClaimState, line: PageLine): void {
    state.parsed.delete(line.id);
    state.byId.delete(line.id);
    for (const el of Object.values(line.controls)) if (el && this.places.get(el)?.lineId === line.id) this.places.delete(el);
  }

  placeOf(control: Element): ControlPlace | undefined {
    const place = this.places.get(control);
    return place && this.claims.get(place.claimId)?.byId.has(place.lineId) ? place : undefined;
  }

  claim(id: string): ClaimState | undefined {
    return this.claims.get(id);
  }

  allClaims(): IterableIterator<ClaimState> {
    return this.claims.values();
  }

  /** Stores a line's new raw values and re-parses only that line. */
  updateLine(state: ClaimState, line: PageLine): void {
    const old = state.byId.get(line.id);
    const index = old ? state.page.lines.indexOf(old) : -1;
    if (index >= 0) state.page.lines[index] = line;
    state.byId.set(line.id, line);
    state.parsed.set(line.id, this.parse(state.page, line));
  }

  toClaim(state: ClaimState): Claim {
    const lines = state.page.lines.map((l) => state.parsed.get(l.id)!).filter(Boolean);
    return state.page.patientBirthDate ? { lines, patientBirthDate: state.page.patientBirthDate } : { lines };
  }

  private parse(page: PageClaim, line: PageLine): ClaimLine {
    return parseLine(line.raw, { claimDate: page.claimDate, today: this.today() });
  }
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without the global (rows may come from another realm)

const follows = (row: Element, other: Element) => !!(other.compareDocumentPosition(row) & FOLLOWING);

/** Whether a row belongs at this index among lines in document order. */
function fitsAt(lines: readonly PageLine[], row: Element, at: number): boolean {
  return at >= 0 && at <= lines.length && (at === 0 || follows(row, lines[at - 1].row)) && (at === lines.length || follows(lines[at].row, row));
}

/** Where a row goes among lines in document order (binary search: a claim may have thousands of lines). */
function insertionIndex(lines: readonly PageLine[], row: Element): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // FOLLOWING: the new row comes after this line's row.
    if (follows(row, lines[mid].row)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
