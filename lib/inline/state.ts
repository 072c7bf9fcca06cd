import type { Claim, ClaimLine } from '../claim/line';
import { parseLine } from '../claim/line';
import type { PageClaim, PageLine } from '../page/claim-reader';
import type { FieldRole } from '../page/field-roles';

/**
 * What the content script knows about one claim on the page: its lines as last read, each line parsed once,
 * and which control belongs to which line, so a keystroke re-reads one line instead of the whole claim.
 */
export interface ClaimState {
  page: PageClaim;
  parsed: Map<string, ClaimLine>;
}

export interface ControlPlace {
  claimId: string;
  lineId: string;
  role: FieldRole;
}

export class PageState {
  private claims = new Map<string, ClaimState>();
  private places = new WeakMap<Element, ControlPlace>();

  constructor(private today: () => string) {}

  /** Replaces what is known about a claim with a fresh read of it. */
  setClaim(page: PageClaim): ClaimState {
    const state: ClaimState = { page, parsed: new Map() };
    for (const line of page.lines) {
      state.parsed.set(line.id, this.parse(page, line));
      for (const [role, el] of Object.entries(line.controls)) if (el) this.places.set(el, { claimId: page.id, lineId: line.id, role: role as FieldRole });
    }
    this.claims.set(page.id, state);
    return state;
  }

  placeOf(control: Element): ControlPlace | undefined {
    const place = this.places.get(control);
    return place && this.claims.has(place.claimId) ? place : undefined;
  }

  claim(id: string): ClaimState | undefined {
    return this.claims.get(id);
  }

  allClaims(): IterableIterator<ClaimState> {
    return this.claims.values();
  }

  /** Drops claims whose root left the page. */
  prune(): void {
    for (const [id, state] of this.claims) if (!state.page.root.isConnected && state.page.root.nodeType !== 9) this.claims.delete(id);
  }

  clear(): void {
    this.claims.clear();
    this.places = new WeakMap();
  }

  /** Stores a line's new raw values and re-parses only that line. */
  updateLine(state: ClaimState, line: PageLine): void {
    const index = state.page.lines.findIndex((l) => l.id === line.id);
    if (index >= 0) state.page.lines[index] = line;
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
