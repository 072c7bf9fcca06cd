/**
 * Tooth designations on a claim line (ADA item 27), in the line's tooth system (item 26):
 * JP = ADA Universal (default): permanent 1-32, primary A-T, supernumerary 51-82 and AS-TS;
 * JO = ISO 3950 / FDI: permanent 11-48, primary 51-85.
 * Ranges use a hyphen ("2-5", "C-H"), lists commas or spaces. Everything is normalised to Universal.
 */

export type ToothSystem = 'JP' | 'JO';

export interface Tooth {
  /** Universal designation, e.g. "3", "K", "53", "AS". */
  universal: string;
  dentition: 'permanent' | 'primary';
  position: 'anterior' | 'premolar' | 'molar';
  quadrant: 'UR' | 'UL' | 'LL' | 'LR';
  arch: 'maxillary' | 'mandibular';
  supernumerary: boolean;
}

export interface ParsedTeeth {
  /** The text as typed. */
  raw: string;
  teeth: Tooth[];
  /** Parts that are not valid designations in the tooth system. */
  invalid: string[];
  /** Whether the line gave a range ("2-5") rather than single teeth. */
  range: boolean;
}

const PRIMARY = 'ABCDEFGHIJKLMNOPQRST';
const MAX_TEETH = 64;

function permanent(n: number, supernumerary = false): Tooth {
  const quadrant = n <= 8 ? 'UR' : n <= 16 ? 'UL' : n <= 24 ? 'LL' : 'LR';
  const inQuadrant = n <= 16 ? (n <= 8 ? n : 17 - n) : n <= 24 ? n - 16 : 33 - n; // 1 = third molar .. 8 = central
  const position = inQuadrant <= 3 ? 'molar' : inQuadrant <= 5 ? 'premolar' : 'anterior';
  return {
    universal: String(supernumerary ? n + 50 : n),
    dentition: 'permanent',
    position,
    quadrant,
    arch: n <= 16 ? 'maxillary' : 'mandibular',
    supernumerary,
  };
}

function primary(letter: string, supernumerary = false): Tooth {
  const i = PRIMARY.indexOf(letter); // 0 = A (upper right second molar)
  const quadrant = i < 5 ? 'UR' : i < 10 ? 'UL' : i < 15 ? 'LL' : 'LR';
  const fromBack = i < 10 ? (i < 5 ? i : 9 - i) : i < 15 ? i - 10 : 19 - i; // 0,1 molars .. 4 central
  return {
    universal: supernumerary ? `${letter}S` : letter,
    dentition: 'primary',
    position: fromBack <= 1 ? 'molar' : 'anterior',
    quadrant,
    arch: i < 10 ? 'maxillary' : 'mandibular',
    supernumerary,
  };
}

/** One Universal designation, or null. */
export function universalTooth(token: string): Tooth | null {
  const t = token.trim().toUpperCase();
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    if (n >= 1 && n <= 32) return permanent(n);
    if (n >= 51 && n <= 82) return permanent(n - 50, true);
    return null;
  }
  if (/^[A-T]$/.test(t)) return primary(t);
  if (/^[A-T]S$/.test(t)) return primary(t[0], true);
  return null;
}

/** One FDI (ISO 3950) designation converted to Universal, or null. */
export function fdiTooth(token: string): Tooth | null {
  const t = token.trim();
  if (!/^\d\d$/.test(t)) return null;
  const q = Number(t[0]);
  const n = Number(t[1]);
  if (q >= 1 && q <= 4 && n >= 1 && n <= 8) {
    const universal = [9 - n, 8 + n, 25 - n, 24 + n][q - 1];
    return permanent(universal);
  }
  if (q >= 5 && q <= 8 && n >= 1 && n <= 5) {
    const index = [5 - n, 4 + n, 15 - n, 14 + n][q - 5];
    return primary(PRIMARY[index]);
  }
  return null;
}

function expandRange(from: string, to: string, system: ToothSystem): Tooth[] | null {
  const parse = system === 'JO' ? fdiTooth : universalTooth;
  const a = parse(from);
  const b = parse(to);
  if (!a || !b || a.dentition !== b.dentition || a.supernumerary || b.supernumerary) return null;
  if (system === 'JO') return a.arch === b.arch ? walkUniversal(a, b) : null;
  return walkUniversal(a, b);
}

/** Teeth between two Universal teeth of one dentition, in numbering order (either direction). */
function walkUniversal(a: Tooth, b: Tooth): Tooth[] {
  if (a.dentition === 'permanent') {
    const [lo, hi] = [Number(a.universal), Number(b.universal)].sort((x, y) => x - y);
    return Array.from({ length: hi - lo + 1 }, (_, k) => permanent(lo + k));
  }
  const [lo, hi] = [PRIMARY.indexOf(a.universal), PRIMARY.indexOf(b.universal)].sort((x, y) => x - y);
  return Array.from({ length: hi - lo + 1 }, (_, k) => primary(PRIMARY[lo + k]));
}

export function parseToothSystem(text: string | undefined | null): ToothSystem {
  return /\bJO\b|ISO|FDI/i.test(text ?? '') ? 'JO' : 'JP';
}

/** Parses item 27: "3", "#3", "3, 14", "2-5", "c-h", "AS", "51"; in FDI when the system is JO. */
export function parseTeeth(raw: string, system: ToothSystem = 'JP'): ParsedTeeth {
  const text = raw.slice(0, 200);
  const out: ParsedTeeth = { raw, teeth: [], invalid: [], range: false };
  const parts = text
    .replace(/#/g, ' ')
    .replace(/\s*[-–]\s*/g, '-')
    .split(/[,;\s]+/)
    .filter(Boolean);
  for (const part of parts) {
    if (out.teeth.length >= MAX_TEETH) break;
    const range = /^([A-Za-z0-9]{1,2})\s*[-–]\s*([A-Za-z0-9]{1,2})$/.exec(part);
    if (range) {
      const teeth = expandRange(range[1], range[2], system);
      if (teeth) {
        out.teeth.push(...teeth.slice(0, MAX_TEETH - out.teeth.length));
        out.range = true;
      } else out.invalid.push(part);
      continue;
    }
    const tooth = system === 'JO' ? fdiTooth(part) : universalTooth(part);
    if (tooth) out.teeth.push(tooth);
    else out.invalid.push(part);
  }
  return out;
}
