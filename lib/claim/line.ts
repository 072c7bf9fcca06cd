import { type AreaCode, parseArea } from './area';
import { parseDate, todayIso } from './dates';
import { type ParsedSurfaces, parseSurfaces } from './surfaces';
import { type ParsedTeeth, parseTeeth, parseToothSystem, type ToothSystem } from './teeth';

/** One service line of a claim (ADA items 24-29b), parsed from what the page's controls hold. */
export interface ClaimLine {
  /** Stable within a claim: the row's key on the page. */
  id: string;
  /** Procedure code, normalised (D + 4 digits), or null when the line has none. */
  code: string | null;
  toothSystem: ToothSystem;
  teeth: ParsedTeeth;
  surfaces: ParsedSurfaces;
  area: { raw: string; code: AreaCode | null; invalid: boolean };
  /** ISO date of service: from the line, else the claim, else today. */
  dateOfService: string;
  dateSource: 'line' | 'claim' | 'today';
  quantity: number;
}

export interface Claim {
  lines: ClaimLine[];
  /** Patient birth date (ISO), when the page shows one. */
  patientBirthDate?: string;
}

/** The raw text of a line's fields, as read from the page. */
export interface RawLine {
  id: string;
  code?: string | null;
  tooth?: string;
  toothSystem?: string;
  surface?: string;
  area?: string;
  date?: string;
  quantity?: string;
}

export interface LineDefaults {
  /** A claim-level date of service, ISO. */
  claimDate?: string | null;
  today?: string;
}

export function parseLine(raw: RawLine, defaults: LineDefaults = {}): ClaimLine {
  const toothSystem = parseToothSystem(raw.toothSystem);
  const lineDate = raw.date ? parseDate(raw.date) : null;
  const [dateOfService, dateSource] = lineDate
    ? [lineDate, 'line' as const]
    : defaults.claimDate
      ? [defaults.claimDate, 'claim' as const]
      : [defaults.today ?? todayIso(), 'today' as const];
  const quantity = Number.parseInt(raw.quantity ?? '', 10);
  return {
    id: raw.id,
    code: raw.code ? raw.code.trim().toUpperCase() : null,
    toothSystem,
    teeth: parseTeeth(raw.tooth ?? '', toothSystem),
    surfaces: parseSurfaces(raw.surface ?? ''),
    area: parseArea(raw.area ?? ''),
    dateOfService,
    dateSource,
    quantity: Number.isFinite(quantity) && quantity > 0 ? quantity : 1,
  };
}
